// The built browser files parse at the syntax level the README promises ("ES2020 syntax"):
// esbuild prints each file once for `esnext` and once for that level; any newer syntax
// (class fields, top-level await, logical assignment, `??` below ES2020 ...) would be lowered
// in the second and make the two differ. The js-cookie practice of parsing dist at a pinned level.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const README = fileURLToPath(new URL('../../README.md', import.meta.url));
/** The level the README's browser-support section promises, e.g. `**ES2020 syntax**`. */
const promised = existsSync(README) ? /\bES(20\d\d) syntax/.exec(readFileSync(README, 'utf8'))?.[1] : undefined;
const SYNTAX_TARGET = `es${promised ?? '5'}`;

const files = (existsSync(DIST) ? readdirSync(DIST, { recursive: true }) : [])
  .map(String)
  .filter((f) => /\.m?js$/.test(f) && !f.startsWith('types') && f !== 'cli.mjs')
  .sort();

/** Prints `code` for a target without minifying, so only syntax lowering can change it. */
// `import()` is ES2020, but esbuild counts it as supported by every `es20xx` target.
const print = (code: string, target: string, format: 'esm' | 'iife') =>
  transformSync(code, {
    target,
    format: format === 'esm' ? 'esm' : undefined,
    loader: 'js',
    logLevel: 'silent',
    supported: target === 'esnext' || target >= 'es2020' ? {} : { 'dynamic-import': false },
  }).code;

describe(`built files parse as ${SYNTAX_TARGET}`, () => {
  it('is stated in the README ("ES20xx syntax")', () => {
    expect(promised, 'README.md must say which syntax level the built files use, e.g. "ES2020 syntax"').toBeDefined();
  });

  it('covers the script tag, the UI chunk and the ESM entries', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'consentry.js',
        'consentry-ui.js',
        'consentry.full.js',
        'consentry.mjs',
        'presets.mjs',
        'ui.mjs',
      ]),
    );
  });

  it.each(files)(`%s uses no syntax newer than ${SYNTAX_TARGET}`, (file) => {
    const code = readFileSync(join(DIST, file), 'utf8');
    const format = file.endsWith('.mjs') ? 'esm' : 'iife';
    const modern = print(code, 'esnext', format);
    const lowered = print(code, SYNTAX_TARGET, format);
    if (modern !== lowered) {
      const at = [...modern].findIndex((ch, i) => ch !== lowered[i]);
      expect.fail(`${file}: newer syntax near ${JSON.stringify(modern.slice(Math.max(0, at - 60), at + 60))}`);
    }
  });

  it('detects newer syntax (the check itself can fail)', () => {
    const sample = 'let a = 1; a ||= 2; class B { #c = 1 }';
    expect(print(sample, 'esnext', 'iife')).not.toBe(print(sample, SYNTAX_TARGET, 'iife'));
  });
});
