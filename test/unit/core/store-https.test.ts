// @vitest-environment-options {"url":"https://www.shop.test/"}
// The consent cookie on https: Secure, and a configured domain shared by the site's subdomains.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createConsent } from '../../../src/index';
import { clearCookies, recordCookieWrites } from '../helpers';

let writes: string[];
beforeEach(() => {
  writes = recordCookieWrites();
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const pair of document.cookie.split('; ').filter(Boolean))
    document.cookie = `${pair.split('=')[0]}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/; domain=.shop.test`;
  clearCookies();
});

it('is Secure and SameSite=Lax on https', () => {
  expect(location.protocol).toBe('https:');
  createConsent({}).acceptAll();
  expect(writes[0]!.split('; ')).toEqual(expect.arrayContaining(['secure', 'sameSite=Lax', 'path=/']));
  expect(createConsent({}).decided).toBe(true);
});

it('is set on the configured parent domain', () => {
  createConsent({ cookie: { domain: '.shop.test' } }).update({ analytics: true });
  expect(writes[0]!.split('; ')).toContain('domain=.shop.test');
  expect(createConsent({ cookie: { domain: '.shop.test' } }).granted('analytics')).toBe(true);
});

it('works in memory when the browser refuses the configured domain', () => {
  const consent = createConsent({ cookie: { domain: 'other.example' } });
  consent.acceptAll();
  expect(document.cookie).toBe('');
  expect([consent.decided, consent.needsPrompt, consent.granted('analytics')]).toEqual([true, false, true]);
});
