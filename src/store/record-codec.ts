// The consent cookie's value: compact, versioned, strictly parsed.
//   1|<id>|<revision>|<created, base 36 ms>|<updated, base 36 ms>|<source>|<category>=<0|1>&...
// Only characters that js-cookie leaves unencoded, so the cookie stays short.
import type { ConsentRecord, DecisionSource } from '../types';

export const SCHEMA_VERSION = '1';
const SOURCES: DecisionSource[] = ['banner', 'preferences', 'api', 'signal', 'default'];
const MAX_LENGTH = 1024;
/** Clock skew tolerated between the device that wrote the record and this one. */
const SKEW = 864e5;

export function encodeRecord(record: ConsentRecord): string {
  const choices = Object.keys(record.choices)
    .map((name) => `${name}=${record.choices[name] ? 1 : 0}`)
    .join('&');
  return [SCHEMA_VERSION, record.id, record.revision, record.createdAt.toString(36), record.updatedAt.toString(36), record.source, choices].join('|');
}

/** The record in `value`, or null for anything missing, garbled, tampered, oversized or from a future schema. */
export function decodeRecord(value: unknown, now = Date.now()): ConsentRecord | null {
  if (typeof value != 'string' || value.length > MAX_LENGTH) return null;
  const [version, id = '', revision, created = '', updated = '', source, list] = value.split('|');
  const choices: Record<string, boolean> = {};
  for (const pair of list ? list.split('&') : []) {
    const [name = '', bit] = pair.split('=');
    // Category names as the config allows them; this also keeps out `__proto__`.
    if (!/^[a-z][a-z0-9_-]{0,31}$/.test(name)) return null;
    choices[name] = bit == '1';
  }
  const record = { id, revision: +revision!, createdAt: parseInt(created, 36), updatedAt: parseInt(updated, 36), choices, source: source as DecisionSource };
  // Accept only the exact string this library writes: re-encoding catches leading zeros, bad
  // numbers and bits, repeated categories and extra fields in one comparison.
  return version == SCHEMA_VERSION && /^[a-z0-9]{8,40}$/.test(id) && SOURCES.includes(record.source) && /^\d{1,10}$/.test(revision!) &&
    record.createdAt <= record.updatedAt && record.updatedAt <= now + SKEW && encodeRecord(record) == value
    ? record
    : null;
}
