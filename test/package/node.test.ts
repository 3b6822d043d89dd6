// The core is SSR-safe: it imports in plain Node without touching any DOM global, and an
// instance works there, in memory. The built ESM entry is checked the same way in a real
// `node` process when it exists.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/root';

const DIST = resolve(ROOT, 'dist/consentry.mjs');
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'BroadcastChannel',
  'matchMedia',
];

describe('in plain Node', () => {
  it('has no DOM', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    expect((globalThis as { window?: unknown }).window).toBeUndefined();
    expect((globalThis as { document?: unknown }).document).toBeUndefined();
  });

  it('imports the core entry without reading any DOM global', async () => {
    // Every DOM-ish global becomes a getter that records who read it while the entry loads.
    const reads: string[] = [];
    const saved = DOM_GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
    for (const name of DOM_GLOBALS)
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          reads.push(`${name}\n${new Error().stack}`);
          return undefined;
        },
      });
    let core: typeof import('../../src/index');
    try {
      core = await import('../../src/index');
    } finally {
      for (const [name, descriptor] of saved)
        if (descriptor) Object.defineProperty(globalThis, name, descriptor);
        else delete (globalThis as Record<string, unknown>)[name];
    }
    expect(reads).toEqual([]);
    expect(typeof core.createConsent).toBe('function');
  });

  it('creates a working instance in memory', async () => {
    const { createConsent, ConsentConfigError } = await import('../../src/index');
    const consent = createConsent({
      mode: 'auto',
      region: 'US-CA',
      categories: { functional: {} },
      log: { endpoint: '/log' },
    });
    expect([consent.mode, consent.decided, consent.needsPrompt, consent.granted('analytics')]).toEqual([
      'opt-out',
      false,
      true,
      true,
    ]);
    expect(consent.signals).toEqual({ gpc: false, dnt: false });
    let ran = 0;
    consent.whenGranted('functional', () => ran++);
    consent.update({ advertising: false }, 'preferences');
    expect(consent.state).toEqual({ essential: true, analytics: true, advertising: false, functional: true });
    expect([consent.decided, consent.needsPrompt, consent.record.source, ran]).toEqual([true, false, 'preferences', 1]);
    consent.reset();
    expect(consent.decided).toBe(false);
    expect(() => createConsent({ cookie: { days: 999 } })).toThrow(ConsentConfigError);
  });
});

describe('the built ESM entry', () => {
  it('runs in a node process with no DOM (js-cookie resolved from node_modules)', () => {
    const script = `
      import { createConsent, ConsentConfigError } from ${JSON.stringify(DIST)};
      const c = createConsent({ mode: 'opt-in' });
      const before = c.granted('analytics');
      c.acceptAll('banner');
      let error = '';
      try { createConsent({ mode: 'sometimes' }); } catch (e) { error = e instanceof ConsentConfigError ? e.errors[0].path : 'wrong error'; }
      console.log(JSON.stringify({ dom: typeof window + typeof document, before, after: c.granted('analytics'), decided: c.decided, source: c.record.source, error }));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual({
      dom: 'undefinedundefined',
      before: false,
      after: true,
      decided: true,
      source: 'banner',
      error: 'mode',
    });
  });
});
