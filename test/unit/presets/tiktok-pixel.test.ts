import { describe, expect, it } from 'vitest';
import { tiktokPixel } from '../../../presets/tiktok-pixel';
import { runPreset } from './run-preset';

const def = tiktokPixel.definition;
const ID = 'C4ABCDEFGH1234567890';

describe('tiktok-pixel preset', () => {
  it('accepts 16–24 upper-case letters and digits', () => {
    expect(def.validate({ name: def.name, id: ID })).toEqual([]);
    expect(def.validate({ name: def.name, id: 'c4abcdefgh1234567890' })).toEqual([
      {
        path: 'id',
        message: 'expected a TikTok pixel id of 16–24 upper-case letters and digits like "C4ABCDEFGH1234567890", got "c4abcdefgh1234567890"',
      },
    ]);
    for (const id of ['C4ABCDEFGH12345', 'C4ABCDEFGH1234567890ABCDE']) expect(def.validate({ name: def.name, id })).toHaveLength(1);
  });

  it('is advertising and declares _ttp', () => {
    expect(def.category).toBe('advertising');
    expect(def.cookies.map((c) => c.name)).toContain('_ttp');
  });

  it('holds consent until granted, then grants, loads, and forwards revoke and grant', () => {
    const run = runPreset(def, { id: ID });
    expect([...run.window.ttq]).toEqual([['holdConsent']]);
    expect(run.scripts).toEqual([]);
    run.set(true);
    expect(run.scripts).toEqual([`https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=${ID}&lib=ttq`]);
    expect(run.window.ttq._i[ID]._u).toBe('https://analytics.tiktok.com/i18n/pixel/events.js');
    expect(run.window.TiktokAnalyticsObject).toBe('ttq');
    run.set(false);
    run.set(false);
    run.set(true);
    expect([...run.window.ttq]).toEqual([['holdConsent'], ['grantConsent'], ['page'], ['revokeConsent'], ['grantConsent']]);
  });

  it('grants at once for a returning visitor who accepted', () => {
    const run = runPreset(def, { id: ID }, { granted: true });
    expect([...run.window.ttq]).toEqual([['grantConsent'], ['page']]);
    const instance = run.window.ttq.instance(ID);
    expect(instance).toBe(run.window.ttq._i[ID]);
    instance.track('Purchase');
    expect([...instance]).toEqual([['track', 'Purchase']]);
  });
});
