// Dependencies point one way (README "Code layout"): src/ imports neither ui/, presets/ nor
// Preact, so the core runs and ships without them.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, vi } from 'vitest';
import { createConsent } from '../../../src/index';

vi.mock('preact', () => {
  throw new Error('the core must not import preact');
});

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src');

/** The Node-only parts of src/: the CLI and `consentry build`, which may use node: modules (and esbuild, loaded on use). */
const NODE_ONLY = /^(node\/|build\.ts$)/;

it('src/ imports only itself, js-cookie and (in the CLI and the build) node: modules', () => {
  const files = readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(15);
  for (const file of files) {
    const code = readFileSync(join(SRC, file), 'utf8');
    for (const [, specifier] of code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
      const inside =
        specifier!.startsWith('.') && !relative(SRC, resolve(SRC, dirname(file), specifier!)).startsWith('..');
      const allowed = inside || specifier == 'js-cookie' || (NODE_ONLY.test(file) && specifier!.startsWith('node:'));
      expect(allowed, `${file} imports ${specifier}`).toBe(true);
    }
  }
});

it('the core entry works with Preact unavailable', () => {
  const consent = createConsent({});
  consent.acceptAll();
  expect(consent.granted('analytics')).toBe(true);
});

it('the pure core (createConsent and everything it imports) imports no DOM module', () => {
  const DOM_MODULES = /^(browser|script-tag)\//;
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(SRC, file), 'utf8');
    for (const [, specifier] of code.matchAll(/(?:^|\n)\s*import\s(?!type\b)[^'"]*?from\s+['"](\.[^'"]+)['"]/g))
      visit(relative(SRC, resolve(SRC, dirname(file), specifier!)) + '.ts');
  };
  visit('core/create-consent.ts');
  expect(seen.size).toBeGreaterThan(5);
  expect([...seen].filter((file) => DOM_MODULES.test(file))).toEqual([]);
});
