// @vitest-environment node
// The pure parts of the consent log: the config hash that names what a visitor saw (computed the
// same by the page and by the records service), the record's action and its url.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { canonicalConfig, configHash, hash64 } from '../../../src/core/log/config-hash';
import { originAndPath } from '../../../src/core/log/record';
import { VERSION } from '../../../src/core/version';
import { ROOT } from '../../support/root';
import type { ConsentConfig } from '../../../src/core/types';

const config: ConsentConfig = {
  categories: { analytics: { label: 'Statistics', description: 'Counts visits.' } },
  presets: [{ name: 'google-analytics', id: 'G-ABC123' }],
  mode: 'opt-in',
  ui: { texts: { de: { title: 'Datenschutz' } } },
};

describe('config hash', () => {
  it('is 16 hex digits, the same for the same settings in any key order', () => {
    const reordered: ConsentConfig = {
      ui: { texts: { de: { title: 'Datenschutz' } } },
      mode: 'opt-in',
      presets: [{ id: 'G-ABC123', name: 'google-analytics' }],
      categories: { analytics: { description: 'Counts visits.', label: 'Statistics' } },
    };
    expect(configHash(config)).toMatch(/^[0-9a-f]{16}$/);
    expect(configHash(reordered)).toBe(configHash(config));
    expect(configHash(JSON.parse(JSON.stringify(config)))).toBe(configHash(config));
  });

  it('changes with what the visitor is shown or what is decided: texts, categories, presets, mode, revision', () => {
    const variants: ConsentConfig[] = [
      { ...config, ui: { texts: { de: { title: 'Privatsphäre' } } } },
      { ...config, categories: { analytics: { label: 'Analytics', description: 'Counts visits.' } } },
      { ...config, presets: [{ name: 'google-analytics', id: 'G-ABC124' }] },
      { ...config, mode: 'opt-out' },
      { ...config, revision: 2 },
    ];
    const hashes = new Set([configHash(config), ...variants.map(configHash)]);
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('ignores the schema link, the log endpoint, the per-response nonce and the region hint', () => {
    const same = { ...config, $schema: 'x', log: { endpoint: '/l' }, nonce: 'abc', region: 'US-CA' };
    expect(configHash(same)).toBe(configHash(config));
  });

  it('leaves out what JSON leaves out (a typed preset factory carries its definition under a symbol)', () => {
    const withSymbol = {
      ...config,
      presets: [Object.assign({ name: 'google-analytics', id: 'G-ABC123' }, { [Symbol('d')]: {} })],
    };
    expect(canonicalConfig(withSymbol)).toBe(canonicalConfig(config));
  });

  it('is cyrb53 with both lanes (known values keep page and server in step)', () => {
    expect(hash64('a')).not.toBe(hash64('b'));
    expect(hash64('consentry')).toMatchInlineSnapshot(`"8e1139e3c6d24654"`);
  });
});

describe('record url', () => {
  it('keeps the origin and path, never the query or fragment', () => {
    expect(originAndPath('https://shop.example:8443/cart/?email=a@b.c&gclid=x#pay')).toBe(
      'https://shop.example:8443/cart/',
    );
  });
});

it('VERSION is the package version', () => {
  expect(VERSION).toBe(JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')).version);
});
