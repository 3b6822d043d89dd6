// The consent cookie's value: compact, versioned, strictly parsed.
//   1|<id>|<revision>|<created, base 36 ms>|<updated, base 36 ms>|<source>|<category>=<0|1>&...[|<GPP string>]
// Only characters that js-cookie leaves unencoded, so the cookie stays short. The GPP string
// (sites with `gpp`) is an optional last field, so records without it read as before.
import type { ConsentRecord, DecisionSource } from '../types';

/**
 * The fields of schema 1. Numbers and choices are matched loosely here: re-encoding the decoded
 * record and comparing it with the input catches leading zeros, bad numbers and bits, repeated
 * or malformed categories and anything left over, in one comparison.
 */
const FORMAT =
  /^1\|([a-z0-9]{8,40})\|(\d{1,10})\|([a-z0-9]+)\|([a-z0-9]+)\|(banner|preferences|api|signal|default)\|([^|]*)(?:\|(D[\w.~-]{3,300}))?$/;
/** A category's choice, named as the config allows (this also keeps out `__proto__`). */
const CHOICE = /([a-z][a-z0-9_-]{0,31})=([01])/g;
/** Clock skew tolerated between the device that wrote the record and this one. */
const SKEW = 864e5;
/**
 * The longest value read: browsers keep a cookie of at most 4,096 bytes of name and value
 * (RFC 6265bis §5.7), so nothing longer can be the visitor's. The config check limits the
 * categories so that every record fits (MAX_CATEGORIES in config/validate.ts).
 */
export const MAX_COOKIE_BYTES = 4096;
const DAY = 864e5;

export const encodeRecord = ({ id, revision, createdAt, updatedAt, source, choices, gpp }: ConsentRecord): string =>
  `1|${id}|${revision}|${createdAt.toString(36)}|${updatedAt.toString(36)}|${source}|${Object.keys(choices)
    .map((name) => `${name}=${+choices[name]!}`)
    .join('&')}${gpp ? '|' + gpp : ''}`;

/** The record in `value`, or null for anything missing, garbled, tampered, oversized or from a future schema. */
export function decodeRecord(value: unknown, now = Date.now()): ConsentRecord | null {
  const fields = typeof value == 'string' && value.length <= MAX_COOKIE_BYTES && FORMAT.exec(value);
  if (!fields) return null;
  // No prototype: a category missing from the record is missing, whatever the page added to Object.prototype.
  const choices: Record<string, boolean> = Object.create(null);
  for (const [, name, bit] of fields[6]!.matchAll(CHOICE)) choices[name!] = bit == '1';
  const record = {
    id: fields[1]!,
    revision: +fields[2]!,
    createdAt: parseInt(fields[3]!, 36),
    updatedAt: parseInt(fields[4]!, 36),
    choices,
    source: fields[5] as DecisionSource,
    ...(fields[7] ? { gpp: fields[7] } : {}),
  };
  return record.createdAt <= record.updatedAt && record.updatedAt <= now + SKEW && encodeRecord(record) == value
    ? record
    : null;
}

/**
 * The decision stored in `value` if it still applies: well formed, for the config's current
 * `revision`, and not older than `days` (the cookie's lifetime). The browser's instance and the
 * server's `decisionFromCookie` both read a cookie through this one check, so they agree.
 */
export function currentRecord(value: unknown, revision: number, days: number, now = Date.now()): ConsentRecord | null {
  const record = decodeRecord(value, now);
  if (!record || record.revision !== revision) return null;
  return record.updatedAt + days * DAY > now ? record : null;
}
