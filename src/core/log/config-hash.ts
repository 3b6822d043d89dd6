// A stable name for "the configuration this visitor saw", computed the same way by the page
// (each record carries it) and by the records service (which registers `consent.json` under it).
import { isObject } from '../config/is-object';
import type { ConsentConfig } from '../types';

/**
 * Keys that say nothing about what the visitor was shown or how the decision was applied, or
 * that differ between page views of one configuration: the editor's schema link, the log's own
 * address, the per-response CSP nonce and the region hint (recorded separately in each record).
 */
const NOT_HASHED = ['$schema', 'log', 'nonce', 'region'];

/**
 * The config as canonical JSON: object keys sorted at every level, `undefined`, functions and
 * symbol-keyed properties left out (as `JSON.stringify` does), so the same settings give the same
 * text whether they came from `consent.json`, `data-config` or a bundler.
 */
export function canonicalConfig(config: ConsentConfig): string {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(config))
    if (!NOT_HASHED.includes(key)) kept[key] = (config as Record<string, unknown>)[key];
  return JSON.stringify(kept, (_key, value: unknown) => {
    if (!isObject(value)) return value;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = value[key];
    return sorted;
  });
}

const hex = (word: number): string => (word >>> 0).toString(16).padStart(8, '0');

/**
 * A 64-bit hash of `text` as 16 hex digits: cyrb53 (bryc, public domain,
 * github.com/bryc/code/blob/master/jshash/experimental/cyrb53.js) with both 32-bit lanes kept.
 * Not cryptographic: it names a configuration, it does not protect one. Pure arithmetic, so it
 * runs alike in Node and on plain-http pages, where `crypto.subtle` does not exist.
 */
export function hash64(text: string): string {
  let first = 0xdeadbeef;
  let second = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 2654435761);
    second = Math.imul(second ^ code, 1597334677);
  }
  first = Math.imul(first ^ (first >>> 16), 2246822507) ^ Math.imul(second ^ (second >>> 13), 3266489909);
  second = Math.imul(second ^ (second >>> 16), 2246822507) ^ Math.imul(first ^ (first >>> 13), 3266489909);
  return hex(second) + hex(first);
}

/** The config hash a record carries: `hash64` of the canonical config. */
export const configHash = (config: ConsentConfig): string => hash64(canonicalConfig(config));
