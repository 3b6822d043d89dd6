import { describe, expect, it } from 'vitest';
import { presetRegistry } from '../../../presets/registry';
import { checkOption, validateConfig } from '../../../src/index';

describe('checkOption', () => {
  const entry = (value: unknown) => ({ name: 'x', id: value, flag: value });

  it('accepts strings matching the pattern and explains anything else', () => {
    expect(checkOption(entry('HJ-1'), /^HJ-\d+$/, 'a site id like "HJ-1"')).toEqual([]);
    expect(checkOption(entry('1'), /^HJ-\d+$/, 'a site id like "HJ-1"')).toEqual([
      { path: 'id', message: 'expected a site id like "HJ-1", got "1"' },
    ]);
    expect(checkOption(entry(undefined), /./, 'an id')[0]!.message).toBe('expected an id, got nothing');
    for (const value of [12, null, ['HJ-1'], { id: 'HJ-1' }, true])
      expect(checkOption(entry(value), /HJ/, 'an id')).toHaveLength(1);
  });

  it('checks optional booleans under another key', () => {
    expect(checkOption(entry(true), 'boolean', 'true or false', 'flag')).toEqual([]);
    expect(checkOption(entry(undefined), 'boolean', 'true or false', 'flag')).toEqual([]);
    expect(checkOption(entry('true'), 'boolean', 'true or false', 'flag')).toEqual([
      { path: 'flag', message: 'expected true or false, got "true"' },
    ]);
  });

  it('shows hostile values shortened, like the rest of the validator', () => {
    expect(checkOption(entry('G-' + 'x'.repeat(10_000)), /^G-\w{4}$/, 'an id')[0]!.message).toBe(
      `expected an id, got "G-${'x'.repeat(38)}"`,
    );
    expect(
      checkOption(
        entry(() => 'G-1'),
        /./,
        'an id',
      )[0]!.message,
    ).toBe('expected an id, got a function');
    const issues = validateConfig({ presets: [{ name: 'google-analytics', id: 10n }] }, presetRegistry);
    expect(issues).toEqual([{ path: 'presets[0].id', message: expect.stringMatching(/got 10$/) }]);
  });

  it('a preset whose own check throws is reported at its entry, never thrown', () => {
    const broken = {
      ...presetRegistry['google-analytics']!,
      validate: () => {
        throw new Error('bug');
      },
    };
    const issues = validateConfig(
      { presets: [{ name: 'google-analytics', id: 'G-ABC123' }] },
      { 'google-analytics': broken },
    );
    expect(issues).toEqual([{ path: 'presets[0]', message: 'its preset could not check it' }]);
  });
});
