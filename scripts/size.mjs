// Size step of `npm test`: gzip -9 of every built file against scripts/size-budgets.json.
// Prints a table and exits 1 when a file is over budget or missing. Budgets are measured
// the way users receive the code: the script-tag files as built, npm entries as a bundler
// would ship them (esbuild, minified, tree-shaken), so tree-shaking is checked as well.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readmeBlock } from './doc-blocks.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { budgets } = JSON.parse(readFileSync(join(ROOT, 'scripts/size-budgets.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const gzip = (code) => gzipSync(code, { level: 9 }).length;
const entryFile = (sub) => join(ROOT, pkg.exports[sub].default);

/**
 * Bundles `code` the way an app bundler would and returns the minified output, for the
 * browsers the README supports (ES2020 syntax, as the ESM entries are written).
 */
async function bundle(code, external = []) {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    external,
  });
  return result.outputFiles[0].contents;
}

/**
 * Bundles app code (TypeScript) with code splitting, as Vite or webpack would, and returns the
 * files every page loads before any dynamic `import()`: the entry chunk and the chunks it
 * imports statically (shared code the bundler split out).
 */
export async function appStartChunks(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    outdir: join(ROOT, 'size-out'),
    write: false,
    metafile: true,
  });
  const { outputs } = result.metafile;
  const loaded = new Set([Object.keys(outputs).find((name) => outputs[name].entryPoint === 'app.ts')]);
  for (const name of loaded)
    for (const { path, kind } of outputs[name].imports) if (kind === 'import-statement') loaded.add(path);
  return result.outputFiles.filter((file) => loaded.has(relative(ROOT, file.path)));
}

/**
 * What a framework binding adds to an app, measured as the lazy-UI app is but built by Vite: an
 * app that renders with the framework, creates an instance and gates the page, once by hand and
 * once through the binding (provider or plugin with `gate` and the lazy UI, the gating component
 * with its placeholder, the decision hook). The difference of what every page loads (the entry
 * chunk and its static imports, gzip -9 each) is the binding's cost; the UI stays a lazy chunk.
 */
export const BINDING_APPS = {
  react: {
    byHand: `import { createConsent, gate } from 'consentry';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
const consent = createConsent({ mode: 'opt-in' });
gate(consent);
createRoot(document.getElementById('app')).render(h('p', null, String(consent.granted('advertising'))));`,
    withBinding: `import { createConsent } from 'consentry';
import { Consent, ConsentPlaceholder, ConsentProvider, useConsent } from 'consentry/react';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
const consent = createConsent({ mode: 'opt-in' });
function Settings() {
  const { decided, showPreferences } = useConsent();
  return h('button', { onClick: showPreferences }, String(decided));
}
createRoot(document.getElementById('app')).render(
  h(ConsentProvider, { consent, gate: true, ui: true },
    h(Consent, { category: 'advertising', fallback: h(ConsentPlaceholder) }, h('iframe', { src: '/embed' })),
    h(Settings)),
);`,
  },
  vue: {
    byHand: `import { createConsent, gate } from 'consentry';
import { createApp, h } from 'vue';
const consent = createConsent({ mode: 'opt-in' });
gate(consent);
createApp({ render: () => h('p', String(consent.granted('advertising'))) }).mount('#app');`,
    withBinding: `import { createConsent } from 'consentry';
import { Consent, ConsentPlaceholder, createConsentPlugin, useConsent } from 'consentry/vue';
import { createApp, h } from 'vue';
const consent = createConsent({ mode: 'opt-in' });
const Settings = {
  setup() {
    const { decided, showPreferences } = useConsent();
    return () => h('button', { onClick: showPreferences }, String(decided.value));
  },
};
createApp({
  render: () => [
    h(Consent, { category: 'advertising' }, { default: () => h('iframe', { src: '/embed' }), fallback: () => h(ConsentPlaceholder) }),
    h(Settings),
  ],
})
  .use(createConsentPlugin({ consent, gate: true, ui: true }))
  .mount('#app');`,
  },
};

/** gzip -9 of what every page of `code` loads, built by Vite against dist/ (null without dist/). */
async function viteStartBytes(code) {
  if (!existsSync(entryFile('./react'))) return null;
  const { build: viteBuild } = await import('vite');
  // Inside the repository, so React and Vue resolve from its node_modules.
  const dir = mkdtempSync(join(ROOT, 'node_modules/.size-'));
  try {
    writeFileSync(join(dir, 'app.js'), code);
    const built = await viteBuild({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      // The package's entries as built; Vue's compile-time flags as its own Vite plugin sets them.
      resolve: {
        alias: Object.fromEntries(
          ['./react', './vue', './ui', './i18n', '.'].map((sub) => [
            sub == '.' ? /^consentry$/ : 'consentry' + sub.slice(1),
            entryFile(sub),
          ]),
        ),
      },
      define: {
        __VUE_OPTIONS_API__: 'true',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
      build: { write: false, target: 'es2020', rollupOptions: { input: join(dir, 'app.js') } },
    });
    const chunks = (Array.isArray(built) ? built[0] : built).output.filter((file) => file.type == 'chunk');
    const loaded = chunks.filter((chunk) => chunk.isEntry);
    for (const chunk of loaded)
      for (const name of chunk.imports) loaded.push(chunks.find((other) => other.fileName == name));
    return [...new Set(loaded)].reduce((sum, chunk) => sum + gzip(chunk.code), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a binding adds to every page of the app (bytes, gzip -9), or null without dist/. */
export async function bindingBytes(framework) {
  const { byHand, withBinding } = BINDING_APPS[framework];
  const [base, bound] = [await viteStartBytes(byHand), await viteStartBytes(withBinding)];
  return base === null || bound === null ? null : bound - base;
}

/** Named exports of a built ESM file. */
async function exportsOf(file) {
  const result = await build({
    entryPoints: [file],
    bundle: false,
    write: false,
    metafile: true,
    format: 'esm',
    outdir: 'out',
  });
  return Object.values(result.metafile.outputs)[0].exports;
}

/** Extra UI languages: dist files under an i18n/locales folder or named `*.{lang}.js`. */
export function translationFiles(dir = join(ROOT, 'dist')) {
  if (!existsSync(dir)) return [];
  return (
    readdirSync(dir, { recursive: true })
      .map(String)
      // Not the declarations, nor the copies next to the e2e project's built file.
      .filter((f) => /\.m?js$/.test(f) && !f.startsWith('types') && !f.startsWith('e2e-site'))
      .filter(
        (f) =>
          /(^|\/)(i18n|lang|langs|locales?|translations?)\//.test(f) ||
          /[.-](ar|de|fr|es|it|nl|pt|pl|sv|da|he)\.m?js$/.test(f),
      )
      .map((f) => join(dir, f))
  );
}

/** The benchmark's site config, as `consentry build` makes its file (scripts/bench/vs-cookieconsent.bench.mjs). */
export const BENCH_SITE = {
  mode: 'opt-in',
  presets: [
    { name: 'google-analytics', id: 'G-BENCH1234' },
    { name: 'meta-pixel', id: '1234567890123456' },
  ],
};

/** gzip -9 of the file `consentry build` makes for the benchmark site; null when the build is missing. */
async function siteBuildBytes() {
  const buildModule = join(ROOT, 'dist/build.mjs');
  if (!existsSync(buildModule)) return null;
  const { buildScriptTag } = await import(pathToFileURL(buildModule).href);
  const { presetRegistry } = await import(pathToFileURL(join(ROOT, 'dist/presets.mjs')).href);
  const dir = mkdtempSync(join(tmpdir(), 'consentry-size-'));
  try {
    const result = await buildScriptTag(BENCH_SITE, { registry: presetRegistry, outFile: join(dir, 'consentry.js') });
    return result.gzipBytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One row per measured item: `{ id, name, bytes, limit, goal }` (`bytes` null when missing). */
export async function measure() {
  const rows = [];
  const limitOf = (id) => Math.round(budgets.find((b) => b.id === id).kb * 1000);
  const goalOf = (id) =>
    Math.round((budgets.find((b) => b.id === id).goal ?? budgets.find((b) => b.id === id).kb) * 1000);
  const file = (id, path) => {
    const full = join(ROOT, path);
    rows.push({ id, name: path, bytes: existsSync(full) ? gzip(readFileSync(full)) : null, limit: limitOf(id) });
  };
  file('script-tag', 'dist/consentry.js');
  file('ui', 'dist/consentry-ui.js');
  file('gpp', 'dist/gpp.js');
  file('embeds', 'dist/consentry-embeds.js');
  file('cleanup', 'dist/consentry-cleanup.js');
  file('log', 'dist/consentry-log.js');
  file('leftovers', 'dist/consentry-leftovers.js');
  const core = entryFile('.');
  rows.push({
    id: 'core',
    name: "import { createConsent } from 'consentry'",
    limit: limitOf('core'),
    bytes: existsSync(core) ? gzip(await bundle(`export { createConsent } from ${JSON.stringify(core)}`)) : null,
  });
  const presets = entryFile('./presets');
  const names = existsSync(presets) ? (await exportsOf(presets)).filter((n) => !/registry/i.test(n)) : [];
  if (!names.length) rows.push({ id: 'preset', name: 'consentry/presets', bytes: null, limit: limitOf('preset') });
  for (const name of names) {
    const code = await bundle(`export { ${name} } from ${JSON.stringify(presets)}`, ['consentry']);
    rows.push({
      id: 'preset',
      name: `import { ${name} } from 'consentry/presets'`,
      bytes: gzip(code),
      limit: limitOf('preset'),
    });
  }
  // The README's npm quick starts, bundled as an app would (the package resolved by name through
  // its "exports"): what every page of the app downloads, with the lazy UI and with the static import.
  for (const [id, block] of [
    ['app-lazy', 'npm-lazy'],
    ['app-static', 'npm-static'],
  ])
    rows.push({
      id,
      name: `npm app, README block ${block}: entry chunks`,
      limit: limitOf(id),
      bytes: existsSync(core)
        ? (await appStartChunks(readmeBlock(block))).reduce((sum, file) => sum + gzip(file.contents), 0)
        : null,
    });
  for (const framework of ['react', 'vue'])
    rows.push({
      id: framework,
      name: `consentry/${framework} in a Vite app: added to what every page loads`,
      limit: limitOf(framework),
      bytes: await bindingBytes(framework),
    });
  rows.push({
    id: 'site-build',
    name: 'consentry build: GA4 + Meta Pixel, opt-in (the benchmark site)',
    bytes: await siteBuildBytes(),
    limit: limitOf('site-build'),
  });
  const languages = translationFiles();
  if (!languages.length)
    rows.push({ id: 'translation', name: 'dist translation files', bytes: null, limit: limitOf('translation') });
  for (const lang of languages) file('translation', relative(ROOT, lang));
  return rows.map((row) => ({ ...row, goal: goalOf(row.id) }));
}

async function main() {
  const rows = await measure();
  const pad = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'gzip -9'.padEnd(pad)}   bytes   budget     goal`);
  let failed = 0;
  for (const { name, bytes, limit, goal } of rows) {
    const over = bytes === null || bytes > limit;
    failed += over;
    const size = bytes === null ? 'missing' : String(bytes);
    // A goal below the budget only reports the distance left; the budget is what fails.
    const verdict = over ? 'FAIL' : bytes > goal ? `ok, ${bytes - goal} over goal` : 'ok';
    console.log(
      `${name.padEnd(pad)}  ${size.padStart(6)}  ${String(limit).padStart(7)}  ${String(goal).padStart(7)}  ${verdict}`,
    );
  }
  if (failed) {
    console.error(`\nsize: ${failed} item(s) over budget or missing (budgets in scripts/size-budgets.json)`);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
