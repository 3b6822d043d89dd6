// Config validation: every problem reported at once, each with its path and what was expected;
// unknown keys with "did you mean"; categories and presets resolved as the README describes.
import { describe, expect, it } from 'vitest';
import {
  ConsentConfigError,
  createConsent,
  definePreset,
  validateConfig,
  type ConsentConfig,
  type PresetRegistry,
} from '../../../src/index';
import { invalidConfigs, validConfigs } from '../../fixtures/configs';
import { internalsOf } from '../../../src/core/internals';

import { presetRegistry } from '../../../presets/registry';

// The registry of shipped presets resolves JSON entries by name.
const registry: PresetRegistry = presetRegistry;

/** The ConsentConfigError that `createConsent(config)` throws (fails the test if it does not). */
function errorOf(config: unknown, options: { registry?: PresetRegistry } = { registry }): ConsentConfigError {
  try {
    createConsent(config as ConsentConfig, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConsentConfigError);
    return error as ConsentConfigError;
  }
  throw new Error('createConsent accepted an invalid config');
}

describe('valid configs', () => {
  it.each(validConfigs.map((c) => [c.name, c.config] as const))('%s', (_, config) => {
    expect(validateConfig(config, registry)).toEqual([]);
    const consent = createConsent(config as ConsentConfig, { registry });
    expect(consent.error).toBeNull();
    expect(internalsOf(consent).presets).toHaveLength((config as ConsentConfig).presets?.length ?? 0);
    expect(internalsOf(consent).categories.map((c) => c.name)).toEqual(
      expect.arrayContaining(['essential', 'analytics', 'advertising']),
    );
  });
});

describe('invalid configs', () => {
  it('has at least 35 cases, covering the id of every shipped preset', () => {
    expect(invalidConfigs.length).toBeGreaterThanOrEqual(35);
    const presets = (config: unknown) => (config as ConsentConfig)?.presets;
    const names = new Set(
      invalidConfigs.flatMap((c) => (Array.isArray(presets(c.config)) ? presets(c.config)! : []).map((p) => p.name)),
    );
    for (const name of Object.keys(registry ?? {})) expect(names, name).toContain(name);
  });

  it.each(invalidConfigs.map((c) => [c.name, c.config, c.path] as const))('%s → %s', (_, config, path) => {
    const error = errorOf(config);
    expect(error.errors.map((e) => e.path)).toEqual([path]);
    expect(error.errors[0]!.message).toMatch(/^(expected .+, got .+|is required|unknown key.*|unknown preset .+)$/);
    // The thrown message names the path the same way as `errors` (the root is written `config`).
    expect(error.message.split('\n')).toContain(`${path || 'config'}: ${error.errors[0]!.message}`);
    expect(validateConfig(config, registry)).toEqual(error.errors);
  });

  it('reports every problem at once', () => {
    const error = errorOf({ mode: 'optin', cookie: { days: 400 }, categories: { analytics: { label: 42 } } });
    expect(error.errors.map((e) => e.path)).toEqual(['mode', 'cookie.days', 'categories.analytics.label']);
    expect(error.message.split('\n')).toHaveLength(4);
  });

  it('reports the problems of many configs merged into one', () => {
    // One case per top-level key (their paths start with it), merged: every path comes back.
    const merged: Record<string, unknown> = {};
    const paths: string[] = [];
    for (const { config, path } of invalidConfigs) {
      const keys = config && typeof config == 'object' && !Array.isArray(config) ? Object.keys(config) : [];
      if (keys.length != 1 || keys[0]! in merged || keys[0] == 'presets') continue;
      merged[keys[0]!] = (config as Record<string, unknown>)[keys[0]!];
      paths.push(path);
    }
    expect(paths.length).toBeGreaterThan(10);
    expect(
      errorOf(merged)
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual(paths.sort());
  });

  it('states what was expected and what it got', () => {
    const error = errorOf(
      {
        presets: [
          { name: 'pendo', apiKey: '0a1b2c3d-1111-4222-8333-444455556666' },
          { name: 'google-analytics', id: 'UA-1' },
        ],
      },
      { registry },
    );
    expect(error.message).toContain('presets[1].id: expected a GA4 measurement id like "G-ABC123", got "UA-1"');
    expect(errorOf({ cookie: { days: 400 } }).message).toContain(
      'cookie.days: expected a number from 1 to 395, got 400',
    );
    expect(errorOf({ categories: { analytics: { label: 42 } } }).message).toContain(
      'categories.analytics.label: expected a string, got 42',
    );
  });

  it('suggests the closest name for near misses, and nothing for far ones', () => {
    expect(errorOf({ catgories: {} }).message).toContain('catgories: unknown key (did you mean "categories"?)');
    expect(errorOf({ signals: { gcp: 'ignore' } }).message).toContain('(did you mean "gpc"?)');
    expect(errorOf({ categories: { analytics: { lable: 'x' } } }).message).toContain('(did you mean "label"?)');
    expect(errorOf({ cookies: { days: 30 } }).message).toContain('(did you mean "cookie"?)');
    expect(errorOf({ zzzzzzzz: 1 }).message).not.toContain('did you mean');
    expect(errorOf({ presets: [{ name: 'googel-analytics', id: 'G-ABC123' }] }).message).toContain(
      'presets[0].name: unknown preset "googel-analytics" (did you mean "google-analytics"?)',
    );
    expect(errorOf({ presets: [{ name: 'metapixel', id: '1234567890123456' }] }).message).toContain(
      '(did you mean "meta-pixel"?)',
    );
  });

  it('names a JSON preset unknown when no registry is given', () => {
    const error = errorOf({ presets: [{ name: 'google-analytics', id: 'G-ABC123' }] }, { registry: undefined });
    expect(error.errors).toEqual([
      { path: 'presets[0].name', message: expect.stringContaining('unknown preset "google-analytics"') },
    ]);
  });

  it('throws only ConsentConfigError, whatever the input', () => {
    const hostile: unknown[] = [
      null,
      undefined,
      0,
      NaN,
      'x'.repeat(1e6),
      Symbol('s'),
      10n,
      () => {},
      [],
      [[[]]],
      Object.create(null),
      new Date(0),
      new Map(),
      {
        toString: () => {
          throw new Error('boom');
        },
      },
      JSON.parse('{"__proto__":{"x":1}}'),
    ];
    const keys = [
      'categories',
      'presets',
      'mode',
      'region',
      'signals',
      'revision',
      'cookie',
      'googleConsentMode',
      'blockList',
      'log',
      'ui',
      'nonce',
    ];
    let thrown = 0;
    for (const value of hostile) {
      for (const config of [
        value,
        ...keys.map((key) => ({ [key]: value })),
        { presets: [value] },
        { categories: { analytics: value } },
        { ui: { texts: { en: value } } },
      ])
        try {
          createConsent(config as ConsentConfig, { registry });
        } catch (error) {
          expect(error).toBeInstanceOf(ConsentConfigError);
          // A hostile value is shown shortened, never dumped whole into the message.
          expect((error as Error).message.length).toBeLessThan(2000);
          thrown++;
        }
    }
    expect(thrown).toBeGreaterThan(hostile.length * keys.length * 0.8);
  });
});

describe('categories', () => {
  it('always has essential, analytics and advertising, with texts left to the UI', () => {
    const { categories } = internalsOf(createConsent({}));
    expect(categories.map((c) => c.name)).toEqual(['essential', 'analytics', 'advertising']);
    for (const category of categories) expect([category.label, category.description]).toEqual([undefined, undefined]);
    expect(categories.map((c) => c.locked)).toEqual([true, false, false]);
  });

  it('adds custom categories with their texts, cookies and Google types', () => {
    const { categories } = internalsOf(
      createConsent({
        categories: {
          functional: {
            label: 'Functional',
            description: 'Settings',
            cookies: ['lang', 'ui_*'],
            google: ['functionality_storage'],
          },
        },
      }),
    );
    expect(categories.find((c) => c.name == 'functional')).toEqual({
      name: 'functional',
      label: 'Functional',
      description: 'Settings',
      sale: false,
      locked: false,
      cookies: ['lang', 'ui_*'],
      google: ['functionality_storage'],
    });
  });

  it('marks advertising as a sale by default, nothing else, and lets the config change that', () => {
    const sale = (config: ConsentConfig) =>
      Object.fromEntries(internalsOf(createConsent(config)).categories.map((c) => [c.name, c.sale]));
    expect(sale({ categories: { functional: {} } })).toEqual({
      essential: false,
      analytics: false,
      advertising: true,
      functional: false,
    });
    expect(sale({ categories: { analytics: { sale: true }, advertising: { sale: false } } })).toMatchObject({
      analytics: true,
      advertising: false,
    });
  });

  it('keeps essential locked and never a sale, even when declared', () => {
    const consent = createConsent({ categories: { essential: { label: 'Needed', sale: true } } });
    expect(internalsOf(consent).categories[0]).toMatchObject({
      name: 'essential',
      label: 'Needed',
      locked: true,
      sale: false,
    });
    consent.update({ essential: false });
    expect(consent.granted('essential')).toBe(true);
  });
});

describe('presets', () => {
  it("resolve each preset's default category and honour an override", () => {
    const consent = createConsent(validConfigs.at(-1)!.config as ConsentConfig, { registry });
    expect(internalsOf(consent).presets.map((p) => `${p.entry.name}:${p.category}`)).toEqual([
      'google-analytics:analytics',
      'google-tag-manager:analytics',
      'google-ads:advertising',
      'pendo:analytics',
      'meta-pixel:advertising',
      'linkedin-insight:advertising',
      'microsoft-uet:advertising',
      'tiktok-pixel:advertising',
    ]);
    const moved = createConsent(
      {
        categories: { marketing: {} },
        presets: [{ name: 'meta-pixel', id: '1234567890123456', category: 'marketing' }],
      },
      { registry },
    );
    expect(internalsOf(moved).presets[0]!.category).toBe('marketing');
  });

  it('accepts factory-built entries without a registry, checked by their own rules', () => {
    const hotjar = definePreset<{ id: string }>({
      name: 'hotjar',
      label: 'Hotjar',
      category: 'analytics',
      hosts: ['hotjar.com'],
      cookies: [],
      options: ['id'],
      validate: (entry) => (/^\d+$/.test(String(entry.id)) ? [] : [{ path: 'id', message: 'expected digits' }]),
      load: () => {},
    });
    const consent = createConsent({ presets: [hotjar({ id: '123' })] });
    expect(internalsOf(consent).presets[0]).toMatchObject({
      category: 'analytics',
      definition: hotjar.definition,
      entry: { name: 'hotjar', id: '123' },
    });
    expect(errorOf({ presets: [hotjar({ id: 'abc' })] }, { registry: undefined }).errors).toEqual([
      { path: 'presets[0].id', message: 'expected digits' },
    ]);
    expect(errorOf({ presets: [{ ...hotjar({ id: '1' }), extra: 1 }] }, { registry: undefined }).errors[0]!.path).toBe(
      'presets[0].extra',
    );
  });

  it('turns a preset whose own check throws into an error at its entry', () => {
    const broken = definePreset<{ id: string }>({
      name: 'broken',
      label: 'Broken',
      category: 'analytics',
      hosts: [],
      cookies: [],
      options: ['id'],
      validate: () => {
        throw new Error('bug');
      },
      load: () => {},
    });
    expect(errorOf({ presets: [broken({ id: '1' })] }, { registry: undefined }).errors.map((e) => e.path)).toEqual([
      'presets[0]',
    ]);
  });
});
