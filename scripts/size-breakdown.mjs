// `npm run size:why`: where the bytes of a budgeted file come from. Bundles the sources the way
// the build does, then prints, per module, how many gzip bytes the file loses without it (its
// marginal cost; the sum is below the total because gzip shares strings across modules).
// Usage: node scripts/size-breakdown.mjs [script-tag|core|ui] (default: all)
import { build, transform } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const gzip = (code) => gzipSync(code, { level: 9 }).length;
const ENTRIES = {
  // The same parts as `entry:script-tag` in rollup.config.mjs.
  'script-tag': `
    import { bootScriptTag } from './src/script-tag/boot.ts';
    import { presetRegistry } from './presets/registry.ts';
    import { mountReopenButton } from './ui/reopen-button.ts';
    (window.ConsentryUI = window.ConsentryUI || {}).mountReopenButton = mountReopenButton;
    bootScriptTag({ registry: presetRegistry, mountReopenButton });`,
  core: `export { createConsent } from './src/index.ts';`,
  // The UI chunk; the build also swaps ui/reopen-button.ts for the copy consentry.js registers.
  ui: `
    import { mountUI } from './ui/index.ts';
    (window.ConsentryUI = window.ConsentryUI || {}).mountUI = mountUI;`,
};

async function breakdown(name) {
  const { outputFiles } = await build({
    stdin: { contents: ENTRIES[name], resolveDir: ROOT, loader: 'ts', sourcefile: name },
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2020',
    minifySyntax: true,
    minifyIdentifiers: true,
  });
  // Unminified whitespace keeps esbuild's `// path` comment at the start of each module.
  const text = outputFiles[0].text;
  const modules = text.split(/^(?=\/\/ \S+\.[cm]?[jt]sx?$)/m).filter((part) => part.startsWith('//'));
  const minified = async (code) => (await transform(code, { minify: true, target: 'es2020' })).code;
  const total = gzip(await minified(text));
  const rows = [];
  for (const part of modules)
    rows.push([total - gzip(await minified(text.replace(part, ''))), part.slice(3, part.indexOf('\n'))]);
  console.log(`\n${name}: ${total} B gzip (esbuild-minified sources; the built file may differ slightly)`);
  for (const [bytes, module] of rows.sort((a, b) => b[0] - a[0]))
    console.log(`${String(bytes).padStart(7)}  ${module}`);
}

for (const name of process.argv[2] ? [process.argv[2]] : Object.keys(ENTRIES)) {
  if (!ENTRIES[name]) throw new Error(`unknown entry "${name}": use one of ${Object.keys(ENTRIES).join(', ')}`);
  await breakdown(name);
}
