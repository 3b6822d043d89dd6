// Seeded generators for the cookie property tests: valid encodings, their mutations, and an
// independent grammar of what a valid encoding is (written from the format comment in
// src/core/store/record-codec.ts, not from its code).
import type { ConsentRecord, DecisionSource } from '../../../src/index';
import { encodeRecord } from '../../../src/core/store/record-codec';

/** mulberry32: small, fast and seedable, so a failing string can be reproduced from its seed. */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DAY = 864e5;
const SOURCES: DecisionSource[] = ['banner', 'preferences', 'api', 'signal', 'default'];
const CATEGORIES = ['analytics', 'advertising', 'functional', 'constructor', 'a', 'x_y-9', 'toString'];
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
// Separators, digits, case, quotes, cookie syntax, percent escapes, control and non-ASCII characters.
const NOISE = [
  ...'|=&01289az AZ-_;,"\'%\\/+.:\u0000\n\t',
  '%7C',
  '%3D',
  '%E2%82%AC',
  'é',
  '€',
  '\u200b',
  '\ud83c\udf6a',
  '\ud800',
  '𝟙',
  '١',
];

export function generators(random: () => number, now: number) {
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const word = (chars: string, min: number, max: number): string =>
    Array.from({ length: min + int(max - min + 1) }, () => chars[int(chars.length)]).join('');

  /** A record as the library would write it, created up to 250 days ago (some are expired). */
  const record = (): ConsentRecord => {
    const createdAt = now - int(250 * DAY);
    const choices: Record<string, boolean> = {};
    for (const name of CATEGORIES)
      if (random() < 0.5 && /^[a-z][a-z0-9_-]*$/.test(name)) choices[name] = random() < 0.5;
    return {
      id: word(LOWER, 8, 40),
      revision: pick([0, 0, 1, 2, int(1e9) + 1, 1e9]),
      createdAt,
      updatedAt: random() < 0.5 ? createdAt : createdAt + int(now - createdAt),
      choices,
      source: pick(SOURCES),
    };
  };

  const mutations: Array<(s: string) => string> = [
    (s) => {
      const i = int(s.length);
      return s.slice(0, i) + pick(NOISE) + s.slice(i + 1);
    }, // flip
    (s) => {
      const i = int(s.length + 1);
      return s.slice(0, i) + pick(NOISE) + s.slice(i);
    }, // insert
    (s) => {
      const i = int(s.length);
      return s.slice(0, i) + s.slice(i + 1);
    }, // delete
    (s) => s.slice(0, int(s.length)), // truncate
    (s) => {
      const f = s.split('|');
      f.splice(int(f.length), 0, pick(f));
      return f.join('|');
    }, // duplicate a field
    (s) => {
      const f = s.split('|');
      const i = int(f.length),
        j = int(f.length);
      [f[i], f[j]] = [f[j]!, f[i]!];
      return f.join('|');
    }, // swap fields
    (s) => {
      const f = s.split('|');
      f[6] = f[6] ? `${f[6]}&${pick(f[6].split('&'))}` : 'analytics=1&analytics=0';
      return f.join('|');
    }, // repeat a category
    (s) => {
      const f = s.split('|');
      f[int(f.length)] += 'x'.repeat(int(3000));
      return f.join('|');
    }, // huge field
    (s) => s.repeat(2 + int(20)), // huge value
    (s) => pick(['2', '0', '10', '01', '1.0', 'v1', '']) + s.slice(1), // other schema versions
    (s) => {
      const f = s.split('|');
      f[4] = (now + (1 + int(400)) * DAY).toString(36);
      return f.join('|');
    }, // updated in the future
    (s) => {
      const f = s.split('|');
      const i = pick([2, 3, 4]);
      f[i] = '0' + f[i];
      return f.join('|');
    }, // leading zero
    (s) => {
      const f = s.split('|');
      f[2] = pick(['-1', '1e3', '0x1', ' 1', '99999999999', 'NaN', '1.5']);
      return f.join('|');
    }, // revisions
    (s) => {
      const f = s.split('|');
      f[5] = pick(['BANNER', 'gpc', 'api ', '__proto__', 'default;']);
      return f.join('|');
    }, // sources
    (s) => {
      const f = s.split('|');
      f[6] = pick([
        '__proto__=1',
        'Analytics=1',
        'analytics=2',
        'analytics=true',
        'analytics',
        '=1',
        'analytics=1&',
        `${'a'.repeat(40)}=1`,
        'é=1',
      ]);
      return f.join('|');
    }, // choices
    (s) => s.toUpperCase(),
    (s) => uriEncoded(s),
    (s) => JSON.stringify(s),
  ];

  /** A string: random noise, a valid encoding, or a valid encoding mutated 1–3 times. */
  const cookie = (): string => {
    const roll = random();
    if (roll < 0.1) return Array.from({ length: int(60) }, () => pick(NOISE)).join('');
    let value = encodeRecord(record());
    if (roll < 0.3) return value;
    for (let n = 1 + int(3); n > 0; n--) value = pick(mutations)(value);
    return value;
  };
  return { record, cookie, int, pick };
}

/** encodeURIComponent, or the string itself where it cannot be encoded (a lone surrogate). */
export function uriEncoded(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value;
  }
}

const TIME = '(0|[1-9a-z][0-9a-z]{0,9})';
const PAIR = '[a-z][a-z0-9_-]{0,31}=[01]';
/** The optional last field: the GPP string of a site with `gpp` (header "D…", sections after "~"). */
const GPP = 'D[A-Za-z0-9_.~-]{3,300}';
const GRAMMAR = new RegExp(
  `^1\\|[a-z0-9]{8,40}\\|(0|[1-9]\\d{0,9})\\|${TIME}\\|${TIME}\\|(banner|preferences|api|signal|default)\\|((?:${PAIR})(?:&${PAIR})*)?(?:\\|${GPP})?$`,
);

/**
 * Is `value` exactly a string the library writes: schema 1, canonical numbers, created ≤ updated
 * ≤ now + 1 day (clock skew between devices), each category once, at most 1024 characters?
 */
export function isValidEncoding(value: unknown, now: number): value is string {
  const match = typeof value == 'string' && value.length <= 1024 ? GRAMMAR.exec(value) : null;
  if (!match) return false;
  const [created, updated] = [parseInt(match[2]!, 36), parseInt(match[3]!, 36)];
  const names = match[5] ? match[5].split('&').map((pair) => pair.split('=')[0]) : [];
  return created <= updated && updated <= now + DAY && new Set(names).size == names.length;
}
