// The entry `consentry build` writes for the benchmark site (src/node/build/script-tag-entry.ts),
// made from the sources instead of dist/build/runtime.mjs so that each module keeps its name:
// `npm run size:why site-build` and the returning-visit benchmark bundle it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { BENCH_SITE } from './size.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * `gate()`'s import of the consent log stays outside, as rollup.config.mjs builds `consentry`:
 * followed, it would make esbuild wrap the modules the log shares with the core in lazy
 * initialisers, and the measured file would carry code no built file has.
 */
const consentLogApart = {
  name: 'consent-log-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/consent-log\/start-consent-log$/ }, (args) =>
      args.importer.endsWith('/src/browser/gate.ts') ? { path: './consentry-log.mjs', external: true } : undefined,
    );
  },
};

/**
 * esbuild options that bundle the repository's sources the way rollup.config.mjs resolves them:
 * `consentry` (as ui/ and presets/ import the core) is src/index.ts, JSX calls `h`.
 */
export const FROM_SOURCES = {
  absWorkingDir: ROOT,
  alias: { consentry: './src/index.ts' },
  jsxFactory: 'h',
  jsxFragment: 'Fragment',
  plugins: [consentLogApart],
  bundle: true,
  write: false,
};

/** Imports a TypeScript module of the repository by bundling it (Node 20 cannot load .ts itself). */
async function importSource(file) {
  const { outputFiles } = await build({
    entryPoints: [file],
    absWorkingDir: ROOT,
    alias: { consentry: './src/index.ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

/**
 * The entry source for `config` (default: the benchmark site's), resolved from the repository's
 * root. `features` overrides what the config's needs would switch on (to measure a part's cost).
 */
export async function siteBuildEntry(config = BENCH_SITE, features = {}) {
  const [{ scriptTagEntry, exportName }, { siteNeeds }, { presetRegistry }] = await Promise.all(
    ['src/node/build/script-tag-entry.ts', 'src/node/build/features.ts', 'presets/registry.ts'].map(importSource),
  );
  const needs = siteNeeds(config, presetRegistry);
  return scriptTagEntry({
    runtime: './bundles/build-runtime.ts',
    presetExports: needs.presets.map(exportName),
    features: { ...needs.features, ...features },
    config,
  });
}
