// Tiny validation combinators: each check appends `{ path, message }` issues and never throws.
import type { ConfigIssue } from '../types';
import { keyAdvice, misspelt } from './suggest';
import { isObject } from './is-object';
import { hasOwn } from '../has-own';

export type Check = (value: unknown, path: string, issues: ConfigIssue[]) => void;

/** `cookie` + `days` → `cookie.days`; `presets` + 0 → `presets[0]`. */
export const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

export { isObject };

/** A short, safe rendering of what was found: never a whole hostile string or a function's source. */
const shown = (value: unknown): string =>
  typeof value == 'string'
    ? JSON.stringify(value.slice(0, 40))
    : value === undefined
      ? 'nothing'
      : Array.isArray(value)
        ? 'an array'
        : typeof value == 'function'
          ? 'a function'
          : isObject(value)
            ? 'an object'
            : String(value);

/** Adds `expected <expected>, got <value>` at `path`; `advice` (`: declare it under …`) follows it. */
export function fail(issues: ConfigIssue[], path: string, expected: string, value: unknown, advice = ''): void {
  issues.push({ path, message: `expected ${expected}, got ${shown(value)}${advice}` });
}

/** Passes when `ok(value)` is true, else "expected <expected>". */
export const is =
  (ok: (value: any) => unknown, expected: string): Check =>
  (value, path, issues) =>
    ok(value) || fail(issues, path, expected, value);

export const bool: Check = is((value) => value === !!value, 'true or false');

export const text = (pattern = /./, expected = 'a string'): Check =>
  is((value) => typeof value == 'string' && pattern.test(value), expected);

export const oneOf = (...values: string[]): Check =>
  is((value) => values.includes(value as string), `one of "${values.join('", "')}"`);

export const number = (min: number, max: number, integer?: boolean): Check =>
  is(
    (value) => typeof value == 'number' && value >= min && value <= max && !(integer && value % 1),
    `a ${integer ? 'whole ' : ''}number from ${min} to ${max}`,
  );

export const list =
  (item: Check): Check =>
  (value, path, issues) =>
    Array.isArray(value)
      ? value.forEach((v, i) => item(v, `${path}[${i}]`, issues))
      : fail(issues, path, 'an array', value);

/**
 * An object with known keys (unknown ones are errors with a "did you mean"); with `anyKey`,
 * any key matching that pattern is checked by `fields['*']`.
 */
export const shape =
  (fields: Record<string, Check>, required: string[] = [], anyKey?: RegExp, keyExpected = ''): Check =>
  (value, path, issues) => {
    if (!isObject(value)) return fail(issues, path, 'an object', value);
    for (const key of required)
      if ((!hasOwn(value, key) || value[key] === undefined) && !misspelt(value, key, Object.keys(fields)))
        issues.push({ path: join(path, key), message: 'is required' });
    // Own keys only, of the value and of `fields`: what another script added to Object.prototype
    // is no key of the config, and `__proto__`, `constructor`, `hasOwnProperty` are unknown keys, not checks.
    for (const key of Object.keys(value)) {
      let check: Check | undefined;
      if (anyKey) check = fields['*'];
      else if (hasOwn(fields, key)) check = fields[key];
      if (anyKey && !anyKey.test(key)) fail(issues, join(path, key), keyExpected, key);
      else if (!check)
        issues.push({ path: join(path, key), message: 'unknown key' + keyAdvice(key, Object.keys(fields)) });
      else if (value[key] !== undefined) check(value[key], join(path, key), issues);
    }
  };

/** http(s) and relative URLs, and (when allowed) mailto:, never `javascript:` or `data:`. */
const SAFE_URL = /^(https?:\/\/\S+|\/(?!\/)\S*|\.{0,2}\/\S*|[\w\-.~%/?#=&]+)$/i;

export const url = (mailto?: boolean): Check =>
  is(
    (value) => typeof value == 'string' && (SAFE_URL.test(value) || (!!mailto && /^mailto:\S+$/i.test(value))),
    `an http(s)${mailto ? ', mailto:' : ''} or relative URL`,
  );
