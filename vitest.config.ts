// One project per area, so each runs alone (`npx vitest run --project unit`):
// unit (jsdom, no build needed), docs and package (the built files), then e2e in real Chromium,
// against the generic files and again against a site's own `consentry build` file.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BUILT_FILE_PATH } from './test/e2e/support/built-file-path.ts';

const NEEDS_DIST = 'test/support/needs-dist.ts';
// The first group (unit, docs, package, records) is CPU-bound Node work: every core, and two on
// a two-core CI machine, where vitest's default (cores - 1) would run its seventy files one by one.
const FIRST_GROUP = {
  maxWorkers: Math.max(2, availableParallelism() - 1),
  sequence: { groupOrder: 0 },
} as const;
// Each file starts one Chromium; files share their workers' module cache (`isolate: false`), which
// saves importing playwright-core and the helpers again for each of some seventy files.
const CHROMIUM = {
  testTimeout: 30_000,
  hookTimeout: 30_000,
  environment: 'node',
  maxWorkers: 2,
  isolate: false,
} as const;

export default defineConfig({
  // The classic `h()` factory, as in tsconfig.json and the build.
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
  // ui/, presets/ and bindings/ import the core (and the bindings the lazy UI) by package name.
  resolve: {
    alias: [
      { find: /^consentry$/, replacement: fileURLToPath(new URL('src/index.ts', import.meta.url)) },
      { find: /^consentry\/ui$/, replacement: fileURLToPath(new URL('ui/index.ts', import.meta.url)) },
      { find: /^consentry\/i18n$/, replacement: fileURLToPath(new URL('ui/i18n/index.ts', import.meta.url)) },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          ...FIRST_GROUP,
          include: ['test/unit/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'docs',
          environment: 'node',
          ...FIRST_GROUP,
          include: ['test/docs/**/*.test.ts'],
          globalSetup: [NEEDS_DIST],
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          environment: 'node',
          ...FIRST_GROUP,
          include: ['test/package/**/*.test.ts'],
          globalSetup: [NEEDS_DIST],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        // The records service (`consentry serve`) on its real databases: SQLite in a temp folder and
        // a throwaway PostgreSQL cluster the setup starts; the process tests run the built CLI.
        test: {
          name: 'records',
          environment: 'node',
          ...FIRST_GROUP,
          include: ['test/records/**/*.test.ts'],
          globalSetup: [NEEDS_DIST, 'test/records/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        // After the others, not beside them: Chromium needs the cores. Two at most: CI has two.
        test: {
          name: 'e2e',
          ...CHROMIUM,
          sequence: { groupOrder: 1 },
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: [NEEDS_DIST],
        },
      },
      {
        extends: true,
        test: {
          // The suites whose code path depends on the file served, run again against a site's own
          // file made by `consentry build` from a config that uses every feature
          // (test/e2e/support/build-site-file.ts), after the generic file's run. Such a file
          // differs from the generic one in its boot: the config built in, the checker fetched for
          // a config the page gives, auto-blocking, Consent Mode, cross-tab, the consent log and
          // GPP built in, the eight built-in presets plus add-on files, its chunks' integrity.
          // The other suites (markup gating, embeds, the banner's looks and keyboard paths, the
          // vendors' own behaviour) run the same browser/ and ui/ modules in both files and are
          // not repeated: the CI machine has two cores and the whole suite 15 minutes.
          name: 'e2e-built',
          ...CHROMIUM,
          sequence: { groupOrder: 2 },
          include: [
            'test/e2e/script-tag.test.ts',
            'test/e2e/script-tag-defer.test.ts',
            'test/e2e/lazy-parts.test.ts',
            'test/e2e/gating-fail-closed.test.ts',
            'test/e2e/gating-autoblock.test.ts',
            'test/e2e/presets-google.test.ts',
            'test/e2e/presets-addons.test.ts',
            'test/e2e/leftover-scripts.test.ts',
            'test/e2e/cross-tab.test.ts',
            'test/e2e/consent-log.test.ts',
            'test/e2e/gpp.test.ts',
            'test/e2e/ui-layout.test.ts',
          ],
          env: { CONSENTRY_BUILT_FILE: BUILT_FILE_PATH },
          globalSetup: [NEEDS_DIST, 'test/e2e/support/build-site-file.ts'],
        },
      },
      {
        extends: true,
        // `consentry audit` against fixture sites in real Chromium, beside the e2e-built suites
        // (vitest starts the audit files first, being the first project by name): an audit spends
        // much of its time waiting for the network to settle, which the other worker fills. Each
        // audit starts its own browser and runs several phases, so each file runs its audits one
        // after the other.
        test: {
          name: 'audit',
          ...CHROMIUM,
          testTimeout: 180_000,
          sequence: { groupOrder: 2 },
          include: ['test/audit/**/*.test.ts'],
          globalSetup: [NEEDS_DIST],
        },
      },
    ],
  },
});
