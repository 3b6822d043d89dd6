// Builds dist/. The npm entries are ES modules that leave their dependency (Preact, for the UI,
// and `consentry` itself for ui/ and presets/) to the app's bundler. The script tag's files are
// IIFEs that carry everything they need, one per entry file in bundles/. Every input named here
// must exist: a missing or renamed entry fails the build.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const readJSON = (path) => JSON.parse(readFileSync(path, 'utf8'));
const ADD_ON_PRESETS = readJSON('src/core/config/add-on-presets.json');
const LANGUAGES = readJSON('ui/i18n/languages.json');
const BROWSERS = 'es2020';
const NODE = 'node20';
const BUNDLES = fileURLToPath(new URL('bundles/', import.meta.url));

/**
 * TypeScript and JSX to JavaScript. The classic `h()` factory: its calls are smaller than the
 * automatic runtime's `jsx(type, { children })`. UTF-8 output: Arabic as \uXXXX escapes would be
 * three times larger (the UI inserts the language files with charset="utf-8").
 */
const transpile = ({ target = BROWSERS, minify = false } = {}) =>
  esbuild({
    target,
    minify,
    jsx: 'transform',
    jsxFactory: 'h',
    jsxFragment: 'Fragment',
    charset: 'utf8',
    legalComments: 'none',
    loaders: { '.json': 'json' },
  });
const resolveSources = () => nodeResolve({ extensions: ['.ts', '.tsx', '.js'] });

/** ui/ and presets/ import the core as `consentry`: inside a bundle that is its source. */
const coreFromSource = {
  name: 'core-from-source',
  resolveId: (source) => (source === 'consentry' ? fileURLToPath(new URL('src/index.ts', import.meta.url)) : null),
};

/** An npm entry: an ES module whose dependencies (React and Vue for the bindings) the app's bundler resolves. */
const esm = (input, file, extraPlugins = []) => ({
  input,
  output: { file, format: 'es' },
  external: (id) => /^(preact|consentry|react|vue)(\/|$)/.test(id),
  plugins: [resolveSources(), transpile(), ...extraPlugins],
});

/**
 * `gate()` imports the consent log on use (src/browser/gate.ts). In `consentry` that import names
 * `consentry-log.mjs`, the log built as a module of its own that carries the little it shares with
 * the core, so an app's bundler neither includes it in nor wraps the core for an app that does not log.
 */
const CONSENT_LOG = 'src/browser/consent-log/start-consent-log.ts';
const consentLogApart = {
  name: 'consent-log-apart',
  resolveId: {
    order: 'pre', // before the sources' own resolution
    handler: (source, importer) =>
      source === './consent-log/start-consent-log' && importer?.endsWith('/src/browser/gate.ts')
        ? { id: './consentry-log.mjs', external: true }
        : null,
  },
};

/**
 * Optional peer dependencies the Node modules load on use: esbuild (`consentry build`), the audit's
 * playwright-core and @duckduckgo/autoconsent, and the records service's server and database
 * libraries (`consentry serve`, `consentry/server`).
 */
const NODE_PEERS =
  /^(esbuild|playwright-core|@duckduckgo\/autoconsent|hono|@hono\/node-server|kysely|better-sqlite3|pg)(\/|$)/;

/** A Node module (the CLI, `consentry/build`, `consentry/server`): node: built-ins and optional peers stay external. */
const nodeModule = (input, file, output = {}) => ({
  input,
  output: { file, format: 'es', ...output },
  external: (id) => id.startsWith('node:') || NODE_PEERS.test(id),
  plugins: [resolveSources(), transpile({ target: NODE })],
});

/**
 * A file of the script tag, shipped as built: the entry in bundles/ is the only module that acts
 * when loaded; every module it imports only defines things. Telling rollup so lets it drop a
 * module of which nothing is used even if it has top-level calls (the validator's checks). Terser after esbuild saves about 3 % gzip that a site's bundler
 * would otherwise not recover. A source map is written beside each file without a reference in
 * it (not published: package.json leaves maps out), so the benchmark's CPU profiles name modules.
 */
const iife = (input, file) => ({
  input,
  output: {
    file,
    format: 'iife',
    sourcemap: 'hidden',
    plugins: [terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } })],
  },
  treeshake: { moduleSideEffects: (id) => id.startsWith(BUNDLES) },
  plugins: [coreFromSource, resolveSources(), transpile({ minify: true })],
});

/**
 * Subresource Integrity for the chunks: the script tag's files get the sha256 of every file they
 * may fetch from their folder (src/script-tag/load-chunk.ts), read from dist/ after those files
 * were written. Rollup builds the configurations below in order, so the chunks come first. Any
 * chunk added to CHUNKS is covered. sha256, not the tag's sha384: every visitor downloads these
 * hashes, 20 bytes fewer each (src/node/integrity.ts `chunkIntegrityOf` for `consentry build`).
 */
const chunkIntegrity = (chunks) => ({
  name: 'chunk-integrity',
  load(id) {
    if (id !== fileURLToPath(new URL('bundles/chunk-integrity.ts', import.meta.url))) return null;
    const hashes = Object.fromEntries(
      chunks.map((config) => {
        const sha256 = createHash('sha256').update(readFileSync(config.output.file)).digest('base64');
        return [config.output.file.slice('dist/'.length), 'sha256-' + sha256];
      }),
    );
    return `export const CHUNK_INTEGRITY = ${JSON.stringify(hashes)};`;
  },
});

/** The Open Cookie Database's licence (Apache-2.0), next to the audit's chunk that carries the data. */
const copyCookieDatabaseLicence = {
  name: 'copy-cookie-database-licence',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'node/open-cookie-database.LICENSE.txt',
      source: readFileSync('src/node/audit/data/open-cookie-database.LICENSE.txt'),
    });
  },
};

/** Ships the config's JSON Schema as `consentry/schema.json`. */
const copySchema = {
  name: 'copy-schema',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'schema.json', source: readFileSync('src/core/config/schema.json') });
  },
};

/** The files the script tag fetches from its own folder; built before the files that load them. */
const CHUNKS = [
  iife('bundles/ui-chunk.ts', 'dist/consentry-ui.js'),
  iife('bundles/config-check.ts', 'dist/consentry-check.js'),
  iife('bundles/embeds-chunk.ts', 'dist/consentry-embeds.js'),
  iife('bundles/cleanup-chunk.ts', 'dist/consentry-cleanup.js'),
  iife('bundles/log-chunk.ts', 'dist/consentry-log.js'),
  iife('bundles/debug-chunk.ts', 'dist/consentry-debug.js'),
  iife('bundles/leftovers-chunk.ts', 'dist/consentry-leftovers.js'),
  ...LANGUAGES.map((lang) => iife(`bundles/i18n/${lang}.ts`, `dist/i18n/${lang}.js`)),
];
/** A script-tag file: it carries the integrity of each chunk. */
const scriptTag = (input, file) => {
  const config = iife(input, file);
  return { ...config, plugins: [chunkIntegrity(CHUNKS), ...config.plugins] };
};

export default [
  // The npm entries.
  esm('src/index.ts', 'dist/consentry.mjs', [consentLogApart]),
  esm(CONSENT_LOG, 'dist/consentry-log.mjs'),
  esm('presets/index.ts', 'dist/presets.mjs', [copySchema]),
  esm('ui/index.ts', 'dist/ui.mjs'),
  esm('src/debug.ts', 'dist/debug.mjs'),
  esm('src/gpp.ts', 'dist/gpp.mjs'),
  // The framework bindings: React and Vue stay the app's own. `consentry/react` is client code
  // for React Server Components (react.dev/reference/rsc/use-client): a server component (Next.js
  // App Router) may render <Consent> and <ConsentProvider>, which run in the browser.
  {
    ...esm('bindings/react/index.ts', 'dist/react.mjs'),
    output: { file: 'dist/react.mjs', format: 'es', banner: "'use client';" },
  },
  esm('bindings/vue/index.ts', 'dist/vue.mjs'),
  // `consentry/i18n` and `consentry/i18n/<lang>`: the index imports each language dynamically,
  // so the app's bundler makes one chunk per language.
  {
    input: Object.fromEntries([
      ['index', 'ui/i18n/index.ts'],
      ...LANGUAGES.map((lang) => [lang, `ui/i18n/${lang}.ts`]),
    ]),
    output: { dir: 'dist/i18n', format: 'es', entryFileNames: '[name].mjs' },
    plugins: [resolveSources(), transpile()],
  },

  // The script tag and the files it fetches from its own folder.
  ...CHUNKS,
  scriptTag('bundles/script-tag.ts', 'dist/consentry.js'),
  scriptTag('bundles/script-tag-full.ts', 'dist/consentry.full.js'),
  // The GPP add-on a page loads itself, before consentry.js (like the add-on presets).
  iife('bundles/gpp.ts', 'dist/gpp.js'),
  ...ADD_ON_PRESETS.map((name) => iife(`bundles/presets/${name}.ts`, `dist/presets/${name}.js`)),

  // Node: the CLI, `consentry/build`, and the runtime `consentry build` bundles a site's file from.
  // The CLI; `consentry audit` is its own chunk in dist/node/, with the cookie database and its
  // licence next to it, loaded on use.
  {
    ...nodeModule('bundles/cli.ts'),
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'cli.mjs',
      // Only the audit is imported on use, so it is the one chunk; the core code the other
      // commands share stays in cli.mjs (a manual chunk would pull that code, and with it every
      // command's start, into the audit's file).
      chunkFileNames: 'node/audit.mjs',
      banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''),
    },
    plugins: [...nodeModule('bundles/cli.ts').plugins, copyCookieDatabaseLicence],
  },
  nodeModule('src/build.ts', 'dist/build.mjs'),
  nodeModule('src/server.ts', 'dist/server.mjs'),
  // GPP is its own entry: a site's file imports it only for a config with `gpp`, and its
  // top-level tables would otherwise stay in every site's bundle (esbuild keeps array spreads and
  // calls it cannot prove pure). What both entries use goes to one shared chunk.
  {
    input: { runtime: 'bundles/build-runtime.ts', gpp: 'bundles/build-gpp.ts' },
    output: { dir: 'dist/build', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'shared-[name].mjs' },
    plugins: [coreFromSource, resolveSources(), transpile()],
  },
];
