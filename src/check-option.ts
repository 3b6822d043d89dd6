import type { ConfigIssue, PresetEntry } from './types';

/**
 * Checks one string option of a preset entry against a pattern, for `validate` in presets.
 * ```ts
 * validate: (entry) => checkOption(entry, /^HJ-\d+$/, 'a Hotjar site id like "HJ-123"')
 * // → [{ path: 'id', message: 'expected a Hotjar site id like "HJ-123", got "123"' }]
 * ```
 */
export function checkOption(entry: PresetEntry, pattern: RegExp, expected: string, key = 'id'): ConfigIssue[] {
  const value = entry[key];
  return typeof value == 'string' && pattern.test(value)
    ? []
    : [{ path: key, message: `expected ${expected}, got ${value === undefined ? 'nothing' : JSON.stringify(value)}` }];
}
