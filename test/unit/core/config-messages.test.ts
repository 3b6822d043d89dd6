// Messages that tell a person what to do, where the plain "expected …, got …" would leave them
// guessing. The paths stay the ones the schema and the other tests rely on.
import { describe, expect, it } from 'vitest';
import { presetRegistry } from '../../../presets/registry';
import { ConsentConfigError, createConsent, validateConfig, type ConsentConfig } from '../../../src/index';

describe('config messages', () => {
  it('says how to pass the registry when JSON names a preset and no registry is given', () => {
    const config = { presets: [{ name: 'google-analytics', id: 'G-ABC123' }] };
    expect(validateConfig(config)).toEqual([
      {
        path: 'presets[0].name',
        message:
          'unknown preset "google-analytics": to use names, pass { registry: presetRegistry } from "consentry/presets"',
      },
    ]);
    expect(() => createConsent(config as ConsentConfig)).toThrow(ConsentConfigError);
    // With the registry the same config is valid, and a real typo still gets its "did you mean".
    expect(validateConfig(config, presetRegistry)).toEqual([]);
    expect(validateConfig({ presets: [{ name: 'pendoo' }] }, presetRegistry)[0]!.message).toBe(
      'unknown preset "pendoo" (did you mean "pendo"?)',
    );
  });

  it('says to declare an undeclared category, for presets and block rules', () => {
    const issues = validateConfig(
      {
        presets: [{ name: 'meta-pixel', id: '1234567890123456', category: 'marketing' }],
        blockList: [{ host: 'tracker.example', category: 'functional' }],
      },
      presetRegistry,
    );
    expect(issues).toEqual([
      {
        path: 'presets[0].category',
        message:
          'expected one of "essential", "analytics", "advertising", got "marketing": declare it under "categories"',
      },
      {
        path: 'blockList[0].category',
        message:
          'expected one of "essential", "analytics", "advertising", got "functional": declare it under "categories"',
      },
    ]);
    // Not a string: nothing to declare.
    expect(validateConfig({ blockList: [{ host: 'a.example', category: 7 }] })[0]!.message).toBe(
      'expected one of "essential", "analytics", "advertising", got 7',
    );
  });

  it('reports a misspelt key once, not also as the key it stands for', () => {
    expect(validateConfig({ presets: [{ name: 'pendo', apikey: 'x' }] }, presetRegistry)).toEqual([
      { path: 'presets[0].apikey', message: 'unknown key (did you mean "apiKey"?)' },
    ]);
    expect(validateConfig({ log: { endpont: '/log' } })).toEqual([
      { path: 'log.endpont', message: 'unknown key (did you mean "endpoint"?)' },
    ]);
    expect(validateConfig({ presets: [{ name: 'google-analytics', ID: 'G-ABC123' }] }, presetRegistry)).toEqual([
      { path: 'presets[0].ID', message: 'unknown key (did you mean "id"?)' },
    ]);
    // An unrelated unknown key does not excuse a missing one.
    expect(validateConfig({ presets: [{ name: 'pendo', colour: 'x' }] }, presetRegistry).map((i) => i.path)).toEqual([
      'presets[0].colour',
      'presets[0].apiKey',
    ]);
  });
});
