// Builds every file in dist/. ESM entries keep dependencies external; the script-tag
// files (IIFE) bundle everything they need. `ui/` and `presets/` reach the core only
// through its public entry, which the ESM builds rewrite to the `consentry` package.
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';

const root = dirname(fileURLToPath(import.meta.url));
const srcDir = resolve(root, 'src');
const target = 'es2020';
const transpile = (minify) =>
  esbuild({ target, minify, jsx: 'automatic', jsxImportSource: 'preact', legalComments: 'none' });

/** In the ESM builds of ui/ and presets/, imports of the core become `import ... from 'consentry'`. */
const coreAsPackage = {
  name: 'core-as-package',
  resolveId(source, importer) {
    if (!importer || importer.startsWith(srcDir) || !source.startsWith('.')) return null;
    const full = resolve(dirname(importer), source);
    return full.startsWith(srcDir + '/') || full === srcDir ? { id: 'consentry', external: true } : null;
  },
};

/** Entries that only exist to join parts for one built file, so `src/` never imports `presets/` or `ui/`. */
const virtualEntries = (entries) => ({
  name: 'virtual-entries',
  resolveId: (id) => (id in entries ? id : null),
  load: (id) => entries[id] ?? null,
});
const virtual = {
  // The reopen button ships in the core, so a returning visitor sees it without the UI chunk;
  // the chunk (loaded by this file) uses the same copy through window.ConsentryUI.
  'entry:script-tag': `
    import { bootScriptTag } from ${JSON.stringify(srcDir + '/script-tag/boot.ts')};
    import { installAutoBlock } from ${JSON.stringify(srcDir + '/browser/autoblock/install-auto-block.ts')};
    import { validateConfig } from ${JSON.stringify(srcDir + '/core/config/validate.ts')};
    import { builtInPresets } from ${JSON.stringify(root + '/presets/built-in.ts')};
    import { mountReopenButton } from ${JSON.stringify(root + '/ui/reopen-button.ts')};
    import { LANGUAGES } from ${JSON.stringify(root + '/ui/i18n/languages.ts')};
    (window.ConsentryUI = window.ConsentryUI || {}).mountReopenButton = mountReopenButton;
    bootScriptTag({ registry: builtInPresets, mountReopenButton, validate: validateConfig, installAutoBlock, languages: LANGUAGES });`,
  'entry:script-tag-full': `
    import { bootScriptTag } from ${JSON.stringify(srcDir + '/script-tag/boot.ts')};
    import { installAutoBlock } from ${JSON.stringify(srcDir + '/browser/autoblock/install-auto-block.ts')};
    import { validateConfig } from ${JSON.stringify(srcDir + '/core/config/validate.ts')};
    import { builtInPresets } from ${JSON.stringify(root + '/presets/built-in.ts')};
    import { mountUI, mountReopenButton } from ${JSON.stringify(root + '/ui/index.ts')};
    import { LANGUAGES } from ${JSON.stringify(root + '/ui/i18n/languages.ts')};
    bootScriptTag({ registry: builtInPresets, mountUI, mountReopenButton, validate: validateConfig, installAutoBlock, languages: LANGUAGES });`,
  // For files made by \`consentry build\`, fetched only when a page overrides their built-in config.
  'entry:config-check': `
    import { validateConfig } from ${JSON.stringify(srcDir + '/core/config/validate.ts')};
    (window.ConsentryUI = window.ConsentryUI || {}).validateConfig = validateConfig;`,
  // What \`consentry build\` bundles a site's file from: every runtime part and preset, each
  // dropped by the site's bundle unless its config uses it.
  'entry:build-runtime': `
    export { bootScriptTag } from ${JSON.stringify(srcDir + '/script-tag/boot.ts')};
    export { installAutoBlock } from ${JSON.stringify(srcDir + '/browser/autoblock/install-auto-block.ts')};
    export { mountReopenButton } from ${JSON.stringify(root + '/ui/reopen-button.ts')};
    export { LANGUAGES } from ${JSON.stringify(root + '/ui/i18n/languages.ts')};
    export * from ${JSON.stringify(root + '/presets/index.ts')};`,
  'entry:ui-chunk': `
    import { mountUI } from ${JSON.stringify(root + '/ui/index.ts')};
    (window.ConsentryUI = window.ConsentryUI || {}).mountUI = mountUI;`,
  'entry:cli': `
    import { runCli } from ${JSON.stringify(srcDir + '/node/cli/run.ts')};
    import { presetRegistry } from ${JSON.stringify(root + '/presets/registry.ts')};
    runCli(process.argv.slice(2), { registry: presetRegistry }).then((code) => { process.exitCode = code; });`,
};
const has = (file) => existsSync(resolve(root, file));
/** In consentry-ui.js, `ui/reopen-button.ts` becomes the copy consentry.js registered (see above). */
const reopenFromCore = {
  name: 'reopen-from-core',
  resolveId: (source, importer) =>
    importer && importer.startsWith(root + '/ui/') && source === './reopen-button'
      ? resolve(root, 'ui/reopen-from-core.ts')
      : null,
};
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
/** Resolves `consentry` and `consentry/*` through package.json "exports" to the built files. */
const packageByName = {
  name: 'package-by-name',
  resolveId(source) {
    const sub = source === 'consentry' ? '.' : source.startsWith('consentry/') ? '.' + source.slice(9) : null;
    const target = sub && pkg.exports[sub];
    return target ? resolve(root, target.default ?? target) : null;
  },
};

const esm = (input, file, extra = []) => ({
  input,
  output: { file, format: 'es' },
  external: (id) => /^(preact|js-cookie)(\/|$)/.test(id) || id === 'consentry',
  plugins: [...extra, nodeResolve({ extensions: ['.ts', '.tsx', '.js'] }), transpile(false)],
});
/**
 * The script-tag files ship as built, so they get a second minifier pass: terser after esbuild
 * saves about 3% gzip that a site's bundler would otherwise not recover.
 */
const squeeze = () => terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } });
/**
 * Only the virtual entries act when loaded; every module they import (ours, Preact, js-cookie)
 * only defines things. Telling rollup so lets it drop a module of which nothing is used, even if
 * it has top-level calls (the validator's checks, js-cookie's default instance): the UI chunk
 * imports one helper from the core's entry and must not carry the rest of the core with it.
 */
const onlyEntriesAct = { moduleSideEffects: (id) => id.startsWith('entry:') };
const iife = (input, file, name, extra = []) => ({
  input,
  output: { file, format: 'iife', name, plugins: [squeeze()] },
  treeshake: onlyEntriesAct,
  plugins: [...extra, virtualEntries(virtual), nodeResolve({ extensions: ['.ts', '.tsx', '.js'] }), transpile(true)],
});

/** Ships the config's JSON Schema as `consentry/schema.json`, next to the presets it describes. */
const copySchema = {
  name: 'copy-schema',
  buildStart() {
    this.addWatchFile(resolve(root, 'src/core/config/schema.json'));
  },
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'schema.json',
      source: readFileSync(resolve(root, 'src/core/config/schema.json')),
    });
  },
};

/**
 * One tiny IIFE per extra UI language (`dist/i18n/de.js`), registering its texts on
 * `window.ConsentryUI.i18n`; the UI fetches only the one the page needs.
 */
const uiLanguages = has('ui/i18n/languages.ts')
  ? readdirSync(resolve(root, 'ui/i18n'))
      .filter((f) => /^[a-z]{2}\.ts$/.test(f) && f !== 'en.ts')
      .map((f) => f.slice(0, 2))
  : [];
for (const lang of uiLanguages)
  virtual[`entry:i18n-${lang}`] = `
    import texts from ${JSON.stringify(`${root}/ui/i18n/${lang}.ts`)};
    var ui = window.ConsentryUI = window.ConsentryUI || {};
    (ui.i18n = ui.i18n || {})[${JSON.stringify(lang)}] = texts;`;

/**
 * Add-on presets (presets/add-ons.ts): one small IIFE each, `dist/presets/<name>.js`, that puts
 * its definition on `window.consentryPresets`, which the script tag reads at start. A site adds
 * the tag of each vendor it names before consentry.js; consentry.js itself carries only the
 * built-in presets, so its size does not depend on how many presets exist.
 */
const addOnPresets = has('presets/add-ons.ts')
  ? [
      ...readFileSync(resolve(root, 'presets/add-ons.ts'), 'utf8').matchAll(
        /^import \{ (\w+) \} from '\.\/([\w-]+)';$/gm,
      ),
    ]
  : [];
for (const [, factory, file] of addOnPresets)
  virtual[`entry:preset-${file}`] = `
    import { ${factory} } from ${JSON.stringify(`${root}/presets/${file}.ts`)};
    (window.consentryPresets = window.consentryPresets || []).push(${factory}.definition);`;

/**
 * In an add-on file, the core's public entry (`../src/index` from presets/) becomes just the two
 * helpers presets use, so the file does not carry js-cookie or the validator, whose module-level
 * code rollup cannot drop from an IIFE.
 */
virtual['entry:preset-helpers'] = `
    export { checkOption } from ${JSON.stringify(srcDir + '/core/check-option.ts')};
    export { definePreset } from ${JSON.stringify(srcDir + '/core/define-preset.ts')};`;
const presetHelpers = {
  name: 'preset-helpers',
  resolveId: (source, importer) =>
    importer && importer.startsWith(root + '/presets/') && resolve(dirname(importer), source) === srcDir + '/index'
      ? 'entry:preset-helpers'
      : null,
};

/** `Consentry.debug()`'s report, fetched by the script tag only when called. */
virtual['entry:debug-chunk'] = `
    import { debugReport } from ${JSON.stringify(srcDir + '/browser/debug-report.ts')};
    (window.ConsentryDebug = window.ConsentryDebug || {}).report = debugReport;`;

/**
 * tsc keeps the extensionless relative imports of the sources in dist/types; Node's ESM
 * resolution (and TypeScript's `node16`) needs them spelled out: `./x` → `./x.js` or
 * `./x/index.js`. Runs once, after `tsc` has written the declarations.
 */
const fullySpecifiedDeclarations = {
  name: 'fully-specified-declarations',
  buildStart() {
    const dir = resolve(root, 'dist/types');
    if (!existsSync(dir)) return;
    for (const file of readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.d.ts'))) {
      const path = resolve(dir, file);
      const code = readFileSync(path, 'utf8').replace(
        /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]*?)\2/g,
        (all, before, quote, spec) => {
          if (/\.(js|json)$/.test(spec)) return all;
          const target = resolve(dirname(path), spec);
          const fixed = existsSync(target + '.d.ts')
            ? spec + '.js'
            : existsSync(resolve(target, 'index.d.ts'))
              ? spec + '/index.js'
              : spec;
          return before + quote + fixed + quote;
        },
      );
      writeFileSync(path, code);
    }
  },
};

export default [
  esm('src/index.ts', 'dist/consentry.mjs', [fullySpecifiedDeclarations]),
  has('presets/index.ts') && esm('presets/index.ts', 'dist/presets.mjs', [coreAsPackage, copySchema]),
  has('ui/index.ts') && esm('ui/index.ts', 'dist/ui.mjs', [coreAsPackage]),
  has('src/script-tag/boot.ts') && has('presets/registry.ts') && iife('entry:script-tag', 'dist/consentry.js'),
  has('ui/index.ts') && iife('entry:ui-chunk', 'dist/consentry-ui.js', undefined, [reopenFromCore]),
  has('ui/index.ts') && has('src/script-tag/boot.ts') && iife('entry:script-tag-full', 'dist/consentry.full.js'),
  // UTF-8 output: Arabic as \uXXXX escapes would be three times larger. The UI inserts these
  // files with charset="utf-8", so they decode right on pages in any encoding.
  ...uiLanguages.map((lang) => ({
    ...iife(`entry:i18n-${lang}`, `dist/i18n/${lang}.js`),
    plugins: [
      virtualEntries(virtual),
      nodeResolve({ extensions: ['.ts'] }),
      esbuild({ target, minify: true, charset: 'utf8' }),
    ],
  })),
  // `consentry/i18n` and `consentry/i18n/<lang>` for apps that bundle Consentry: ES modules next
  // to the script tag's files, from the same sources. The index imports each language
  // dynamically, so the app's bundler makes one chunk per language.
  uiLanguages.length && {
    input: Object.fromEntries([
      ['index', 'ui/i18n/index.ts'],
      ...uiLanguages.map((lang) => [lang, `ui/i18n/${lang}.ts`]),
    ]),
    output: { dir: 'dist/i18n', format: 'es', entryFileNames: '[name].mjs' },
    plugins: [nodeResolve({ extensions: ['.ts'] }), esbuild({ target, charset: 'utf8' })],
  },
  ...addOnPresets.map(([, , file]) =>
    iife(`entry:preset-${file}`, `dist/presets/${file}.js`, undefined, [presetHelpers]),
  ),
  esm('src/debug.ts', 'dist/debug.mjs'),
  iife('entry:debug-chunk', 'dist/consentry-debug.js'),
  iife('entry:config-check', 'dist/consentry-check.js'),
  {
    input: 'entry:build-runtime',
    output: { file: 'dist/build/runtime.mjs', format: 'es' },
    plugins: [virtualEntries(virtual), nodeResolve({ extensions: ['.ts', '.tsx', '.js'] }), transpile(false)],
  },
  {
    input: 'src/build.ts',
    output: { file: 'dist/build.mjs', format: 'es' },
    external: (id) => id.startsWith('node:') || id === 'esbuild',
    plugins: [nodeResolve({ extensions: ['.ts', '.js'] }), esbuild({ target: 'node20' })],
  },

  has('presets/registry.ts') && {
    input: 'entry:cli',
    output: { file: 'dist/cli.mjs', format: 'es', banner: '#!/usr/bin/env node' },
    external: (id) => id.startsWith('node:') || id === 'esbuild',
    plugins: [virtualEntries(virtual), nodeResolve({ extensions: ['.ts', '.js'] }), esbuild({ target: 'node20' })],
  },
  // The npm/ESM demo app (examples/npm-app): imports the package by name, resolved to the
  // files built above through package.json "exports", the way an app's bundler would.
  has('examples/npm-app/src/main.js') &&
    has('ui/index.ts') &&
    has('presets/index.ts') && {
      input: 'examples/npm-app/src/main.js',
      // A folder, not one file: the app loads the UI and its translations as chunks of their own.
      output: { dir: 'examples/npm-app/dist', entryFileNames: 'app.js', format: 'es' },
      plugins: [packageByName, nodeResolve({ browser: true }), transpile(true)],
    },
].filter(Boolean);
