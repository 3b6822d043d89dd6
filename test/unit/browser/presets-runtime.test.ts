import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createConsent,
  definePreset,
  type Consent,
  type ConsentConfig,
  type PresetContext,
  type PresetDefinition,
} from '../../../src/index';
import { createPageState } from '../../../src/browser/page-state';
import { pageScriptLoader } from '../../../src/browser/page-script-loader';
import { startPresets } from '../../../src/browser/presets-runtime';
import { clearCookies, nextTask } from '../helpers';

/** A preset that records what the runtime asks of it. */
function recorder(name: string, category: string, extra: Partial<PresetDefinition> = {}) {
  const log: string[] = [];
  const seen: PresetContext[] = [];
  const factory = definePreset<{ id: string }>({
    name,
    label: name,
    category,
    hosts: [],
    cookies: [],
    options: ['id'],
    validate: () => [],
    setup: (ctx) => void (log.push(`setup:${ctx.state[ctx.category]}`), seen.push(ctx)),
    load: (ctx) => void (log.push('load'), seen.push(ctx)),
    onChange: (ctx) =>
      void (log.push(`change:${ctx.previous?.[ctx.category]}->${ctx.state[ctx.category]}`), seen.push(ctx)),
    ...extra,
  });
  return { factory, log, seen };
}

const start = (config: ConsentConfig, options = {}): Consent => {
  const consent = createConsent({ mode: 'opt-in', ...config });
  startPresets(consent, options);
  return consent;
};

describe('startPresets', () => {
  let error: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    error = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    clearCookies();
    document.head.innerHTML = '';
    error.mockRestore();
  });

  it('sets up at start, loads once on the first grant, and reports every change (change before load)', () => {
    const a = recorder('a', 'analytics');
    const consent = start({ presets: [a.factory({ id: '1' })] });
    expect(a.log).toEqual(['setup:false']);
    consent.acceptAll();
    consent.rejectAll();
    consent.acceptAll();
    expect(a.log).toEqual(['setup:false', 'change:false->true', 'load', 'change:true->false', 'change:false->true']);
    const change = a.seen[1]!;
    expect(change.previous).toEqual(expect.objectContaining({ analytics: false }));
    expect(change.state).toEqual(expect.objectContaining({ analytics: true }));
    expect(change.category).toBe('analytics');
    expect(change.entry).toEqual(expect.objectContaining({ name: 'a', id: '1' }));
    expect(change.consent).toBe(consent);
  });

  it('starts a granted vendor before the decision is stored, and the site hears of it after', () => {
    // The vendor's request leaves without waiting for the cookie write; the site's listeners
    // (which may reload or call the server) still find the decision stored.
    const stored = () => /(^|; )consentry=/.test(document.cookie);
    const seen: string[] = [];
    const a = recorder('a', 'analytics', {
      onChange: () => void seen.push(`vendor told, stored: ${stored()}`),
      load: () => void seen.push(`vendor loaded, stored: ${stored()}`),
    });
    const consent = createConsent({ mode: 'opt-in', presets: [a.factory({ id: '1' })] });
    consent.on('change', () => void seen.push(`site told, stored: ${stored()}`));
    startPresets(consent);
    consent.acceptAll();
    expect(seen).toEqual(['vendor told, stored: false', 'vendor loaded, stored: false', 'site told, stored: true']);
  });

  it('a decision a vendor makes while it is told of another is the one stored', () => {
    const a = recorder('a', 'analytics', {
      onChange: (ctx) => void (ctx.granted && ctx.consent.update({ advertising: false })),
    });
    const config: ConsentConfig = { mode: 'opt-in', presets: [a.factory({ id: '1' })] };
    const consent = start(config);
    consent.acceptAll();
    expect(consent.state).toEqual({ essential: true, analytics: true, advertising: false });
    expect(createConsent(config).state).toEqual(consent.state);
  });

  it('a listener a vendor subscribes while a change is told hears the next change, not this one', () => {
    const heard: boolean[] = [];
    const a = recorder('a', 'analytics', {
      load: (ctx) => void ctx.consent.on('change', (state) => heard.push(!!state.analytics)),
    });
    const consent = start({ presets: [a.factory({ id: '1' })] });
    consent.acceptAll();
    expect(heard).toEqual([]);
    consent.rejectAll();
    expect(heard).toEqual([false]);
  });

  it('calls onChange only when its own category flips, with granted set', () => {
    const a = recorder('a', 'analytics');
    const consent = start({ presets: [a.factory({ id: '1' })] });
    consent.update({ advertising: true });
    consent.update({ analytics: true, advertising: false });
    expect(a.log).toEqual(['setup:false', 'change:false->true', 'load']);
    expect(a.seen.map((ctx) => ctx.granted)).toEqual([false, true, true]);
  });

  it('loads at start when the category is already granted, honouring a category override', () => {
    const a = recorder('a', 'analytics');
    const consent = createConsent({ mode: 'opt-in', presets: [a.factory({ id: '1', category: 'essential' })] });
    startPresets(consent);
    expect(a.log).toEqual(['setup:true', 'load']);
    expect(a.seen[1]!.category).toBe('essential');
  });

  it('keeps going when a preset throws, with one console error per failure', () => {
    const bad = recorder('bad', 'analytics', {
      setup: () => {
        throw new Error('setup broke');
      },
      load: () => {
        throw new Error('load broke');
      },
      onChange: () => {
        throw new Error('change broke');
      },
    });
    const good = recorder('good', 'analytics');
    const consent = start({ presets: [bad.factory({ id: '1' }), good.factory({ id: '2' })] });
    expect(() => consent.acceptAll()).not.toThrow();
    expect(good.log).toEqual(['setup:false', 'change:false->true', 'load']);
    expect(error).toHaveBeenCalledTimes(3);
    expect(error.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      'consentry: preset "bad" failed in setup',
      'consentry: preset "bad" failed in onChange',
      'consentry: preset "bad" failed in load',
    ]);
  });

  it('gives presets the runtime’s loadScript: it carries the nonce and reports the category as run', () => {
    const pageState = createPageState();
    const a = recorder('a', 'advertising', {
      load: (ctx) => void ctx.loadScript(ctx.src('https://cdn.vendor.test/tag.js'), { 'data-x': '1' }),
    });
    const loadScript = pageScriptLoader(pageState, 'n0nce');
    start({ presets: [a.factory({ id: '1' })] }, { loadScript, presetScripts: pageState.presetScripts }).acceptAll();
    const script = document.head.querySelector('script')!;
    expect(script.src).toBe('https://cdn.vendor.test/tag.js');
    expect(pageState.presetScripts.map((script) => String(script.url))).toEqual(['https://cdn.vendor.test/tag.js']);
    expect(script.nonce).toBe('n0nce');
    expect(script.getAttribute('data-x')).toBe('1');
    expect([...pageState.ranCategories]).toEqual(['advertising']);
  });

  it('uses the config nonce when none is passed, and src overrides the default URL', () => {
    const a = recorder('a', 'analytics', {
      load: (ctx) => void ctx.loadScript(ctx.src('https://cdn.vendor.test/tag.js')),
    });
    start({ nonce: 'cfg', presets: [a.factory({ id: '1', src: '/vendor/tag.js' })] }).acceptAll();
    const script = document.head.querySelector('script')!;
    expect(script.getAttribute('src')).toBe('/vendor/tag.js');
    expect(script.nonce).toBe('cfg');
  });

  it('logs a failing vendor script and rejects, like consent.loadScript, so code chained on it does not run', async () => {
    const after = vi.fn();
    const failed = vi.fn();
    const a = recorder('a', 'analytics', {
      load: (ctx) => void ctx.loadScript('https://cdn.vendor.test/tag.js').then(after, failed),
    });
    start({ presets: [a.factory({ id: '1' })] }).acceptAll();
    document.head.querySelector('script')!.dispatchEvent(new Event('error'));
    await nextTask();
    expect(after).not.toHaveBeenCalled();
    expect(failed).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('tag.js') }));
    expect(error).toHaveBeenCalledWith(
      'consentry: preset "a" could not load https://cdn.vendor.test/tag.js',
      expect.any(Error),
    );
  });

  it('resolves loadScript once the script has loaded', async () => {
    const after = vi.fn();
    const a = recorder('a', 'analytics', {
      load: (ctx) => void ctx.loadScript('https://cdn.vendor.test/tag.js').then(after),
    });
    start({ presets: [a.factory({ id: '1' })] }).acceptAll();
    document.head.querySelector('script')!.dispatchEvent(new Event('load'));
    await nextTask();
    expect(after).toHaveBeenCalledOnce();
  });

  it('loads Google presets before consent only in advanced Consent Mode', () => {
    const g = recorder('g', 'analytics', { google: true });
    const other = recorder('o', 'analytics');
    start({ googleConsentMode: { mode: 'advanced' }, presets: [g.factory({ id: '1' }), other.factory({ id: '2' })] });
    expect(g.log).toEqual(['setup:false', 'load']);
    expect(other.log).toEqual(['setup:false']);
    const basic = recorder('g2', 'analytics', { google: true });
    start({ googleConsentMode: { mode: 'basic' }, presets: [basic.factory({ id: '1' })] });
    expect(basic.log).toEqual(['setup:false']);
  });

  it('runs nothing for an instance whose config was invalid', () => {
    const a = recorder('a', 'essential');
    const broken = {
      ...createConsent({ presets: [a.factory({ id: '1' })] }),
      error: new Error('bad config'),
    } as Consent;
    startPresets(broken);
    expect(a.log).toEqual([]);
  });
});
