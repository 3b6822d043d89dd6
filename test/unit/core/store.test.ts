// The consent cookie on plain http (jsdom's default http://localhost:3000/): name, lifetime,
// attributes, revision bumps and expiry. https and blocked storage have their own files.
import Cookies from 'js-cookie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsent, type ConsentConfig } from '../../../src/index';
import { decodeRecord, encodeRecord } from '../../../src/core/store/record-codec';
import { clearCookies, recordCookieWrites } from '../helpers';

const DAY = 864e5;
const NOW = Date.UTC(2026, 0, 15, 9, 30);

let writes: string[];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  clearCookies(['/shop']);
  writes = recordCookieWrites();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  history.replaceState(null, '', '/');
  clearCookies(['/shop']);
});

const cookieNames = () =>
  document.cookie
    .split('; ')
    .filter(Boolean)
    .map((pair) => pair.split('=')[0]);

describe('the cookie', () => {
  it('is one first-party cookie named "consentry" holding the record', () => {
    const consent = createConsent({});
    expect(document.cookie).toBe('');
    consent.acceptAll('banner');
    expect(cookieNames()).toEqual(['consentry']);
    expect(decodeRecord(Cookies.get('consentry'))).toEqual(consent.record);
  });

  it('lasts 182 days by default, with SameSite=Lax and, on http, without Secure', () => {
    createConsent({}).acceptAll();
    expect(writes).toHaveLength(1);
    const attributes = writes[0]!.split('; ').slice(1);
    expect(attributes).toContain(`expires=${new Date(NOW + 182 * DAY).toUTCString()}`);
    expect(attributes).toContain('path=/');
    // Attribute names are case-insensitive (RFC 6265 §5.2).
    expect(attributes.map((attribute) => attribute.toLowerCase())).toContain('samesite=lax');
    expect(attributes.some((a) => /^secure/i.test(a))).toBe(false);
    expect(attributes.some((a) => /^domain/i.test(a))).toBe(false);
  });

  it('takes its lifetime from cookie.days, up to 395', () => {
    createConsent({ cookie: { days: 395 } }).acceptAll();
    expect(writes[0]).toContain(`expires=${new Date(NOW + 395 * DAY).toUTCString()}`);
    expect(() => createConsent({ cookie: { days: 396 } })).toThrow('cookie.days');
  });

  it('takes its name and path from the config', () => {
    history.replaceState(null, '', '/shop/cart');
    const config: ConsentConfig = { cookie: { name: 'shop_consent', path: '/shop' } };
    createConsent(config).update({ analytics: true });
    expect(cookieNames()).toEqual(['shop_consent']);
    expect(writes[0]).toMatch(/^shop_consent=.*; path=\/shop(;|$)/);
    expect(createConsent(config).granted('analytics')).toBe(true);
    // Another cookie name is another decision.
    expect(createConsent({}).decided).toBe(false);
  });

  it('keeps the consent id and creation time across later decisions', () => {
    const consent = createConsent({});
    consent.acceptAll();
    const first = consent.record;
    vi.setSystemTime(NOW + 5000);
    consent.update({ advertising: false }, 'preferences');
    expect(consent.record).toMatchObject({
      id: first.id,
      createdAt: NOW,
      updatedAt: NOW + 5000,
      source: 'preferences',
    });
    expect(createConsent({}).record).toEqual(consent.record);
  });

  it('is removed by reset()', () => {
    const consent = createConsent({});
    consent.acceptAll();
    consent.reset();
    expect(cookieNames()).toEqual([]);
    expect(createConsent({}).needsPrompt).toBe(true);
  });
});

describe('asking again', () => {
  it('after a revision bump', () => {
    createConsent({ revision: 1 }).acceptAll();
    expect(createConsent({ revision: 1 }).needsPrompt).toBe(false);
    const bumped = createConsent({ revision: 2 });
    expect([bumped.decided, bumped.needsPrompt, bumped.granted('analytics')]).toEqual([false, true, false]);
    bumped.rejectAll();
    expect(createConsent({ revision: 2 }).record).toMatchObject({ revision: 2, choices: { analytics: false } });
  });

  it('remembers a decision under the highest revision the config allows', () => {
    createConsent({ revision: 1e9 }).acceptAll();
    expect(createConsent({ revision: 1e9 }).decided).toBe(true);
  });

  it('after the cookie lifetime has passed', () => {
    createConsent({}).acceptAll();
    vi.setSystemTime(NOW + 182 * DAY - 60_000);
    expect(createConsent({}).decided).toBe(true);
    vi.setSystemTime(NOW + 182 * DAY + 1000);
    const later = createConsent({});
    expect([later.decided, later.needsPrompt, later.granted('analytics')]).toEqual([false, true, false]);
  });

  it('when the record is older than cookie.days, even if the browser still has the cookie', () => {
    // The browser may keep a cookie longer (a shortened lifetime, a copied cookie): the record's own date counts.
    const old = (days: number) =>
      Cookies.set(
        'consentry',
        encodeRecord({
          id: 'abcdefgh12345678',
          revision: 0,
          createdAt: NOW - days * DAY,
          updatedAt: NOW - days * DAY,
          choices: { analytics: true },
          source: 'banner',
        }),
        { expires: 400 },
      );
    old(29);
    expect(createConsent({ cookie: { days: 30 } }).granted('analytics')).toBe(true);
    old(31);
    expect(createConsent({ cookie: { days: 30 } }).decided).toBe(false);
    expect(createConsent({ cookie: { days: 30 } }).granted('analytics')).toBe(false);
    old(183);
    expect(createConsent({}).needsPrompt).toBe(true);
  });

  it.each([
    ['garbled', 'not a record'],
    ['tampered', '1|abcdefgh12345678|0|zz|zz|banner|analytics=1'],
    ['future-versioned', `2|abcdefgh12345678|0|${NOW.toString(36)}|${NOW.toString(36)}|banner|analytics=1`],
    [
      'oversized',
      `1|abcdefgh12345678|0|${NOW.toString(36)}|${NOW.toString(36)}|banner|analytics=1${'&x=1'.repeat(1000)}`,
    ],
    ['percent-garbage', '%E0%A4%A'],
  ])('means no decision when the cookie is %s', (_, value) => {
    document.cookie = `consentry=${value}; path=/`;
    const consent = createConsent({});
    expect([consent.decided, consent.needsPrompt, consent.granted('analytics')]).toEqual([false, true, false]);
    // A new decision replaces it.
    consent.acceptAll();
    expect(createConsent({}).decided).toBe(true);
  });
});
