import { describe, expect, it } from 'vitest';
import { googleAds } from '../../../presets/google-ads';
import { googleAnalytics } from '../../../presets/google-analytics';
import { plain } from '../helpers';
import { runPreset } from './run-preset';

const ga = googleAnalytics.definition;
const GTAG = 'https://www.googletagmanager.com/gtag/js?id=';

describe('google-analytics preset', () => {
  it('accepts GA4 measurement ids and explains anything else', () => {
    for (const id of ['G-ABC123', 'G-1234', 'G-ABCDEF123456']) expect(ga.validate({ name: ga.name, id })).toEqual([]);
    expect(ga.validate({ name: ga.name, id: 'UA-1' })).toEqual([
      { path: 'id', message: 'expected a GA4 measurement id like "G-ABC123", got "UA-1"' },
    ]);
    expect(ga.validate({ name: ga.name })[0]!.message).toMatch(/got nothing$/);
    for (const id of ['G-ABC', 'G-ABCDEF1234567', 'g-abc123', ' G-ABC123', 123])
      expect(ga.validate({ name: ga.name, id })).toHaveLength(1);
  });

  it('is analytics, a Google tag, and declares the GA4 cookies', () => {
    expect(ga.category).toBe('analytics');
    expect(ga.google).toBe(true);
    expect(ga.cookies.map((c) => c.name)).toEqual(['_ga', '_ga_*']);
    expect(ga.hosts).toContain('google-analytics.com');
  });

  it('defines gtag() at start, whose calls wait in dataLayer; loads nothing before analytics is granted', () => {
    const run = runPreset(ga, { id: 'G-ABC123' });
    run.window.gtag('event', 'sign_up', { method: 'email' });
    expect(run.scripts).toEqual([]);
    expect(plain(run.window.dataLayer)).toEqual([['event', 'sign_up', { method: 'email' }]]);
  });

  it('on grant queues js and config as arguments objects, then loads gtag.js once', () => {
    const run = runPreset(ga, { id: 'G-ABC123' });
    run.set(true);
    expect(run.scripts).toEqual([GTAG + 'G-ABC123']);
    const queue = run.window.dataLayer as unknown[];
    expect(queue.every((item) => Object.prototype.toString.call(item) == '[object Arguments]')).toBe(true);
    const [js, config] = plain(queue) as unknown[][];
    expect(js![0]).toBe('js');
    expect(js![1]).toBeInstanceOf(Date);
    expect(config).toEqual(['config', 'G-ABC123']);
    expect(typeof run.window.gtag).toBe('function');
    run.set(false);
    run.set(true);
    expect(run.scripts).toHaveLength(1);
  });

  it('shares one gtag.js with Google Ads: the second id only adds a config', () => {
    const window: Record<string, any> = {};
    const a = runPreset(ga, { id: 'G-ABC123' }, { granted: true, window });
    const b = runPreset(googleAds.definition, { id: 'AW-123456' }, { granted: true, window });
    expect([...a.scripts, ...b.scripts]).toEqual([GTAG + 'G-ABC123']);
    expect(plain(window.dataLayer).slice(1)).toEqual([
      ['config', 'G-ABC123'],
      ['config', 'AW-123456'],
    ]);
  });

  it('keeps a site gtag() and loads from an overridden src', () => {
    const siteGtag = () => {};
    const run = runPreset(
      ga,
      { id: 'G-ABC123', src: 'https://metrics.shop.test/gtag/js?id=G-ABC123' },
      { granted: true, window: { gtag: siteGtag } },
    );
    expect(run.scripts).toEqual(['https://metrics.shop.test/gtag/js?id=G-ABC123']);
    expect(run.window.gtag).toBe(siteGtag);
  });
});
