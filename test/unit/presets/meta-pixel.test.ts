import { describe, expect, it } from 'vitest';
import { metaPixel } from '../../../presets/meta-pixel';
import { plain } from '../helpers';
import { runPreset } from './run-preset';

const def = metaPixel.definition;
const ID = '1234567890123456';
const SDK = 'https://connect.facebook.net/en_US/fbevents.js';

describe('meta-pixel preset', () => {
  it('accepts 15–16 digit ids as strings and a boolean limitedDataUse', () => {
    expect(def.validate({ name: def.name, id: ID, limitedDataUse: true })).toEqual([]);
    expect(def.validate({ name: def.name, id: '123456789012345' })).toEqual([]);
    expect(def.validate({ name: def.name, id: 1234567890123456 })).toEqual([
      { path: 'id', message: 'expected a Meta pixel id like "1234567890123456", got 1234567890123456' },
    ]);
    expect(def.validate({ name: def.name, id: '12345', limitedDataUse: 'yes' })).toEqual([
      { path: 'id', message: 'expected a Meta pixel id like "1234567890123456", got "12345"' },
      { path: 'limitedDataUse', message: 'expected true or false, got "yes"' },
    ]);
  });

  it('is advertising and declares _fbp and _fbc', () => {
    expect(def.category).toBe('advertising');
    expect(def.cookies.map((c) => c.name)).toEqual(['_fbp', '_fbc']);
    expect(def.hosts).toEqual(['connect.facebook.net']);
  });

  it('defines the fbq queue at start; once granted queues init and PageView ahead of the site’s calls and loads fbevents.js', () => {
    const run = runPreset(def, { id: ID });
    run.window.fbq('track', 'Lead');
    expect(run.scripts).toEqual([]);
    expect(run.window.fbq.loaded).toBeUndefined();
    run.set(false);
    run.window.fbq('track', 'Contact');
    expect(run.scripts).toEqual([]);
    run.set(true);
    expect(run.scripts).toEqual([SDK]);
    expect(run.window._fbq).toBe(run.window.fbq);
    expect(run.window.fbq).toEqual(expect.objectContaining({ loaded: true, version: '2.0' }));
    // No consent call before the pixel was asked for: there was nothing to tell.
    expect(plain(run.window.fbq.queue)).toEqual([
      ['init', ID],
      ['track', 'PageView'],
      ['track', 'Lead'],
      ['track', 'Contact'],
    ]);
  });

  it('leaves the base code of a page that kept Meta’s snippet alone: no second fbevents.js', () => {
    const own = Object.assign(function () {}, { queue: [] as unknown[], loaded: true });
    const run = runPreset(def, { id: ID }, { window: { fbq: own } });
    run.set(true);
    expect(run.window.fbq).toBe(own);
    expect(run.scripts).toEqual([]);
  });

  it('forwards a withdrawal and a new grant to fbq consent, in order, loading only once', () => {
    const run = runPreset(def, { id: ID }, { granted: true });
    run.set(false);
    run.set(true);
    expect(plain(run.window.fbq.queue)).toEqual([
      ['init', ID],
      ['track', 'PageView'],
      ['consent', 'revoke'],
      ['consent', 'grant'],
    ]);
    expect(run.scripts).toEqual([SDK]);
  });

  it('sets Limited Data Use before init when asked', () => {
    const run = runPreset(def, { id: ID, limitedDataUse: true }, { granted: true });
    expect(plain(run.window.fbq.queue)).toEqual([
      ['dataProcessingOptions', ['LDU'], 0, 0],
      ['init', ID],
      ['track', 'PageView'],
    ]);
  });

  it('adds a second pixel to the same queue without loading fbevents.js again', () => {
    const window: Record<string, any> = {};
    const a = runPreset(def, { id: ID }, { granted: true, window });
    const b = runPreset(def, { id: '123456789012345' }, { granted: true, window });
    expect([...a.scripts, ...b.scripts]).toEqual([SDK]);
    expect(plain(window.fbq.queue).filter((call) => (call as unknown[])[0] == 'init')).toEqual([
      ['init', ID],
      ['init', '123456789012345'],
    ]);
  });

  it('hands calls to the SDK once it has replaced the queue', () => {
    const run = runPreset(def, { id: ID }, { granted: true });
    const seen: unknown[][] = [];
    run.window.fbq.callMethod = (...args: unknown[]) => seen.push(args);
    run.set(false);
    expect(seen).toEqual([['consent', 'revoke']]);
  });
});
