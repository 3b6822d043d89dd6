import { describe, expect, it } from 'vitest';
import { googleTagManager } from '../../../presets/google-tag-manager';
import { runPreset } from './run-preset';

const gtm = googleTagManager.definition;

describe('google-tag-manager preset', () => {
  it('accepts GTM- container ids only', () => {
    for (const id of ['GTM-ABCD', 'GTM-K9X2ZQ7', 'GTM-ABCDEFGHIJ'])
      expect(gtm.validate({ name: gtm.name, id })).toEqual([]);
    expect(gtm.validate({ name: gtm.name, id: 'G-ABC123' })).toEqual([
      { path: 'id', message: 'expected a Tag Manager container id like "GTM-ABC123", got "G-ABC123"' },
    ]);
    for (const id of ['GTM-ABC', 'GTM-ABCDEFGHIJK', 'gtm-abcd'])
      expect(gtm.validate({ name: gtm.name, id })).toHaveLength(1);
  });

  it('is analytics by default and a Google tag', () => {
    expect([gtm.category, gtm.google]).toEqual(['analytics', true]);
    expect(gtm.hosts).toContain('www.googletagmanager.com/gtm.js');
  });

  it('defines dataLayer at start, then pushes gtm.js and loads the container only once granted', () => {
    const run = runPreset(gtm, { id: 'GTM-K9X2ZQ7' });
    run.window.dataLayer.push({ event: 'lead' });
    expect(run.scripts).toEqual([]);
    run.set(true);
    expect(run.scripts).toEqual(['https://www.googletagmanager.com/gtm.js?id=GTM-K9X2ZQ7']);
    expect(run.window.dataLayer).toEqual([{ event: 'lead' }, { 'gtm.start': expect.any(Number), event: 'gtm.js' }]);
  });

  it('loads from a first-party tagging domain when src is given', () => {
    const run = runPreset(
      gtm,
      { id: 'GTM-K9X2ZQ7', src: 'https://sgtm.shop.test/gtm.js?id=GTM-K9X2ZQ7' },
      { granted: true },
    );
    expect(run.scripts).toEqual(['https://sgtm.shop.test/gtm.js?id=GTM-K9X2ZQ7']);
  });
});
