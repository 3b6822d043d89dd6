// The consent cookie's value: exact round trips, and a property test over 10,000+ random and
// mutated strings: the reader never throws and never reports a decision that is not exactly a
// valid, current, unexpired encoding (fed to `decodeRecord` and to `createConsent` through
// `document.cookie`). Seeded, so a failure names the seed and the string that reproduce it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsent, type ConsentRecord } from '../../../src/index';
import { decodeRecord, encodeRecord, MAX_COOKIE_BYTES } from '../../../src/core/store/record-codec';
import { DAY, generators, isValidEncoding, prng, uriEncoded } from './fuzz';
import { clearCookies } from '../helpers';
import { longCategories } from '../../fixtures/configs';
import { MAX_CATEGORIES, validateConfig } from '../../../src/core/config/validate';

const NOW = Date.UTC(2026, 2, 1, 12);
const SEED = 20260301;
const RUNS = 10_000;

const sample = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: 'k3j9x0q2m1z8abcd',
  revision: 2,
  createdAt: NOW - 10 * DAY,
  updatedAt: NOW - DAY,
  choices: { analytics: true, advertising: false },
  source: 'banner',
  ...overrides,
});

describe('the GPP string field (sites with gpp)', () => {
  const gpp = 'DBABLA~CVQVAAAAAACA.YA';

  it('is an optional last field that round-trips; records without it read as before', () => {
    const value = encodeRecord(sample({ gpp }));
    expect(value.endsWith('|analytics=1&advertising=0|' + gpp)).toBe(true);
    expect(decodeRecord(value, NOW)).toEqual(sample({ gpp }));
    expect(decodeRecord(encodeRecord(sample()), NOW)).toEqual(sample());
    // Only characters js-cookie leaves as they are: the cookie holds it unencoded.
    expect(encodeURIComponent(gpp)).toBe(gpp);
  });

  it('reads anything else after the choices as no decision', () => {
    const base = encodeRecord(sample());
    for (const tail of ['|', '|x', '|DB', '|DBABLA~a b', '|DBABLA|DBABLA', '|' + 'D'.repeat(400)])
      expect(decodeRecord(base + tail, NOW), tail).toBeNull();
  });
});

describe('encodeRecord / decodeRecord', () => {
  it('writes a compact, versioned value of cookie-safe characters', () => {
    const value = encodeRecord(sample());
    expect(value).toBe(
      `1|k3j9x0q2m1z8abcd|2|${(NOW - 10 * DAY).toString(36)}|${(NOW - DAY).toString(36)}|banner|analytics=1&advertising=0`,
    );
    // js-cookie leaves these characters unencoded, so the cookie stays as short as this.
    expect(encodeURIComponent(value).replace(/%7C|%3D|%26/g, '.').length).toBe(value.length);
  });

  it.each([
    ['every source', sample({ source: 'preferences' })],
    ['no choices', sample({ choices: {} })],
    [
      'custom categories, one named like an Object.prototype key',
      sample({ choices: { functional: true, constructor: true, 'x_y-9': false } }),
    ],
    ['the highest revision the config allows', sample({ revision: 1e9 })],
    ['created and updated at the epoch', sample({ createdAt: 0, updatedAt: 0 })],
    ['updated a few hours ahead (clock skew)', sample({ updatedAt: NOW + 3_600_000 })],
  ])('round-trips %s', (_, record) => {
    expect(decodeRecord(encodeRecord(record), NOW)).toEqual(record);
  });

  it.each([
    ['missing', undefined],
    ['not a string', 42],
    ['empty', ''],
    ['a future schema version', encodeRecord(sample()).replace(/^1/, '2')],
    ['a leading zero in the revision', encodeRecord(sample()).replace('|2|', '|02|')],
    ['a repeated category', encodeRecord(sample()) + '&analytics=1'],
    ['an extra field', encodeRecord(sample()) + '|x'],
    ['no choices field at all', encodeRecord(sample({ choices: {} })).slice(0, -1)],
    ['updated before created', encodeRecord(sample({ createdAt: NOW, updatedAt: NOW - DAY }))],
    ['updated more than a day in the future', encodeRecord(sample({ updatedAt: NOW + 2 * DAY }))],
    ['an unknown source', encodeRecord(sample()).replace('banner', 'cookie-wall')],
    ['a choice other than 0 or 1', encodeRecord(sample()).replace('analytics=1', 'analytics=true')],
    ['an upper-case id', encodeRecord(sample()).replace('k3j9', 'K3J9')],
    ['a short id', encodeRecord(sample({ id: 'abc' }))],
    ['an 11-digit revision', encodeRecord(sample({ revision: 12345678901 }))],
    [
      'over 4096 characters (more than a browser keeps)',
      encodeRecord(
        sample({
          choices: Object.fromEntries(Array.from({ length: 130 }, (_, i) => [`category${'x'.repeat(20)}${i}`, true])),
        }),
      ),
    ],
    ['JSON', JSON.stringify(sample())],
  ])('reads %s as no decision', (_, value) => {
    expect(decodeRecord(value, NOW)).toBeNull();
  });
});

describe('the longest decision a valid config can make', () => {
  it('fits in one cookie under the longest name, so browsers keep it and it is read back', () => {
    const config = { categories: longCategories(MAX_CATEGORIES), revision: 1e9, cookie: { name: 'n'.repeat(64) } };
    expect(validateConfig(config)).toEqual([]);
    const longest = sample({
      id: 'z'.repeat(40),
      revision: 1e9,
      createdAt: NOW,
      updatedAt: NOW,
      source: 'preferences',
      choices: Object.fromEntries(Object.keys(config.categories).map((name) => [name, true])),
    });
    const value = encodeRecord({ ...longest, choices: { analytics: true, advertising: true, ...longest.choices } });
    const cookie = `__Host-${config.cookie.name}=${value}`;
    expect(decodeRecord(value, NOW)).not.toBeNull();
    // RFC 6265bis §5.7: browsers drop a cookie whose name and value exceed 4,096 bytes. This one
    // is about 1,950: room for longer timestamps and ids in decades to come.
    expect(new TextEncoder().encode(cookie).length).toBeLessThan(MAX_COOKIE_BYTES / 2);
    expect(validateConfig({ ...config, categories: longCategories(MAX_CATEGORIES + 1) })).toEqual([
      { path: 'categories', message: expect.stringContaining('expected at most 50 categories, got 51') },
    ]);
  });
});

describe(`${RUNS} random and mutated cookie strings (seed ${SEED})`, () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    clearCookies();
  });
  afterEach(() => {
    vi.useRealTimers();
    clearCookies();
  });

  it('decodeRecord never throws and accepts exactly the valid encodings', () => {
    const { cookie } = generators(prng(SEED), NOW);
    let accepted = 0;
    for (let run = 0; run < RUNS; run++) {
      const value = cookie();
      let decoded: ConsentRecord | null;
      try {
        decoded = decodeRecord(value, NOW);
      } catch (error) {
        throw new Error(`run ${run} (seed ${SEED}): decodeRecord threw on ${JSON.stringify(value)}: ${error}`);
      }
      if (!!decoded !== isValidEncoding(value, NOW))
        throw new Error(`run ${run} (seed ${SEED}): ${decoded ? 'accepted' : 'rejected'} ${JSON.stringify(value)}`);
      if (decoded) {
        expect(encodeRecord(decoded)).toBe(value);
        accepted++;
      }
    }
    // Both outcomes were exercised: the property could have failed either way.
    expect(accepted).toBeGreaterThan(RUNS * 0.15);
    expect(accepted).toBeLessThan(RUNS * 0.6);
  });

  it('createConsent decides only from a valid, current, unexpired cookie, and never throws', () => {
    const random = prng(SEED + 1);
    const { cookie, pick } = generators(random, NOW);
    const outcomes = { decided: 0, expired: 0, otherRevision: 0, rejected: 0, dropped: 0 };
    for (let run = 0; run < RUNS; run++) {
      const value = cookie();
      const revision = pick([0, 1, 2]);
      clearCookies();
      // Sometimes percent-encoded (never a decision: records are written raw, and the reader does not
      // decode), else raw (the jar may refuse those).
      document.cookie = `consentry=${random() < 0.2 ? uriEncoded(value) : value}; path=/`;
      const pair = document.cookie.split('; ').find((cookie) => cookie.startsWith('consentry='));
      const seen = pair?.slice('consentry='.length);
      let consent;
      try {
        consent = createConsent({ revision, categories: { functional: {} } });
      } catch (error) {
        throw new Error(`run ${run} (seed ${SEED + 1}): createConsent threw on ${JSON.stringify(seen)}: ${error}`);
      }
      const record = isValidEncoding(seen, NOW) ? decodeRecord(seen, NOW)! : null;
      const current = !!record && record.revision === revision && record.updatedAt + 182 * DAY > NOW;
      outcomes[
        seen === undefined
          ? 'dropped'
          : !record
            ? 'rejected'
            : record.revision !== revision
              ? 'otherRevision'
              : current
                ? 'decided'
                : 'expired'
      ]++;
      if (consent.decided !== current)
        throw new Error(
          `run ${run} (seed ${SEED + 1}): decided=${consent.decided} for ${JSON.stringify(seen)}, revision ${revision}`,
        );
      expect(consent.needsPrompt).toBe(!current);
      // Opt-in: a category is on only when the valid record says so.
      for (const name of ['analytics', 'advertising', 'functional'])
        expect(consent.granted(name), name).toBe(current && record!.choices[name] === true);
      expect(consent.granted('essential')).toBe(true);
    }
    for (const [outcome, count] of Object.entries(outcomes))
      expect(count, outcome).toBeGreaterThan(outcome == 'dropped' ? 0 : 50);
  }, 120_000); // 10,000 instances through jsdom's cookie jar: seconds, more on a busy CI machine
});
