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
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return null;
  const [version, id, revision, created, updated, source, choiceList, ...rest] = value.split('|');
  // Ten digits: the config allows revisions up to 1e9.
  if (version !== SCHEMA_VERSION || rest.length || !/^[a-z0-9]{8,40}$/.test(id!) || !/^\d{1,10}$/.test(revision!)) return null;
  const createdAt = parseTime(created);
  const updatedAt = parseTime(updated);
  if (!(createdAt <= updatedAt && updatedAt <= now + SKEW) || !SOURCES.includes(source as DecisionSource)) return null;
  const choices: Record<string, boolean> = {};
  for (const pair of choiceList ? choiceList.split('&') : []) {
    const match = /^([a-z][a-z0-9_-]{0,31})=([01])$/.exec(pair);
    if (!match) return null;
    choices[match[1]!] = match[2] === '1';
  }
  const record: ConsentRecord = { id: id!, revision: +revision!, createdAt, updatedAt, choices, source: source as DecisionSource };
  // Only the exact string this library writes: no leading zeros, no repeated category (checked
  // this way, not with `in`, which is also true for a category named `constructor`).
  return encodeRecord(record) === value ? record : null;
}

/** Base-36 milliseconds; NaN (which fails every comparison) for anything else. */
const parseTime = (text: string | undefined): number => (text && /^[0-9a-z]{1,10}$/.test(text) ? parseInt(text, 36) : NaN);
