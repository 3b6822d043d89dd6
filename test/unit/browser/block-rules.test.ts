import { describe, expect, it } from 'vitest';
import { blockRules, blockedCategory } from '../../../src/browser/autoblock/block-rules';
import { quickHost } from '../../../src/browser/autoblock/quick-host';
import { createConsent, definePreset } from '../../../src/index';

const vendor = definePreset<{ id: string }>({
  name: 'vendor',
  label: 'Vendor',
  category: 'analytics',
  hosts: ['cdn.vendor.test', 'www.google.test/pagead/'],
  cookies: [],
  options: ['id'],
  validate: () => [],
  load: () => {},
});

const consent = createConsent({
  presets: [vendor({ id: '1' }), vendor({ id: '2', category: 'advertising' })],
  blockList: [{ host: 'Tracker.Example', path: '/t', category: 'advertising' }],
});
const rules = blockRules(consent);
const match = (url: string) => blockedCategory(rules, new URL(url, 'https://www.shop.test/page'));

describe('auto-blocking rules', () => {
  it('come from each preset (with its own category) and the blockList', () => {
    expect(rules).toEqual([
      { host: 'cdn.vendor.test', path: '', category: 'analytics' },
      { host: 'www.google.test', path: '/pagead/', category: 'analytics' },
      { host: 'cdn.vendor.test', path: '', category: 'advertising' },
      { host: 'www.google.test', path: '/pagead/', category: 'advertising' },
      { host: 'tracker.example', path: '/t', category: 'advertising' },
    ]);
  });

  it('match a host and its subdomains, not look-alikes', () => {
    expect(match('https://cdn.vendor.test/a.js')).toBe('analytics');
    expect(match('//eu.cdn.vendor.test/a.js')).toBe('analytics');
    expect(match('https://cdn.vendor.test./a.js')).toBe('analytics'); // trailing dot
    expect(match('https://CDN.VENDOR.TEST/a.js')).toBe('analytics');
    expect(match('https://notcdn.vendor.test/a.js')).toBeUndefined();
    expect(match('https://cdn.vendor.test.evil.example/a.js')).toBeUndefined();
    expect(match('https://evil.example/?u=cdn.vendor.test')).toBeUndefined();
  });

  it('match path prefixes by whole segments', () => {
    expect(match('https://www.google.test/pagead/conversion.js')).toBe('analytics');
    expect(match('https://www.google.test/maps')).toBeUndefined();
    expect(match('https://tracker.example/t')).toBe('advertising');
    expect(match('https://tracker.example/t/pixel.gif?x=1')).toBe('advertising');
    expect(match('https://tracker.example/tx')).toBeUndefined();
  });

  it('leave first-party and non-network URLs alone', () => {
    expect(match('/js/app.js')).toBeUndefined();
    expect(match('data:text/javascript,1')).toBeUndefined();
    expect(match('about:blank')).toBeUndefined();
  });
});

describe('quickHost', () => {
  const host = (url: string) => quickHost(url, () => 'www.shop.test');
  const parsed = (url: string) => new URL(url, 'https://www.shop.test/page').hostname;

  it('reads plain absolute and relative URLs without the parser, as the parser would', () => {
    for (const url of [
      'https://CDN.Vendor.test/a.js',
      'http://cdn.vendor.test:8080?x',
      'https://1.2.3.4#f',
      '/i/1.gif',
      'img.png',
      '../x',
      '?q=1',
      '#top',
      'a//b',
    ])
      expect(host(url), url).toBe(parsed(url));
  });

  it('leaves everything unusual to the parser', () => {
    for (const url of [
      'https://www.tags%2Etest/x',
      'https://user@host.test/',
      'https:\\\\host.test',
      '//host.test/x',
      ' https://host.test',
      'ht\ttps://host.test',
      'https://host.test./x',
      'https://[::1]/',
      'https://bücher.test/',
      'https:host.test',
      'https://host.test:/x',
    ])
      expect(host(url), url).toBeUndefined();
  });
});
