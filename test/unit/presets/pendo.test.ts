import { afterEach, describe, expect, it, vi } from 'vitest';
import { pendo } from '../../../presets/pendo';
import { runPreset } from './run-preset';

const def = pendo.definition;
const KEY = '0a1b2c3d-1111-4222-8333-444455556666';

const storageWindow = () => ({ localStorage: window.localStorage });

describe('pendo preset', () => {
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('takes its API key as a UUID under apiKey', () => {
    expect(def.options).toEqual(['apiKey']);
    expect(def.validate({ name: def.name, apiKey: KEY })).toEqual([]);
    expect(def.validate({ name: def.name, apiKey: KEY.toUpperCase() })).toEqual([]);
    expect(def.validate({ name: def.name, id: KEY })).toEqual([
      { path: 'apiKey', message: 'expected a Pendo API key (a UUID), got nothing' },
    ]);
    expect(def.validate({ name: def.name, apiKey: 'abc' })).toHaveLength(1);
  });

  it('is analytics and declares its storage keys with lifetimes', () => {
    expect(def.category).toBe('analytics');
    expect(def.cookies).toEqual([
      expect.objectContaining({ name: '_pendo_*', storage: 'localStorage', lifetime: '100 days' }),
      { name: '_pendo_*', purpose: expect.any(String), lifetime: '100 days' },
    ]);
  });

  it('leaves an agent the site already has alone', () => {
    const agent = { initialize: () => {} };
    expect(runPreset(def, { apiKey: KEY }, { window: { pendo: agent } }).window.pendo).toBe(agent);
  });

  it('queues site calls before consent (initialize first) and loads the agent only once granted', () => {
    const run = runPreset(def, { apiKey: KEY });
    const p = run.window.pendo;
    p.track('viewed');
    p.initialize({ visitor: { id: 'v1' } });
    expect(p._q).toEqual([['initialize', { visitor: { id: 'v1' } }], ['track', 'viewed']]);
    expect(run.scripts).toEqual([]);
    run.set(true);
    expect(run.scripts).toEqual([`https://cdn.pendo.io/agent/static/${KEY}/pendo.js`]);
  });

  it('on withdrawal stops events and guides, tears down and removes its storage keys', () => {
    const run = runPreset(def, { apiKey: KEY }, { granted: true, window: storageWindow() });
    const calls: string[] = [];
    for (const m of ['stopSendingEvents', 'stopGuides', 'teardown']) run.window.pendo[m] = () => calls.push(m);
    localStorage.setItem(`_pendo_visitorId.${KEY}`, '"v1"');
    localStorage.setItem(`_pendo_meta.${KEY}`, '1');
    localStorage.setItem('pendo-preview', '1');
    localStorage.setItem('site-setting', 'keep');
    run.set(false);
    expect(calls).toEqual(['stopSendingEvents', 'stopGuides', 'teardown']);
    expect(Object.keys(localStorage)).toEqual(['site-setting']);
  });

  it('tears down only on withdrawal, and survives blocked storage', () => {
    const teardown = vi.fn();
    const blocked = {};
    Object.defineProperty(blocked, 'localStorage', { get: () => { throw new DOMException('denied', 'SecurityError'); } });
    const run = runPreset(def, { apiKey: KEY }, { window: blocked });
    run.window.pendo.teardown = teardown;
    run.set(true);
    expect(teardown).not.toHaveBeenCalled();
    expect(() => run.set(false)).not.toThrow();
    expect(teardown).toHaveBeenCalledOnce();
  });
});
