// The script tag's config sources and its fail-closed instance: unparseable JSON and a failed
// fetch become errors (never exceptions), and the denied instance never grants anything.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deniedConsent } from '../../../src/script-tag/denied-consent';
import { provisionalRules, wantsAutoBlock } from '../../../src/script-tag/early-auto-block';
import addOnHosts from '../../../src/script-tag/add-on-hosts.json';
import addOnPresets from '../../../src/core/config/add-on-presets.json';
import { presetRegistry } from '../../../presets/registry';
import { fetchConfig, readConfig } from '../../../src/script-tag/read-config';
import type { PresetDefinition } from '../../../src/index';
import { stub } from '../helpers';
import { internalsOf } from '../../../src/core/internals';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.head.querySelectorAll('script').forEach((s) => s.remove());
});

const tag = (attributes: Record<string, string>): HTMLScriptElement => {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  return script;
};
const win = (consentryConfig?: unknown) => ({ consentryConfig }) as Window & { consentryConfig?: unknown };

describe('readConfig', () => {
  it('parses data-config', () => {
    expect(readConfig(tag({ 'data-config': '{"mode":"opt-out","presets":[]}' }), win())).toEqual({
      config: { mode: 'opt-out', presets: [] },
    });
  });

  it.each(['{mode: "opt-out"}', '', '{"mode":"opt-out"', "{'a':1}", '\u0000'])(
    'turns unparseable data-config %j into an error naming it',
    (json) => {
      const source = readConfig(tag({ 'data-config': json }), win({ mode: 'opt-out' }));
      expect(source).toEqual({ error: expect.any(Error) });
      expect((source as { error: Error }).error.message).toMatch(/^data-config: not valid JSON/);
    },
  );

  it("falls back to the tag's data-config-url, then window.consentryConfig, then an empty config", () => {
    const config = { mode: 'auto' };
    expect(readConfig(tag({ 'data-config-url': '/consent.json' }), win(config))).toEqual({ url: '/consent.json' });
    expect(readConfig(tag({}), win(config))).toEqual({ config });
    expect(readConfig(null, win(Object.assign(Object.create(null), config)))).toEqual({ config });
    expect(readConfig(tag({}), win())).toEqual({ config: {} });
    expect(readConfig(null, win())).toEqual({ config: {} });
  });

  it('prefers data-config over window.consentryConfig and data-config-url', () => {
    expect(
      readConfig(tag({ 'data-config': '{"revision":2}', 'data-config-url': '/x.json' }), win({ revision: 1 })),
    ).toEqual({ config: { revision: 2 } });
  });

  it('takes only a plain object from window.consentryConfig: an element with that id is not a config', () => {
    const clobbering = document.createElement('a');
    clobbering.id = 'consentryConfig';
    for (const notAConfig of [clobbering, document.querySelectorAll('a'), [{ revision: 1 }], 'x', 1])
      expect(readConfig(tag({}), win(notAConfig), { revision: 5 })).toEqual({ config: { revision: 5 } });
  });
});

describe('fetchConfig', () => {
  it('returns the fetched JSON, sending same-origin credentials', async () => {
    const fetch = vi.fn(async () => new Response('{"mode":"opt-in"}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    await expect(fetchConfig('/consent.json')).resolves.toEqual({ config: { mode: 'opt-in' } });
    expect(fetch).toHaveBeenCalledWith('/consent.json', { credentials: 'same-origin' });
  });

  it.each([
    ['the network fails', () => Promise.reject(new TypeError('Failed to fetch')), 'Failed to fetch'],
    ['the server answers 404', async () => new Response('not found', { status: 404 }), 'HTTP 404'],
    ['the body is not JSON', async () => new Response('<html>', { status: 200 }), ''],
    [
      'fetch throws at once',
      () => {
        throw new Error('CSP');
      },
      'CSP',
    ],
  ])('turns it into an error naming the URL when %s', async (_, fetch, detail) => {
    vi.stubGlobal('fetch', fetch);
    const source = await fetchConfig('/consent.json');
    expect(source).toEqual({ error: expect.any(Error) });
    expect((source as { error: Error }).error.message).toContain('data-config-url: could not load /consent.json');
    expect((source as { error: Error }).error.message).toContain(detail);
  });
});

describe('deniedConsent', () => {
  const setup = () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = new Error('presets[0].id: expected ...');
    return { consent: deniedConsent(error, 'n0nce'), error, errors };
  };

  it('grants only essential, carries the error and asks nothing', () => {
    const { consent, error } = setup();
    expect(consent.error).toBe(error);
    expect(consent.state).toEqual({ essential: true, analytics: false, advertising: false });
    expect([consent.decided, consent.needsPrompt, consent.mode, internalsOf(consent).nonce]).toEqual([
      false,
      false,
      'opt-in',
      'n0nce',
    ]);
    expect(consent.record).toMatchObject({ source: 'default', choices: { analytics: false, advertising: false } });
  });

  it('ignores every decision, saying so on the console, and stores nothing', () => {
    const { consent, errors } = setup();
    const changed = vi.fn();
    expect(typeof consent.on('change', changed)).toBe('function');
    consent.acceptAll('banner');
    consent.update({ analytics: true, advertising: true }, 'preferences');
    consent.rejectAll();
    consent.reset();
    consent.refresh();
    expect(['analytics', 'advertising', 'anything'].map((c) => consent.granted(c))).toEqual([false, false, false]);
    expect(changed).not.toHaveBeenCalled();
    expect(errors).toHaveBeenCalledTimes(4);
    expect(document.cookie).toBe('');
  });

  it('runs essential callbacks and never anything else', async () => {
    const { consent } = setup();
    const essential = vi.fn();
    const analytics = vi.fn();
    consent.whenGranted('essential', essential);
    consent.whenGranted('analytics', analytics);
    consent.acceptAll();
    expect([essential.mock.calls.length, analytics.mock.calls.length]).toEqual([1, 0]);
    void consent.loadScript('analytics', 'https://stats.example/s.js');
    expect(document.querySelector('script[src="https://stats.example/s.js"]')).toBeNull();
  });

  it('still reads the signals for the UI', () => {
    stub(navigator, 'globalPrivacyControl', true);
    expect(setup().consent.signals.gpc).toBe(true);
  });
});

describe('auto-blocking before the config is read', () => {
  const withConfig = (text: string) => {
    const script = document.createElement('script');
    script.setAttribute('data-config', text);
    return script;
  };

  it('holds for a config object that says autoBlock, valid or not, and for every data-config-url', () => {
    expect(wantsAutoBlock({ config: { autoBlock: true, cookie: { days: -1 } } }, null)).toBe(true);
    expect(wantsAutoBlock({ config: { autoBlock: false } }, null)).toBe(false);
    expect(wantsAutoBlock({ config: [] }, null)).toBe(false);
    expect(wantsAutoBlock({ url: '/consent.json' }, null)).toBe(true);
  });

  it('reads "autoBlock": true out of a data-config that is not JSON, and nothing else', () => {
    const error = { error: new Error('not JSON') };
    expect(wantsAutoBlock(error, withConfig('{"autoBlock" : true, "presets": [}'))).toBe(true);
    expect(wantsAutoBlock(error, withConfig('{"autoBlock": false, "presets": [}'))).toBe(false);
    expect(wantsAutoBlock(error, withConfig('{"presets": ['))).toBe(false);
  });

  it('holds every known preset’s hosts and the readable blockList entries until a valid config decides', () => {
    const vendor: PresetDefinition = {
      name: 'vendor',
      label: 'Vendor',
      category: 'advertising',
      hosts: ['cdn.vendor.test', 'x.vendor.test/p'],
      cookies: [],
      options: ['id'],
      validate: () => [],
      load: () => {},
    };
    const registry = { vendor };
    const source = {
      config: { blockList: [{ host: 'Tracker.Test', category: 'advertising' }, { host: 1 }, 'junk', null] },
    };
    const rules = provisionalRules(registry, source);
    expect(rules.slice(0, 2)).toEqual([
      { host: 'cdn.vendor.test', path: '', category: '' },
      { host: 'x.vendor.test', path: '/p', category: '' },
    ]);
    expect(rules.at(-1)).toEqual({ host: 'tracker.test', path: '', category: 'advertising' });
    // An add-on preset's hosts are held too before its file has arrived.
    expect(rules).toContainEqual({ host: 'i.posthog.com', path: '', category: '' });
  });

  it('add-on-hosts.json lists exactly the hosts of every add-on preset', () => {
    expect(addOnHosts).toEqual(
      Object.fromEntries(addOnPresets.map((name: string) => [name, presetRegistry[name]!.hosts])),
    );
  });
});
