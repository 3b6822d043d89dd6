// `npm run size:why`: where the bytes of a budgeted file come from. Bundles the sources the way
// the build does, then prints, per module, how many gzip bytes the file loses without it (its
// marginal cost; the sum is below the total because gzip shares strings across modules).
// Usage: node scripts/size-breakdown.mjs [name] (default: all; the names are the keys of ENTRIES)
import { build, transform } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { FROM_SOURCES, siteBuildEntry as buildSiteEntry } from './site-build-entry.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const gzip = (code) => gzipSync(code, { level: 9 }).length;

/** Entry source that bundles `code` (TypeScript, resolved from the repository's root). */
const source = (contents, sourcefile) => ({ stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile } });

/** The benchmark site's own file, as `consentry build` writes its entry, each module under its name. */
const siteBuildEntry = async () => source(await buildSiteEntry(), 'site-build');

/** The files this can explain: each built from its entry in bundles/, the core from the npm entry,
 * the site build from the entry `consentry build` writes for the benchmark's config. */
const ENTRIES = {
  'script-tag': { entryPoints: ['bundles/script-tag.ts'] },
  full: { entryPoints: ['bundles/script-tag-full.ts'] },
  'site-build': siteBuildEntry,
  ui: { entryPoints: ['bundles/ui-chunk.ts'] },
  check: { entryPoints: ['bundles/config-check.ts'] },
  embeds: { entryPoints: ['bundles/embeds-chunk.ts'] },
  log: { entryPoints: ['bundles/log-chunk.ts'] },
  cleanup: { entryPoints: ['bundles/cleanup-chunk.ts'] },
  debug: { entryPoints: ['bundles/debug-chunk.ts'] },
  leftovers: { entryPoints: ['bundles/leftovers-chunk.ts'] },
  core: {
    stdin: {
      contents: `export { createConsent } from './src/index.ts';`,
      resolveDir: ROOT,
      loader: 'ts',
      sourcefile: 'core',
    },
  },
};

async function breakdown(name) {
  const entry = typeof ENTRIES[name] == 'function' ? await ENTRIES[name]() : ENTRIES[name];
  const { outputFiles } = await build({
    ...entry,
    ...FROM_SOURCES,
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
