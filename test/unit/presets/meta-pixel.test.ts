import { describe, expect, it } from 'vitest';
import { metaPixel } from '../../../presets/meta-pixel';
import { plain, runPreset } from './run-preset';

const def = metaPixel.definition;
const ID = '1234567890123456';
const SDK = 'https://connect.facebook.net/en_US/fbevents.js';

describe('meta-pixel preset', () => {
  it('accepts 15–16 digit ids as strings and a boolean limitedDataUse', () => {
    expect(def.validate({ name: def.name, id: ID, limitedDataUse: true })).toEqual([]);
    expect(def.validate({ name: def.name, id: '123456789012345' })).toEqual([]);
    expect(def.validate({ name: def.name, id: 1234567890123456 })).toEqual([
      {
        path: 'id',
        message: 'expected a Meta pixel id of 15–16 digits like "1234567890123456", got 1234567890123456 (a number: write it in quotes)',
      },
    ]);
    expect(def.validate({ name: def.name, id: '12345', limitedDataUse: 'yes' })).toEqual([
      expect.objectContaining({ path: 'id' }),
      { path: 'limitedDataUse', message: 'expected true or false, got "yes"' },
    ]);
  });

  it('is advertising and declares _fbp and _fbc', () => {
    expect(def.category).toBe('advertising');
    expect(def.cookies.map((c) => c.name)).toEqual(['_fbp', '_fbc']);
    expect(def.hosts).toContain('connect.facebook.net');
  });

  it('revokes before anything else, grants before init, and forwards every change', () => {
    const run = runPreset(def, { id: ID });
    expect(run.scripts).toEqual([]);
    expect(plain(run.window.fbq.queue)).toEqual([['consent', 'revoke']]);
    run.set(true);
    expect(run.scripts).toEqual([SDK]);
    run.set(true);
    run.set(false);
    run.set(true);
    expect(plain(run.window.fbq.queue)).toEqual([
      ['consent', 'revoke'],
      ['consent', 'grant'],
      ['init', ID],
      ['track', 'PageView'],
      ['consent', 'revoke'],
      ['consent', 'grant'],
    ]);
    expect(run.scripts).toEqual([SDK]);
  });

  it('starts granted for a returning visitor who accepted', () => {
    const run = runPreset(def, { id: ID }, { granted: true });
    expect(plain(run.window.fbq.queue)).toEqual([['consent', 'grant'], ['init', ID], ['track', 'PageView']]);
  });

  it('sets Limited Data Use before init in opt-out mode only', () => {
    const us = runPreset(def, { id: ID, limitedDataUse: true }, { granted: true, mode: 'opt-out' });
    expect(plain(us.window.fbq.queue).slice(0, 3)).toEqual([['consent', 'grant'], ['dataProcessingOptions', ['LDU'], 0, 0], ['init', ID]]);
    const eu = runPreset(def, { id: ID, limitedDataUse: true }, { granted: true, mode: 'opt-in' });
    expect(plain(eu.window.fbq.queue).map((call) => (call as unknown[])[0])).not.toContain('dataProcessingOptions');
  });

  it('forwards calls to the SDK once it has replaced the queue', () => {
    const run = runPreset(def, { id: ID }, { granted: true });
    const seen: unknown[][] = [];
    run.window.fbq.callMethod = (...args: unknown[]) => seen.push(args);
    run.set(false);
    expect(seen).toEqual([['consent', 'revoke']]);
  });
});
