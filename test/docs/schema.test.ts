// The JSON Schema and createConsent must agree: every example in the schema is valid for both,
// and each preset's option rules reject the same values with the same path.
import { describe, expect, it } from 'vitest';
import { presetRegistry } from '../../presets/registry';
import { corePaths, schema, schemaPaths } from './schema-paths';
import { validateConfig } from '../../src/core/config/validate';
import { checkGpp } from '../../src/core/gpp/check';

type Node = Record<string, any>;
const KEY = '0a1b2c3d-1111-4222-8333-444455556666';

/** Every `examples` value in the schema, wrapped into a whole config at its place. */
function examples(): Array<{ where: string; config: unknown }> {
  const found: Array<{ where: string; config: unknown }> = [];
  const walk = (node: Node, where: string, wrap: (value: unknown) => unknown) => {
    for (const example of node.examples ?? []) found.push({ where, config: wrap(example) });
    for (const [key, child] of Object.entries<Node>(node.properties ?? {}))
      if (key != '$schema') walk(child, `${where}.${key}`, (value) => wrap({ [key]: value }));
    if (node.items && !node.items.$ref) walk(node.items, `${where}[]`, (value) => wrap([value]));
  };
  walk(schema, '', (value) => value);
  for (const [name, def] of Object.entries<Node>(schema.$defs)) {
    if (name == 'preset') walk(def, name, (value) => ({ presets: [value] }));
    if (name.startsWith('preset-')) {
      // An option's example goes into the preset's own example entry.
      for (const example of def.examples) found.push({ where: name, config: { presets: [example] } });
      for (const [key, child] of Object.entries<Node>(def.properties))
        for (const example of child.examples ?? [])
          found.push({ where: `${name}.${key}`, config: { presets: [{ ...def.examples[0], [key]: example }] } });
    }
    if (name == 'category') walk(def, name, (value) => ({ categories: { functional: value } }));
    if (name == 'categoryName')
      walk(def, name, (value) => ({
        blockList: [{ host: 'tracker.example', category: value }],
        categories: { [value as string]: {} },
      }));
    if (name == 'url') walk(def, name, (value) => ({ log: { endpoint: value } }));
  }
  return found;
}

describe('the JSON Schema', () => {
  const all = examples();

  it('has examples for the top-level options and every preset', () => {
    expect(all.length).toBeGreaterThan(30);
    for (const name of Object.keys(presetRegistry)) expect(all.some((e) => e.where == `preset-${name}`)).toBe(true);
  });

  it.each(all.map((e) => [e.where, e.config] as const))(
    'example at %s is valid for the schema and createConsent',
    (_, config) => {
      expect(schemaPaths(config)).toEqual([]);
      expect(corePaths(config)).toEqual([]);
    },
  );

  it('names every registry preset and its options, and no others', () => {
    expect(schema.$defs.preset.properties.name.enum).toEqual(Object.keys(presetRegistry));
    for (const [name, definition] of Object.entries(presetRegistry)) {
      const props = Object.keys(schema.$defs[`preset-${name}` as 'preset-pendo'].properties);
      expect(props.sort()).toEqual(['name', 'category', 'src', ...definition.options].sort());
    }
  });
});

// Values tried against every preset's main option: the schema pattern and the preset's own
// validate() must accept and reject exactly the same ones.
const SAMPLES: unknown[] = [
  'G-ABC123',
  'G-1234',
  'G-ABCDEFGHIJKL',
  'G-ABCDEFGHIJKLM',
  'G-abc123',
  'UA-12345-1',
  'GTM-ABCD',
  'GTM-K9X2ZQ7',
  'GTM-ABCDEFGHIJK',
  'AW-1',
  'AW-123456789',
  'AW-12a',
  KEY,
  KEY.toUpperCase(),
  KEY.slice(1),
  '123',
  '1234',
  '123456789012',
  '1234567890123',
  '123456789012345',
  '1234567890123456',
  '12345678901234567',
  'C4ABCDEFGH123456',
  'C4ABCDEFGH1234567890ABCD',
  'C4ABCDEFGH1234567890ABCDE',
  'c4abcdefgh1234567890',
  '',
  ' G-ABC123',
  'G-ABC123\n',
  1234567890123456,
  null,
  true,
  ['G-ABC123'],
  {},
];

describe.each(Object.entries(presetRegistry))('preset %s: schema and createConsent agree', (name, definition) => {
  const key = definition.options[0]!;
  const entry = (extra: Record<string, unknown>) => ({ presets: [{ name, ...extra }] });

  it.each(SAMPLES.map((value) => [JSON.stringify(value), value] as const))(`${key} = %s`, (_, value) => {
    const config = entry({ [key]: value });
    const core = corePaths(config);
    expect(schemaPaths(config)).toEqual(core);
    expect(core).toEqual(definition.validate({ name, [key]: value }).length ? [`presets[0].${key}`] : []);
  });

  // Embed presets (youtube, vimeo, google-maps) have no required option.
  const required: string[] = schema.$defs[`preset-${name}` as 'preset-pendo'].required;
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['an unknown option', { bogus: 1 }, 'presets[0].bogus'],
    ['a javascript: src', { src: 'javascript:alert(1)' }, 'presets[0].src'],
    ['a category that is not a name', { category: 'Not A Name' }, 'presets[0].category'],
  ];
  if (required.includes(key)) cases.unshift(['a missing option', {}, `presets[0].${key}`]);
  it.each(cases)('rejects %s at the same path', (_, extra, path) => {
    const valid = definition.validate({ name, [key]: 'x' }).length ? {} : { [key]: 'x' };
    const good = schema.$defs[`preset-${name}` as 'preset-pendo'].examples[0] as Record<string, unknown>;
    const config = entry({ ...good, ...valid, ...extra, ...(path.endsWith(key) ? { [key]: undefined } : {}) });
    const core = corePaths(JSON.parse(JSON.stringify(config)));
    expect(core).toEqual([path]);
    expect(schemaPaths(JSON.parse(JSON.stringify(config)))).toEqual([path]);
  });

  it('accepts a self-hosted src and a category override', () => {
    const good = schema.$defs[`preset-${name}` as 'preset-pendo'].examples[0];
    for (const config of [entry({ ...good, src: '/vendor/agent.js' }), entry({ ...good, category: 'essential' })]) {
      expect(schemaPaths(config)).toEqual([]);
      expect(corePaths(config)).toEqual([]);
    }
  });
});

describe('URLs (preset src, log endpoint, privacy policy link)', () => {
  const URLS = [
    'https://cdn.example.com/agent.js',
    'HTTP://x.example/a',
    '/vendor/tag.js',
    './tag.js',
    '../tag.js',
    'tag.js?v=1#x',
    '//evil.example/x.js',
    'javascript:alert(1)',
    'data:text/javascript,1',
    'https://',
    'has space.js',
    '',
    'mailto:dpo@example.com',
  ];
  it.each(URLS)('%j is judged the same by the schema and createConsent', (url) => {
    for (const config of [
      { presets: [{ name: 'pendo', apiKey: KEY, src: url }] },
      { log: { endpoint: url } },
      { ui: { privacyPolicyUrl: url } },
    ])
      expect(schemaPaths(config)).toEqual(corePaths(config));
  });
});

describe('rules the schema cannot express', () => {
  // JSON Schema cannot compare a value with the keys of another object in the same document,
  // so "this category is declared under categories" is checked by createConsent (and the CLI)
  // only. Any well-formed category name passes the schema.
  it.each([
    [
      'a preset category that is not declared',
      { presets: [{ name: 'pendo', apiKey: KEY, category: 'functional' }] },
      'presets[0].category',
    ],
    [
      'a blockList category that is not declared',
      { blockList: [{ host: 'tracker.example', category: 'functional' }] },
      'blockList[0].category',
    ],
  ])('%s', (_, config, path) => {
    expect(schemaPaths(config)).toEqual([]);
    expect(corePaths(config)).toEqual([path]);
    const declared = { ...config, categories: { functional: {} } };
    expect(schemaPaths(declared)).toEqual([]);
    expect(corePaths(declared)).toEqual([]);
  });
});

// `gpp` is checked in full by checkGpp (the GPP add-on, `consentry build`, the checker): the
// schema rejects the same configs at the same paths.
describe('gpp: schema and checkGpp agree', () => {
  const gppPaths = (config: unknown) => [
    ...new Set(validateConfig(config, presetRegistry, checkGpp).map((issue) => issue.path)),
  ];
  it.each([
    [{ gpp: {} }, []],
    [{ gpp: { sections: 'auto' } }, []],
    [{ gpp: { sections: ['usnat', 'usca'] } }, []],
    [{ gpp: { sections: ['usxx'] } }, ['gpp.sections[0]']],
    [{ gpp: { sections: ['usnat', 'usca', 'usva'] } }, ['gpp.sections']],
    [{ gpp: { sections: [] } }, ['gpp.sections']],
    [{ gpp: { sections: 'all' } }, ['gpp.sections']],
    [{ gpp: { mspa: { coveredTransaction: true, mode: 'service-provider' } } }, []],
    [{ gpp: { mspa: { coveredTransaction: true } } }, ['gpp.mspa.mode']],
    [{ gpp: { mspa: { coveredTransaction: false, mode: 'opt-out-option' } } }, ['gpp.mspa.mode']],
    [{ gpp: { mspa: {} } }, ['gpp.mspa.coveredTransaction']],
    [{ gpp: { notices: { saleOptOut: 'given', sensitiveDataLimitUse: 'not-applicable' } } }, []],
    [{ gpp: { notices: { saleOptOut: 'yes' } } }, ['gpp.notices.saleOptOut']],
    [{ gpp: { notices: { sale: 'given' } } }, ['gpp.notices.sale']],
    [{ gpp: { sensitiveData: { health: 'analytics' }, personalData: 'advertising' } }, []],
    [{ gpp: { sensitiveData: { health: 'Not A Name' } } }, ['gpp.sensitiveData.health']],
    [{ gpp: { sensitiveData: { dna: 'analytics' } } }, ['gpp.sensitiveData.dna']],
    [{ gpp: { knownChildSensitiveData: { under13: 'analytics' } } }, []],
    [{ gpp: { bogus: 1 } }, ['gpp.bogus']],
    [{ gpp: 'on' }, ['gpp']],
  ])('%j → %j', (config, paths) => {
    expect(gppPaths(config)).toEqual(paths);
    // The schema's `sections` is a oneOf: Ajv reports the list as well as the entry the core names.
    const fromSchema = schemaPaths(config);
    const entries = fromSchema.some((path) => path.startsWith('gpp.sections['));
    expect(fromSchema.filter((path) => !(entries && path == 'gpp.sections'))).toEqual(paths);
  });
});
