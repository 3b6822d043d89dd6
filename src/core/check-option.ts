import { fail } from './config/checks';
import type { ConfigIssue, PresetEntry } from './types';

/**
 * Checks one option of a preset entry, for `validate` in presets: a string matching `test`,
 * or with `test` = `'boolean'`, true, false or absent. The message is the config validator's
 * own (`expected …, got …`, hostile values shortened).
 * ```ts
 * validate: (entry) => checkOption(entry, /^HJ-\d+$/, 'a Hotjar site id like "HJ-123"')
 * // → [{ path: 'id', message: 'expected a Hotjar site id like "HJ-123", got "123"' }]
 * ```
 */
export function checkOption(entry: PresetEntry, test: RegExp | 'boolean', expected: string, key = 'id'): ConfigIssue[] {
  const value = entry[key];
  const issues: ConfigIssue[] = [];
  const valid =
    test == 'boolean' ? value === undefined || typeof value == 'boolean' : typeof value == 'string' && test.test(value);
  if (!valid) fail(issues, key, expected, value);
  return issues;
}
