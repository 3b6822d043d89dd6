import { describe, expect, it } from 'vitest';
import { googleAds } from '../../../presets/google-ads';
import { plain } from '../helpers';
import { runPreset } from './run-preset';

const ads = googleAds.definition;

describe('google-ads preset', () => {
  it('accepts AW- tag ids only', () => {
    expect(ads.validate({ name: ads.name, id: 'AW-123456789' })).toEqual([]);
    expect(ads.validate({ name: ads.name, id: 'G-ABC123' })).toEqual([
      { path: 'id', message: 'expected a Google Ads tag id like "AW-123456789", got "G-ABC123"' },
    ]);
    for (const id of ['AW-', 'AW-12a', 'aw-123', 123456]) expect(ads.validate({ name: ads.name, id })).toHaveLength(1);
  });

  it('is advertising, a Google tag, and declares the conversion-linker cookies', () => {
    expect([ads.category, ads.google]).toEqual(['advertising', true]);
    expect(ads.cookies.map((c) => c.name)).toEqual(['_gcl_*', '_gac_*']);
    expect(ads.hosts).toEqual(expect.arrayContaining(['googleadservices.com', 'doubleclick.net']));
  });

  it('loads gtag.js with the AW- id and configures it once advertising is granted', () => {
    const run = runPreset(ads, { id: 'AW-123456789' });
    expect(run.scripts).toEqual([]);
    run.set(true);
    expect(run.scripts).toEqual(['https://www.googletagmanager.com/gtag/js?id=AW-123456789']);
    expect(plain(run.window.dataLayer)[1]).toEqual(['config', 'AW-123456789']);
  });
});
