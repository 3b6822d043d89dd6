import type { ConfigIssue, PresetEntry } from '../src/index';

/** How a bad value reads in a message: strings quoted, numbers flagged (ids must be strings). */
export const show = (value: unknown): string =>
  typeof value == 'string'
    ? JSON.stringify(value)
    : typeof value == 'number'
      ? value + ' (a number: write it in quotes)'
      : value === undefined
        ? 'nothing'
        : 'a value of type ' + (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * Checks one string option of a preset entry against a pattern.
 * ```ts
 * checkOption(entry, /^G-[A-Z0-9]{4,12}$/, 'a GA4 measurement id like "G-ABC123"')
 * // [{ path: 'id', message: 'expected a GA4 measurement id like "G-ABC123", got "UA-1"' }]
 * ```
 */
export function checkOption(entry: PresetEntry, pattern: RegExp, expected: string, key = 'id'): ConfigIssue[] {
  const value = entry[key];
  return typeof value == 'string' && pattern.test(value)
    ? []
    : [{ path: key, message: `expected ${expected}, got ${show(value)}` }];
}
