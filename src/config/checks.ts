// Tiny validation combinators: each check appends `{ path, message }` issues and never throws.
import type { ConfigIssue } from '../types';
import { didYouMean } from './suggest';

export type Check = (value: unknown, path: string, issues: ConfigIssue[]) => void;

/** `cookie` + `days` → `cookie.days`; `presets` + 0 → `presets[0]`. */
export const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** A short, safe rendering of what was found. */
export const shown = (value: unknown): string => {
  if (Array.isArray(value)) return 'an array';
  if (value === null || typeof value === 'object') return String(value && 'an object');
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? text.slice(0, 37) + '...' : text;
};

export const fail = (issues: ConfigIssue[], path: string, expected: string, value: unknown): void =>
  void issues.push({ path, message: `expected ${expected}, got ${shown(value)}` });

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const bool: Check = (value, path, issues) => {
  if (typeof value !== 'boolean') fail(issues, path, 'true or false', value);
};

export const text =
  (pattern?: RegExp, expected = 'a string'): Check =>
  (value, path, issues) => {
    if (typeof value !== 'string' || (pattern ? !pattern.test(value) : !value)) fail(issues, path, expected, value);
  };

export const oneOf =
  (...values: readonly unknown[]): Check =>
  (value, path, issues) => {
    if (!values.includes(value)) fail(issues, path, 'one of ' + values.map((v) => JSON.stringify(v)).join(', '), value);
  };

export const number =
  (min: number, max: number, integer = false): Check =>
  (value, path, issues) => {
    if (typeof value !== 'number' || !(value >= min && value <= max) || (integer && value % 1))
      fail(issues, path, `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`, value);
  };

export const list =
  (item: Check): Check =>
  (value, path, issues) => {
    if (!Array.isArray(value)) return fail(issues, path, 'an array', value);
    value.forEach((v, i) => item(v, join(path, i), issues));
  };

/** An object with known keys; unknown keys are errors with a "did you mean". */
export const shape =
  (fields: Record<string, Check>, required: string[] = []): Check =>
  (value, path, issues) => {
    if (!isObject(value)) return fail(issues, path, 'an object', value);
    for (const key of required)
      if (value[key] === undefined) issues.push({ path: join(path, key), message: 'is required' });
    for (const key in value) {
      const check = fields[key];
      if (check) {
        if (value[key] !== undefined) check(value[key], join(path, key), issues);
      } else issues.push({ path: join(path, key), message: `unknown key${didYouMean(key, Object.keys(fields))}` });
    }
  };

/** An object whose keys are names matching `key`, each value checked by `item`. */
export const record =
  (key: RegExp, keyExpected: string, item: Check): Check =>
  (value, path, issues) => {
    if (!isObject(value)) return fail(issues, path, 'an object', value);
    for (const name in value)
      if (!key.test(name)) fail(issues, join(path, name), keyExpected, name);
      else item(value[name], join(path, name), issues);
  };

/** http(s), relative and (when allowed) mailto: URLs: never `javascript:`, `data:` or `//host`. */
export const isSafeUrl = (value: string, mailto = false): boolean =>
  new RegExp(`^(https?://\\S+|/(?!/)\\S*|\\.{1,2}/\\S*|[\\w\\-.~%/?#=&]+${mailto ? '|mailto:\\S+' : ''})$`, 'i').test(value);

export const url =
  (mailto = false): Check =>
  (value, path, issues) => {
    if (typeof value !== 'string' || !isSafeUrl(value, mailto))
      fail(issues, path, mailto ? 'an http(s), relative or mailto: URL' : 'an http(s) or relative URL', value);
  };
