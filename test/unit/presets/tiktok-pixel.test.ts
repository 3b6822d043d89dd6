import { describe, expect, it } from 'vitest';
import { tiktokPixel } from '../../../presets/tiktok-pixel';
import { runPreset } from './run-preset';

const def = tiktokPixel.definition;
const ID = 'C4ABCDEFGH1234567890';
const SDK = 'https://analytics.tiktok.com/i18n/pixel/events.js';

describe('tiktok-pixel preset', () => {
  it('accepts 16–24 upper-case letters and digits', () => {
    expect(def.validate({ name: def.name, id: ID })).toEqual([]);
    expect(def.validate({ name: def.name, id: 'c4abcdefgh1234567890' })).toEqual([
      { path: 'id', message: 'expected a TikTok pixel id like "C4ABCDEFGH1234567890", got "c4abcdefgh1234567890"' },
    ]);
    for (const id of ['C4ABCDEFGH12345', 'C4ABCDEFGH1234567890ABCDE'])
      expect(def.validate({ name: def.name, id })).toHaveLength(1);
  });

  it('is advertising and declares _ttp', () => {
    expect(def.category).toBe('advertising');
    expect(def.cookies.map((c) => c.name)).toEqual(['_ttp', 'ttcsid*']);
  });

  it('defines the ttq queue at start; on grant records the pixel for events.js, loads it and queues a page view first', () => {
    const run = runPreset(def, { id: ID });
    run.window.ttq.track('Lead');
    run.window.ttq.holdConsent();
    expect(run.scripts).toEqual([]);
    run.set(true);
    expect(run.scripts).toEqual([`${SDK}?sdkid=${ID}&lib=ttq`]);
    expect(run.window.TiktokAnalyticsObject).toBe('ttq');
    expect(run.window.ttq._i[ID]._u).toBe(SDK);
    expect(run.window.ttq._o[ID]).toEqual({});
    expect(typeof run.window.ttq._t[ID]).toBe('number');
    expect([...run.window.ttq]).toEqual([['page'], ['track', 'Lead'], ['holdConsent']]);
  });

  it('forwards a withdrawal and a new grant in order', () => {
    const run = runPreset(def, { id: ID }, { granted: true });
    run.window.ttq.track('Purchase', { value: 1 });
    run.set(false);
    run.set(true);
    expect([...run.window.ttq]).toEqual([
      ['page'],
      ['track', 'Purchase', { value: 1 }],
      ['revokeConsent'],
      ['grantConsent'],
    ]);
    expect(run.scripts).toHaveLength(1);
  });

  it('keeps the SDK methods when a second pixel loads', () => {
    const window: Record<string, any> = {};
    runPreset(def, { id: ID }, { granted: true, window });
    const sdkGrant = () => {};
    window.ttq.grantConsent = sdkGrant;
    runPreset(def, { id: 'C4ABCDEFGH123456' }, { granted: true, window });
    expect(window.ttq.grantConsent).toBe(sdkGrant);
    expect(Object.keys(window.ttq._i)).toEqual([ID, 'C4ABCDEFGH123456']);
  });
});
