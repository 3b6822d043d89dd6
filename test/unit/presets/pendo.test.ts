import { describe, expect, it } from 'vitest';
import { pendo } from '../../../presets/pendo';
import { runPreset } from './run-preset';

const def = pendo.definition;
const KEY = '0a1b2c3d-1111-4222-8333-444455556666';

describe('pendo preset', () => {
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
    expect(def.cookies.map((c) => c.lifetime)).toEqual(['100 days', '100 days', 'session']);
    for (const cookie of def.cookies) expect(cookie.purpose).toBeTruthy();
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
    expect(p._q).toEqual([
      ['initialize', { visitor: { id: 'v1' } }],
      ['track', 'viewed'],
    ]);
    expect(run.scripts).toEqual([]);
    run.set(true);
    expect(run.scripts).toEqual([`https://cdn.pendo.io/agent/static/${KEY}/pendo.js`]);
  });

  it('on withdrawal stops events and guides and tears down, in that order, and only then', () => {
    const run = runPreset(def, { apiKey: KEY }, { granted: true });
    const calls: string[] = [];
    for (const m of ['stopSendingEvents', 'stopGuides', 'teardown']) run.window.pendo[m] = () => calls.push(m);
    run.set(true);
    expect(calls).toEqual([]);
    run.set(false);
    expect(calls).toEqual(['stopSendingEvents', 'stopGuides', 'teardown']);
  });

  it('declares the keys the core deletes after teardown, and withdrawal before the agent arrives is harmless', () => {
    const patterns = def.cookies.map((c) => [c.name, c.storage ?? 'cookie']);
    expect(patterns).toEqual([
      ['_pendo_*', 'localStorage'],
      ['_pendo_*', 'cookie'],
      ['pendo*', 'sessionStorage'],
    ]);
    const run = runPreset(def, { apiKey: KEY }, { granted: true });
    expect(() => run.set(false)).not.toThrow();
  });
});
