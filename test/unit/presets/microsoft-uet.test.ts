import { describe, expect, it, vi } from 'vitest';
import { microsoftUet } from '../../../presets/microsoft-uet';
import { nextTask } from '../helpers';
import { runPreset } from './run-preset';

const def = microsoftUet.definition;

describe('microsoft-uet preset', () => {
  it('accepts 4–12 digit tag ids', () => {
    expect(def.validate({ name: def.name, id: '12345678' })).toEqual([]);
    expect(def.validate({ name: def.name, id: 'abc' })).toEqual([
      { path: 'id', message: 'expected a UET tag id like "12345678", got "abc"' },
    ]);
    expect(def.validate({ name: def.name, id: '1234567890123' })).toHaveLength(1);
  });

  it('is advertising and declares the UET cookies', () => {
    expect(def.category).toBe('advertising');
    expect(def.cookies.map((c) => c.name)).toEqual(['_uetsid', '_uetvid', '_uetmsclkid']);
    expect(def.hosts).toEqual(['bat.bing.com']);
  });

  it('pushes a denied default, then an update per change; loads bat.js once granted', () => {
    const run = runPreset(def, { id: '12345678' });
    expect(run.window.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }]);
    run.set(true);
    expect(run.scripts).toEqual(['https://bat.bing.com/bat.js']);
    run.set(false);
    expect(run.window.uetq).toEqual([
      'consent',
      'default',
      { ad_storage: 'denied' },
      'consent',
      'update',
      { ad_storage: 'granted' },
      'consent',
      'update',
      { ad_storage: 'denied' },
    ]);
  });

  it('turns the queue into a UET instance once bat.js has run', async () => {
    const pushed: unknown[][] = [];
    class UET {
      constructor(readonly options: Record<string, unknown>) {}
      push(...args: unknown[]) {
        pushed.push(args);
      }
    }
    const run = runPreset(def, { id: '12345678' }, { granted: true, window: { UET } });
    const queue = run.window.uetq;
    await Promise.resolve();
    expect(run.window.uetq).toBeInstanceOf(UET);
    expect(run.window.uetq.options).toEqual({ ti: '12345678', enableAutoSpaTracking: true, q: queue });
    expect(queue).toEqual(['consent', 'default', { ad_storage: 'granted' }]);
    run.set(false);
    expect(pushed).toEqual([['pageLoad'], ['consent', 'update', { ad_storage: 'denied' }]]);
  });

  it('logs a UET constructor that throws instead of leaving an unhandled rejection', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const UET = function () {
      throw new Error('broken SDK');
    };
    runPreset(def, { id: '12345678' }, { granted: true, window: { UET } });
    await nextTask();
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ message: 'broken SDK' }));
    error.mockRestore();
  });
});
