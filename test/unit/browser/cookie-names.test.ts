import { describe, expect, it } from 'vitest';
import { cookieDomains, cookiePaths } from '../../../src/core/store/cookie-domains';
import { matchesName } from '../../../src/browser/name-pattern';

describe('cookieDomains', () => {
  it('lists the host and every parent domain, the registrable one included', () => {
    expect(cookieDomains('www.shop.test')).toEqual(['www.shop.test', 'shop.test']);
    expect(cookieDomains('a.b.shop.example.co.uk')).toEqual([
      'a.b.shop.example.co.uk',
      'b.shop.example.co.uk',
      'shop.example.co.uk',
      'example.co.uk',
      'co.uk',
    ]);
  });
  it('gives IP addresses and single-label hosts no parents', () => {
    expect(cookieDomains('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(cookieDomains('[::1]')).toEqual(['[::1]']);
    expect(cookieDomains('localhost')).toEqual(['localhost']);
  });
});

describe('cookiePaths', () => {
  it('tries the root, the page path and its directory (the default cookie path)', () => {
    expect(cookiePaths('/shop/cart')).toEqual(['/', '/shop/cart', '/shop']);
    expect(cookiePaths('/shop/')).toEqual(['/', '/shop/', '/shop']);
    expect(cookiePaths('/')).toEqual(['/']);
  });
});

describe('matchesName', () => {
  it('matches exact names and prefix* patterns only', () => {
    expect(matchesName('_ga', '_ga')).toBe(true);
    expect(matchesName('_ga', '_ga_ABC123')).toBe(false);
    expect(matchesName('_ga_*', '_ga_ABC123')).toBe(true);
    expect(matchesName('_ga_*', '_ga')).toBe(false);
    expect(matchesName('_ga_*', 'x_ga_1')).toBe(false);
  });
});
