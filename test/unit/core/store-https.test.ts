// @vitest-environment-options {"url":"https://www.shop.test/shop/cart"}
// The consent cookie on https: `__Host-consentry` (Secure, `/`, no domain: no other subdomain can
// set it), an older version's `consentry` moved to it, a configured domain shared by the
// site's subdomains, and cookies tossed in by a sibling subdomain deleted at the next decision.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createConsent } from '../../../src/index';
import { encodeRecord } from '../../../src/core/store/record-codec';
import { recordCookieWrites } from '../helpers';
import type { ConsentRecord } from '../../../src/index';

const EPOCH = 'Thu, 01 Jan 1970 00:00:00 GMT';
const PATHS = ['/', '/shop', '/shop/'];

let writes: string[];
beforeEach(() => {
  writes = recordCookieWrites();
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const pair of document.cookie.split('; ').filter(Boolean)) {
    const name = pair.split('=')[0];
    for (const path of PATHS) {
      document.cookie = `${name}=; expires=${EPOCH}; path=${path}; secure`;
      document.cookie = `${name}=; expires=${EPOCH}; path=${path}; domain=.shop.test; secure`;
    }
  }
});

const names = () =>
  document.cookie
    .split('; ')
    .filter(Boolean)
    .map((pair) => pair.split('=')[0]);

/** A decision granting everything, as a sibling subdomain would forge it. */
const forged = (choices: Record<string, boolean>, source: ConsentRecord['source'] = 'preferences') =>
  encodeRecord({ id: 'attacker0000', revision: 0, createdAt: Date.now(), updatedAt: Date.now(), choices, source });

it('is __Host-consentry: Secure, SameSite=Lax, on / and without a domain', () => {
  expect(location.protocol).toBe('https:');
  createConsent({}).acceptAll();
  expect(writes[0]).toMatch(/^__Host-consentry=/);
  expect(writes[0]!.split('; ')).toEqual(expect.arrayContaining(['secure', 'SameSite=Lax', 'path=/']));
  expect(writes[0]).not.toMatch(/domain=/i);
  expect(names()).toEqual(['__Host-consentry']);
  expect(createConsent({}).decided).toBe(true);
});

it('takes the configured name behind the prefix, and a name with a prefix of its own as it is', () => {
  createConsent({ cookie: { name: 'shop_consent' } }).acceptAll();
  createConsent({ cookie: { name: '__Secure-shop' } }).acceptAll();
  expect(names().sort()).toEqual(['__Host-shop_consent', '__Secure-shop']);
});

it('is set on the configured parent domain, under the plain name (a __Host- cookie has no domain)', () => {
  createConsent({ cookie: { domain: '.shop.test' } }).update({ analytics: true });
  expect(writes[0]).toMatch(/^consentry=.*; domain=\.shop\.test/);
  expect(createConsent({ cookie: { domain: '.shop.test' } }).granted('analytics')).toBe(true);
});

it('moves a decision an older version stored as consentry to __Host-consentry', () => {
  const old = encodeRecord({
    id: 'olderversion1',
    revision: 0,
    createdAt: Date.now(),
    updatedAt: Date.now(),
    choices: { analytics: true, advertising: false },
    source: 'banner',
  });
  document.cookie = `consentry=${old}; path=/; secure`;
  const consent = createConsent({});
  expect([consent.decided, consent.granted('analytics')]).toEqual([true, true]);
  expect(names()).toEqual(['__Host-consentry']);
  expect(document.cookie).toBe(`__Host-consentry=${old}`);
});

it('ignores a consentry cookie a sibling subdomain tossed in once __Host-consentry exists', () => {
  createConsent({}).rejectAll('banner');
  document.cookie = `consentry=${forged({ analytics: true, advertising: true })}; domain=.shop.test; path=/shop; secure`;
  document.cookie = `%63onsentry=${forged({ analytics: true, advertising: true })}; domain=.shop.test; path=/shop; secure`;
  const consent = createConsent({});
  expect([consent.decided, consent.granted('analytics'), consent.granted('advertising')]).toEqual([true, false, false]);
});

it('reads a percent-encoded spelling of __Host-consentry as no decision, and deletes it at the next decision', () => {
  createConsent({}).rejectAll('banner');
  document.cookie = `__%48ost-consentry=${forged({ analytics: true, advertising: true })}; domain=.shop.test; path=/shop; secure`;
  const consent = createConsent({});
  expect([consent.decided, consent.needsPrompt, consent.granted('analytics')]).toEqual([false, true, false]);
  consent.rejectAll('banner');
  expect(names()).toEqual(['__Host-consentry']);
  expect(createConsent({}).decided).toBe(true);
});

it('with a shared domain, two consentry cookies are no decision until the next one deletes the intruder', () => {
  const config = { cookie: { domain: '.shop.test' } };
  createConsent(config).rejectAll('banner');
  document.cookie = `consentry=${forged({ analytics: true, advertising: true })}; domain=.shop.test; path=/shop; secure`;
  const consent = createConsent(config);
  expect([consent.decided, consent.granted('analytics'), consent.granted('advertising')]).toEqual([
    false,
    false,
    false,
  ]);
  consent.rejectAll('banner');
  expect(names()).toEqual(['consentry']);
  expect([createConsent(config).decided, createConsent(config).granted('analytics')]).toEqual([true, false]);
});

it('works in memory when the browser refuses the configured domain', () => {
  const consent = createConsent({ cookie: { domain: 'other.example' } });
  consent.acceptAll();
  expect(document.cookie).toBe('');
  expect([consent.decided, consent.needsPrompt, consent.granted('analytics')]).toEqual([true, false, true]);
});
