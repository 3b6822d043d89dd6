// `npm run bench`: runs every scripts/bench/*.bench.mjs in name order. Each default-exports an
// async function that prints its own table. Benchmarks report; they never fail the run.
// `node scripts/bench/run.mjs vs-cookie` runs only the files whose name contains the argument.
// Bench files may import TypeScript helpers (the e2e harness): a module hook transpiles
// `.ts` files with esbuild, since Node 20 cannot load them by itself, and resolves the
// extensionless relative imports TypeScript sources use (`./root` for `./root.ts`).
import { readdirSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const esbuildUrl = import.meta.resolve('esbuild');
const hooks = `
import { transform } from ${JSON.stringify(esbuildUrl)};
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const fromTs = context.parentURL && /\\.tsx?$/.test(context.parentURL);
  if (fromTs && /^\\.\\.?\\//.test(specifier) && !/\\.[cm]?[jt]sx?$/.test(specifier)) {
    const url = new URL(specifier + '.ts', context.parentURL);
    if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !/\\.tsx?$/.test(new URL(url).pathname)) return next(url, context);
  const path = fileURLToPath(url);
  const { code } = await transform(await readFile(path, 'utf8'), { loader: 'ts', format: 'esm', target: 'node20', sourcefile: path });
  return { format: 'module', source: code, shortCircuit: true };
}`;
register('data:text/javascript,' + encodeURIComponent(hooks), pathToFileURL('./'));

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs') && (!only || f.includes(only)))
  .sort();
for (const file of benches) {
  console.log(`\n### ${file}\n`);
  try {
    const mod = await import(pathToFileURL(dir + file).href);
    await mod.default();
  } catch (error) {
    console.error(`${file} did not complete:`, error);
  }
}
process.exit(0);
