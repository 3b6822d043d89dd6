// The shared config table run through the JSON Schema (Ajv) and createConsent: both accept
// every valid config, and both reject every invalid one naming the same path, so the schema
// editors use and the validator the library runs cannot drift apart.
import { describe, expect, it } from 'vitest';
import { invalidConfigs, validConfigs } from '../fixtures/configs';
import { corePaths, schemaPaths } from './schema-paths';

// JSON Schema cannot compare a value with the keys of another object in the same document,
// so "the category is declared under `categories`" is left to createConsent and the CLI.
const SCHEMA_CANNOT_EXPRESS = ['preset in an undeclared category', 'block rule in an undeclared category'];

describe('valid configs', () => {
  it.each(validConfigs.map((c) => [c.name, c.config] as const))(
    '%s: valid for the schema and createConsent',
    (_, config) => {
      expect(schemaPaths(config)).toEqual([]);
      expect(corePaths(config)).toEqual([]);
    },
  );
});

describe('invalid configs', () => {
  it('has at least 30 cases', () => {
    expect(invalidConfigs.length).toBeGreaterThanOrEqual(30);
  });

  const expressible = invalidConfigs.filter((c) => !SCHEMA_CANNOT_EXPRESS.includes(c.name));
  it.each(expressible.map((c) => [c.name, c.config, c.path] as const))(
    '%s: both reject it at the same path',
    (_, config, path) => {
      expect(corePaths(config)).toEqual([path]);
      expect(schemaPaths(config)).toEqual([path]);
    },
  );

  it.each(SCHEMA_CANNOT_EXPRESS)('%s: only createConsent can tell (listed on purpose)', (name) => {
    const { config, path } = invalidConfigs.find((c) => c.name == name)!;
    expect(corePaths(config)).toEqual([path]);
    expect(schemaPaths(config)).toEqual([]);
  });
});
