// The consent state API: decisions, what they change, the record, change listeners and
// whenGranted. Listeners and callbacks that throw never break the others or the caller.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsent, gate, type ConsentState, type Gate } from '../../../src/index';
import { clearCookies } from '../helpers';

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  clearCookies();
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  clearCookies();
  document.head.querySelectorAll('script').forEach((s) => s.remove());
});

const categories = { functional: {} };

describe('decisions', () => {
  it('starts undecided, with only essential granted (opt-in)', () => {
    const consent = createConsent({ categories });
    expect(consent.state).toEqual({ essential: true, analytics: false, advertising: false, functional: false });
    expect([consent.decided, consent.needsPrompt, consent.mode]).toEqual([false, true, 'opt-in']);
    expect(consent.signals).toEqual({ gpc: false, dnt: false });
  });

  it('acceptAll grants every category', () => {
    const consent = createConsent({ categories });
    consent.acceptAll();
    expect(consent.state).toEqual({ essential: true, analytics: true, advertising: true, functional: true });
    expect([consent.decided, consent.needsPrompt]).toEqual([true, false]);
  });

  it('rejectAll denies everything but essential', () => {
    const consent = createConsent({ categories, mode: 'opt-out' });
    consent.rejectAll();
    expect(consent.state).toEqual({ essential: true, analytics: false, advertising: false, functional: false });
    expect(consent.decided).toBe(true);
  });

  it('update changes the named categories and keeps the others', () => {
    const consent = createConsent({ categories });
    consent.update({ analytics: true });
    consent.update({ functional: true });
    consent.update({ analytics: false });
    expect(consent.state).toEqual({ essential: true, analytics: false, advertising: false, functional: true });
  });

  it('update ignores essential, unknown categories and values that are not booleans', () => {
    const consent = createConsent({ categories });
    consent.update({ essential: false, unknown: true, analytics: 'yes', advertising: 1 } as never);
    expect(consent.state).toEqual({ essential: true, analytics: false, advertising: false, functional: false });
    expect(Object.keys(consent.record.choices)).toEqual(['analytics', 'advertising', 'functional']);
    expect(consent.granted('unknown')).toBe(false);
  });

  it('granted is true only for granted categories, never for unknown or inherited names', () => {
    const consent = createConsent({ mode: 'opt-out' });
    expect(['essential', 'analytics', 'advertising'].map((n) => consent.granted(n))).toEqual([true, true, true]);
    for (const name of ['functional', 'toString', 'constructor', '__proto__', ''])
      expect(consent.granted(name), name).toBe(false);
  });

  it('reset forgets the decision and asks again', () => {
    const consent = createConsent({ categories });
    consent.acceptAll();
    consent.reset();
    expect([consent.decided, consent.needsPrompt, consent.granted('analytics')]).toEqual([false, true, false]);
    expect(createConsent({ categories }).decided).toBe(false);
  });

  it('hands out copies: changing them changes nothing', () => {
    const consent = createConsent({ categories });
    consent.acceptAll();
    consent.state.analytics = false;
    consent.record.choices.analytics = false;
    (consent.signals as { gpc: boolean }).gpc = true;
    expect(consent.granted('analytics')).toBe(true);
    expect(consent.record.choices.analytics).toBe(true);
    expect(createConsent({ categories }).signals.gpc).toBe(false);
  });

  it('works for a custom category named like an Object.prototype key', () => {
    const config = { categories: { constructor: {} } };
    createConsent(config).update({ constructor: true });
    const reloaded = createConsent(config);
    expect([reloaded.decided, reloaded.granted('constructor')]).toEqual([true, true]);
  });
});

describe('record', () => {
  it('before a decision: a stable id, the current revision and what applies now', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_700_000_000_000);
    const consent = createConsent({ revision: 4, mode: 'opt-out' });
    const record = consent.record;
    expect(record).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{8,40}$/),
      revision: 4,
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      choices: { analytics: true, advertising: true },
      source: 'default',
    });
    expect(consent.record.id).toBe(record.id);
    consent.rejectAll('banner');
    expect(consent.record).toMatchObject({
      id: record.id,
      source: 'banner',
      choices: { analytics: false, advertising: false },
    });
  });

  it('records how each decision was made, "api" by default', () => {
    const consent = createConsent({});
    consent.acceptAll();
    expect(consent.record.source).toBe('api');
    for (const source of ['banner', 'preferences', 'api', 'signal', 'default'] as const) {
      consent.rejectAll(source);
      expect(consent.record.source).toBe(source);
    }
  });

  it('uses a different random id for each visitor', () => {
    const ids = new Set(Array.from({ length: 200 }, () => createConsent({}).record.id));
    expect(ids.size).toBe(200);
  });

  it('still gets an id where crypto is missing (plain http, old browsers)', () => {
    vi.stubGlobal('crypto', undefined);
    try {
      expect(createConsent({}).record.id).toMatch(/^[a-z0-9]{8,40}$/);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("on('change')", () => {
  it('receives the new and the previous state, and stops after unsubscribing', () => {
    const consent = createConsent({ categories });
    const calls: Array<[ConsentState, ConsentState]> = [];
    const off = consent.on('change', (state, previous) => calls.push([state, previous]));
    consent.update({ analytics: true });
    expect(calls).toEqual([
      [
        { essential: true, analytics: true, advertising: false, functional: false },
        { essential: true, analytics: false, advertising: false, functional: false },
      ],
    ]);
    off();
    consent.acceptAll();
    consent.reset();
    expect(calls).toHaveLength(1);
    off(); // twice is harmless
  });

  it('hears of a decision once it is stored, and of a reset once the cookie is gone', () => {
    const consent = createConsent({ categories });
    const cookieSeen: boolean[] = [];
    consent.on('change', () => cookieSeen.push(/(^|; )consentry=/.test(document.cookie)));
    consent.acceptAll();
    consent.reset();
    expect(cookieSeen).toEqual([true, false]);
  });

  it('fires on reset', () => {
    const consent = createConsent({});
    consent.acceptAll();
    const listener = vi.fn();
    consent.on('change', listener);
    consent.reset();
    expect(listener).toHaveBeenCalledWith(
      { essential: true, analytics: false, advertising: false },
      { essential: true, analytics: true, advertising: true },
    );
  });

  it('a listener that throws breaks neither the other listeners nor the caller', () => {
    const consent = createConsent({});
    const before = vi.fn();
    const after = vi.fn();
    consent.on('change', before);
    consent.on('change', () => {
      throw new Error('site bug');
    });
    consent.on('change', after);
    expect(() => consent.acceptAll()).not.toThrow();
    expect([before.mock.calls.length, after.mock.calls.length]).toEqual([1, 1]);
    expect(consent.granted('analytics')).toBe(true);
    expect(errors).toHaveBeenCalled();
  });

  it('a listener may unsubscribe itself or another one while being called', () => {
    const consent = createConsent({});
    const second = vi.fn();
    let offSecond = () => {};
    const off = consent.on('change', () => {
      off();
      offSecond();
    });
    offSecond = consent.on('change', second);
    consent.acceptAll();
    consent.rejectAll();
    // Unsubscribed during the first change: never called for a later one.
    expect(second.mock.calls.length).toBeLessThanOrEqual(1);
    expect(second).not.toHaveBeenCalledWith(expect.objectContaining({ analytics: false }), expect.anything());
  });

  it('ignores other events and listeners that are not functions', () => {
    const consent = createConsent({});
    expect(typeof consent.on('other' as 'change', vi.fn())).toBe('function');
    expect(() => consent.on('change', null as never)).not.toThrow();
    expect(() => consent.acceptAll()).not.toThrow();
  });
});

describe('whenGranted', () => {
  it('runs at once when the category is already granted', () => {
    const consent = createConsent({ mode: 'opt-out' });
    const run = vi.fn();
    consent.whenGranted('analytics', run);
    expect(run).toHaveBeenCalledOnce();
    consent.rejectAll();
    consent.acceptAll();
    expect(run).toHaveBeenCalledOnce();
  });

  it('runs later, once, when the category is granted', () => {
    const consent = createConsent({});
    const run = vi.fn();
    consent.whenGranted('analytics', run);
    consent.update({ advertising: true });
    expect(run).not.toHaveBeenCalled();
    consent.update({ analytics: true });
    consent.acceptAll();
    consent.reset();
    consent.acceptAll();
    expect(run).toHaveBeenCalledOnce();
  });

  it('runs once when its callback makes another decision', () => {
    const consent = createConsent({});
    const run = vi.fn(() => consent.update({ advertising: true }));
    const other = vi.fn();
    consent.whenGranted('analytics', run);
    consent.on('change', other);
    consent.update({ analytics: true });
    expect(run).toHaveBeenCalledOnce();
    expect(consent.state).toMatchObject({ analytics: true, advertising: true });
    expect(other).toHaveBeenCalledTimes(2);
  });

  it('never runs after it was cancelled', () => {
    const consent = createConsent({});
    const run = vi.fn();
    consent.whenGranted('analytics', run)();
    consent.acceptAll();
    expect(run).not.toHaveBeenCalled();
  });

  it('a callback that throws does not break the decision or other callbacks', () => {
    const consent = createConsent({});
    const other = vi.fn();
    consent.whenGranted('analytics', () => {
      throw new Error('vendor bug');
    });
    consent.whenGranted('analytics', other);
    expect(() => consent.acceptAll()).not.toThrow();
    expect(other).toHaveBeenCalledOnce();
    expect(() =>
      createConsent({}).whenGranted('analytics', () => {
        throw new Error('now');
      }),
    ).not.toThrow();
  });

  it('essential runs at once; an unknown category never', () => {
    const consent = createConsent({});
    const essential = vi.fn();
    const unknown = vi.fn();
    consent.whenGranted('essential', essential);
    consent.whenGranted('nope', unknown);
    consent.acceptAll();
    expect([essential.mock.calls.length, unknown.mock.calls.length]).toEqual([1, 0]);
  });
});

describe('loadScript', () => {
  let runtime: Gate | undefined;
  afterEach(() => {
    runtime?.stop();
    document.head.innerHTML = '';
  });

  it('inserts the script, with the nonce, only once its category is granted', () => {
    const consent = createConsent({ nonce: 'n0nce' });
    runtime = gate(consent);
    void consent.loadScript('analytics', 'https://stats.example/s.js', { async: '' });
    expect(document.querySelector('script[src="https://stats.example/s.js"]')).toBeNull();
    consent.update({ analytics: true });
    const script = document.querySelector<HTMLScriptElement>('script[src="https://stats.example/s.js"]')!;
    expect([script.nonce, script.hasAttribute('async')]).toEqual(['n0nce', true]);
  });

  it('resolves when the script has loaded and rejects when it fails', async () => {
    const consent = createConsent({ mode: 'opt-out' });
    runtime = gate(consent);
    const loaded = consent.loadScript('analytics', 'https://stats.example/ok.js');
    document.querySelector('script[src="https://stats.example/ok.js"]')!.dispatchEvent(new Event('load'));
    await expect(loaded).resolves.toBeUndefined();
    const failed = consent.loadScript('analytics', 'https://stats.example/blocked.js');
    document.querySelector('script[src="https://stats.example/blocked.js"]')!.dispatchEvent(new Event('error'));
    await expect(failed).rejects.toThrow('blocked.js');
  });

  it('without the browser runtime (Node, before gate()), rejects with a message that says so once granted', async () => {
    const consent = createConsent({ mode: 'opt-out' });
    await expect(consent.loadScript('analytics', 'https://stats.example/s.js')).rejects.toThrow(
      'needs the browser runtime',
    );
    expect(document.querySelector('script')).toBeNull();
  });
});

describe('custom category names', () => {
  it('a category named like an Object method is no choice until the visitor makes one', () => {
    createConsent({}).acceptAll();
    // A later config adds categories the stored decision does not mention.
    const consent = createConsent({ categories: { constructor: {}, tostring: {} } });
    expect(consent.decided).toBe(true);
    expect([consent.granted('constructor'), consent.granted('tostring'), consent.granted('analytics')]).toEqual([
      false,
      false,
      true,
    ]);
    consent.update({ constructor: true });
    expect(consent.granted('constructor')).toBe(true);
  });
});
