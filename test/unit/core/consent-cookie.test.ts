// Which cookie is the visitor's decision, from a Cookie header as the browser and a server see
// it: names matched raw, `__Host-` first, and a second cookie of the name or an encoded spelling
// of it read as "no decision" (cookie tossing by another subdomain).
import { describe, expect, it } from 'vitest';
import { consentCookieNames, readConsentCookie } from '../../../src/core/store/consent-cookie';
import { recordFromCookies } from '../../../src/core/store/stored-decision';
import { encodeRecord } from '../../../src/core/store/record-codec';

const NOW = Date.UTC(2026, 4, 1);
const record = (revision = 0) =>
  encodeRecord({
    id: 'visitor00001',
    revision,
    createdAt: NOW,
    updatedAt: NOW,
    choices: { analytics: false, advertising: false },
    source: 'banner',
  });
const VALUE = record();
const decision = (value: string | undefined, intruders: string[] = [], unprefixed = false) => ({
  value,
  unprefixed,
  intruders,
});

describe('consentCookieNames', () => {
  it('prefixes __Host- only where the cookie belongs to this host and /', () => {
    expect(consentCookieNames()).toEqual({ name: 'consentry', prefixed: '__Host-consentry' });
    expect(consentCookieNames({ name: 'shop', path: '/' })).toEqual({ name: 'shop', prefixed: '__Host-shop' });
    expect(consentCookieNames({ domain: '.shop.test' }).prefixed).toBeUndefined();
    expect(consentCookieNames({ path: '/shop' }).prefixed).toBeUndefined();
    expect(consentCookieNames({ name: '__Secure-shop' }).prefixed).toBeUndefined();
  });
});

describe('readConsentCookie', () => {
  it('reads __Host-consentry, and consentry alone where there is none (an older version wrote it)', () => {
    expect(readConsentCookie(`theme=dark; __Host-consentry=${VALUE}`)).toEqual(decision(VALUE));
    expect(readConsentCookie(`consentry=${VALUE}`)).toEqual(decision(VALUE, [], true));
    expect(readConsentCookie('theme=dark')).toEqual(decision(undefined, [], true));
    expect(readConsentCookie('')).toEqual(decision(undefined, [], true));
  });

  it('reads a server request header without spaces the same way', () => {
    expect(readConsentCookie(`a=1;__Host-consentry=${VALUE};b=2`).value).toBe(VALUE);
  });

  it('prefers __Host-consentry over any consentry cookie, which another subdomain can set', () => {
    const tossed = record(7);
    expect(readConsentCookie(`consentry=${tossed}; __Host-consentry=${VALUE}; consentry=${tossed}`)).toEqual(
      decision(VALUE),
    );
    expect(readConsentCookie(`%63onsentry=${tossed}; __Host-consentry=${VALUE}`).value).toBe(VALUE);
  });

  it('reads two cookies of the name as no decision: one was set on another path or parent domain', () => {
    expect(readConsentCookie(`consentry=${record(7)}; consentry=${VALUE}`)).toEqual(
      decision(undefined, ['consentry'], true),
    );
    expect(readConsentCookie(`consentry=${VALUE}; consentry=${VALUE}`, { domain: '.shop.test' })).toEqual(
      decision(undefined, ['consentry']),
    );
  });

  it('reads a percent-encoded spelling of the name as no decision, and names it raw', () => {
    expect(readConsentCookie(`%63onsentry=${record(7)}; consentry=${VALUE}`)).toEqual(
      decision(undefined, ['%63onsentry'], true),
    );
    expect(readConsentCookie(`__%48ost-consentry=${record(7)}; __Host-consentry=${VALUE}`)).toEqual(
      decision(undefined, ['__%48ost-consentry']),
    );
    expect(readConsentCookie(`__%48ost-consentry=${record(7)}`)).toEqual(decision(undefined, ['__%48ost-consentry']));
  });

  it('never takes another name for it: case, spaces inside, other prefixes', () => {
    for (const name of [
      'Consentry',
      'CONSENTRY',
      '__host-consentry',
      '__Secure-consentry',
      'consentry2',
      'x_consentry',
    ])
      expect(readConsentCookie(`${name}=${VALUE}`, { domain: '.shop.test' }).value).toBeUndefined();
  });

  it('never decodes the value: a quoted or percent-encoded one is passed on as is, and decodes to no record', () => {
    expect(readConsentCookie(`consentry="${VALUE}"`).value).toBe(`"${VALUE}"`);
    expect(readConsentCookie(`consentry=${encodeURIComponent(VALUE)}`).value).toBe(encodeURIComponent(VALUE));
    expect(readConsentCookie('consentry=%E2%82').value).toBe('%E2%82');
  });
});

describe('recordFromCookies', () => {
  it('gives the current decision of a request, or null', () => {
    expect(recordFromCookies(`__Host-consentry=${VALUE}`, {}, NOW)).toMatchObject({ id: 'visitor00001' });
    expect(recordFromCookies(`__Host-consentry=${VALUE}`, { revision: 1 }, NOW)).toBeNull();
    expect(recordFromCookies(`__Host-consentry=${VALUE}`, { cookie: { days: 1 } }, NOW + 2 * 864e5)).toBeNull();
    expect(recordFromCookies(`consentry=${VALUE}; consentry=${record(0)}`, {}, NOW)).toBeNull();
    expect(recordFromCookies('__Host-consentry=1|garbage', {}, NOW)).toBeNull();
  });
});
