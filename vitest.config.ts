import { defineConfig } from 'vitest/config';
import { BUILT_FILE_PATH } from './test/e2e/support/built-file-path.ts';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          sequence: { groupOrder: 0 },
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/docs/**/*.test.ts', 'test/package/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          // After the unit tests, not beside them: Chromium needs the cores.
          sequence: { groupOrder: 1 },
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Two Chromium instances at most: CI has two cores.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          // The same suite against a site's own file made by `consentry build` from a config
          // that uses every feature (test/e2e/support/build-site-file.ts), after the generic file's run.
          name: 'e2e-built',
          environment: 'node',
          sequence: { groupOrder: 2 },
          include: ['test/e2e/**/*.test.ts'],
          // Tests of the generic files themselves (which file is fetched when, the demo site's,
          // the packed package's, the CDN tag's integrity), which a site's own file does not replace.
          exclude: [
            'test/e2e/ui-delivery.test.ts',
            'test/e2e/demo-site.test.ts',
            'test/e2e/package-install.test.ts',
            'test/e2e/cdn-tag.test.ts',
          ],
          env: { CONSENTRY_BUILT_FILE: BUILT_FILE_PATH },
          globalSetup: ['test/e2e/support/build-site-file.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
