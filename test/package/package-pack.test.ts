// `npm pack` ships what users need and nothing else: the built files, their types, the
// schema, README, LICENSE and package.json. Runs on the real `npm pack --dry-run --json`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../ui/i18n/languages';
import { companionFiles } from '../../src/node/companion-files';
import { ROOT } from '../support/root';

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
/** Every file a user needs matches one of these; anything else in the tarball is a leak. */
const ALLOWED = /^(package\.json|README\.md|LICENSE(\.md)?|dist\/.+\.(js|mjs|d\.ts|json|css)|dist\/.+\.LICENSE\.txt)$/;

let files: string[] = [];
beforeAll(() => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path).sort();
}, 60_000);

/** Every file path package.json points users at (exports, types, bin). */
function referenced(): string[] {
  const paths = new Set<string>([pkg.types, ...Object.values<string>(pkg.bin ?? {})]);
  const walk = (value: unknown): void => {
    if (typeof value === 'string') paths.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  return [...paths].map((p) => p.replace(/^\.\//, ''));
}

describe('npm pack contents', () => {
  it('holds only built files, types, the schema, README, LICENSE, the licences of bundled data and package.json', () => {
    expect(files.filter((f) => !ALLOWED.test(f))).toEqual([]);
  });

  it('leaves out source maps, sources, tests and examples', () => {
    expect(files.filter((f) => /\.map$|^(src|ui|presets|test|examples)\/|\.test\.|tsbuildinfo/.test(f))).toEqual([]);
  });

  it('contains every file package.json exports, plus README and LICENSE', () => {
    const exact = referenced().filter((p) => !p.includes('*'));
    expect(exact.filter((p) => !files.includes(p))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json']));
  });

  it('exports every shipped language for bundlers (consentry/i18n/de), with its types', () => {
    expect(pkg.exports['./i18n/*']).toEqual({ types: './dist/i18n/*.d.ts', default: './dist/i18n/*.mjs' });
    expect(files).toEqual(expect.arrayContaining(['dist/i18n/index.mjs', 'dist/i18n/index.d.ts']));
    for (const lang of LANGUAGES)
      expect(files, lang).toEqual(
        expect.arrayContaining([`dist/i18n/${lang}.mjs`, `dist/i18n/${lang}.d.ts`, `dist/i18n/${lang}.js`]),
      );
  });

  it('ships the script-tag files a CDN user loads, and every file they fetch from their folder', () => {
    expect(files).toEqual(
      expect.arrayContaining(['dist/consentry.js', 'dist/consentry-ui.js', 'dist/consentry.full.js']),
    );
    expect(files).toEqual(expect.arrayContaining(companionFiles(join(ROOT, 'dist')).map((file) => `dist/${file}`)));
  });
});

describe('the package page', () => {
  it('links the project’s home: repository, homepage and bugs', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/consentry/consentry.git' });
    expect(pkg.homepage).toBe('https://github.com/consentry/consentry#readme');
    expect(pkg.bugs).toEqual({ url: 'https://github.com/consentry/consentry/issues' });
  });

  it('shows the README’s images: a registry page has no files next to the README, so every image is an absolute URL', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const images = [
      ...[...readme.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)/g)].map((match) => match[1]!),
      ...[...readme.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)/gi)].map((match) => match[1]!),
    ];
    expect(images.filter((src) => !src.startsWith('https://'))).toEqual([]);
  });
});
