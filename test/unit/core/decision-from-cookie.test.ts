// decisionFromCookie: what a server renders with agrees with what the browser's instance decides
// from the same cookie (written here by a real instance through document.cookie), for every kind
// of decision, mode and signal; a tampered, duplicated, expired or garbled cookie is no decision,
// and nothing throws, whatever the header or the config.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsent, decisionFromCookie, type ConsentConfig, type ConsentSnapshot } from '../../../src/index';
import { encodeRecord } from '../../../src/core/store/record-codec';
import { presetRegistry } from '../../../presets/index';
import { clearCookies, stub } from '../helpers';
import { DAY, generators, prng } from './fuzz';

const NOW = Date.UTC(2026, 4, 4, 8);
const CONFIG: ConsentConfig = { categories: { functional: { label: 'Functional' } } };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  clearCookies();
});
afterEach(() => {
  vi.useRealTimers();
  clearCookies();
});

/** What the browser's instance shows for the cookie now in the jar. */
const browserSnapshot = (config: ConsentConfig): ConsentSnapshot => {
  const consent = createConsent(config);
  return { state: consent.state, decided: consent.decided, needsPrompt: consent.needsPrompt, signals: consent.signals };
};

const record = (choices: Record<string, boolean>, overrides = {}) =>
  encodeRecord({
    id: 'k3j9x0q2m1z8abcd',
    revision: 0,
    createdAt: NOW - 3 * DAY,
    updatedAt: NOW - DAY,
    choices,
    source: 'banner',
    ...overrides,
  });

describe('decisionFromCookie agrees with the browser instance', () => {
  it.each([
    ['accept all', (config: ConsentConfig) => createConsent(config).acceptAll('banner')],
    ['reject all', (config: ConsentConfig) => createConsent(config).rejectAll('banner')],
    ['a choice per category', (config: ConsentConfig) => createConsent(config).update({ analytics: true })],
    ['no decision yet', () => {}],
  ])('after %s, in opt-in and opt-out mode', (_, decide) => {
    for (const mode of ['opt-in', 'opt-out'] as const) {
      clearCookies();
      const config = { ...CONFIG, mode };
      decide(config);
      expect(decisionFromCookie(document.cookie, config)).toEqual(browserSnapshot(config));
    }
  });

  it('reads a returning visitor who accepted as granted, and one who rejected as denied', () => {
    createConsent(CONFIG).acceptAll('banner');
    const accepted = decisionFromCookie(`theme=dark; ${document.cookie}; _ga=GA1.1.1`, CONFIG);
    expect(accepted).toEqual({
      state: { essential: true, analytics: true, advertising: true, functional: true },
      decided: true,
      needsPrompt: false,
      signals: { gpc: false, dnt: false },
    });
    createConsent(CONFIG).rejectAll('banner');
    expect(decisionFromCookie(document.cookie, CONFIG).state).toEqual({
      essential: true,
      analytics: false,
      advertising: false,
      functional: false,
    });
  });

  it('takes the cookie value alone, as a framework cookie API returns it', () => {
    const value = record({ analytics: true, advertising: false, functional: false });
    expect(decisionFromCookie(value, CONFIG).state.analytics).toBe(true);
    expect(decisionFromCookie(`consentry=${value}`, CONFIG).state.analytics).toBe(true);
  });

  it('follows the configured cookie name, revision and lifetime', () => {
    const config: ConsentConfig = { cookie: { name: 'shop_consent', days: 30 }, revision: 2 };
    const current = record({ analytics: true }, { revision: 2 });
    expect(decisionFromCookie(`shop_consent=${current}`, config).decided).toBe(true);
    expect(decisionFromCookie(`consentry=${current}`, config).decided).toBe(false);
    // An older revision asks again; so does a decision older than the cookie's lifetime.
    expect(decisionFromCookie(`shop_consent=${record({ analytics: true }, { revision: 1 })}`, config).decided).toBe(
      false,
    );
    const old = record({ analytics: true }, { revision: 2, createdAt: NOW - 40 * DAY, updatedAt: NOW - 31 * DAY });
    expect(decisionFromCookie(`shop_consent=${old}`, config).decided).toBe(false);
    expect(decisionFromCookie(`shop_consent=${old}`, config, { now: NOW - 2 * DAY }).decided).toBe(true);
  });
});

describe('signals from request headers', () => {
  it('Sec-GPC: 1 denies the categories that count as a sale, as navigator.globalPrivacyControl does', () => {
    const config: ConsentConfig = { ...CONFIG, mode: 'opt-out' };
    const server = decisionFromCookie(null, config, { gpc: '1' });
    expect(server.state).toEqual({ essential: true, analytics: true, advertising: false, functional: true });
    // Opt-out mode honours the signal without forcing a banner (as the browser instance does).
    expect(server.needsPrompt).toBe(false);
    expect(server.signals).toEqual({ gpc: true, dnt: false });
    stub(navigator, 'globalPrivacyControl', true);
    expect(server).toEqual(browserSnapshot(config));
  });

  it('DNT: 1 denies everything without a decision; anything but "1" is no signal', () => {
    expect(decisionFromCookie('', { mode: 'opt-out' }, { dnt: '1' }).state).toEqual({
      essential: true,
      analytics: false,
      advertising: false,
    });
    for (const value of ['0', '', null, undefined, 'yes please', false])
      expect(decisionFromCookie('', { mode: 'opt-out' }, { gpc: value, dnt: value }).state.advertising).toBe(true);
  });

  it('a stored explicit choice may grant what the signal denies; accept all may not', () => {
    const explicit = record({ analytics: true, advertising: true }, { source: 'preferences' });
    expect(decisionFromCookie(explicit, {}, { gpc: '1' }).state.advertising).toBe(true);
    const acceptAll = record({ analytics: true, advertising: true }, { source: 'banner' });
    expect(decisionFromCookie(acceptAll, {}, { gpc: '1' }).state.advertising).toBe(false);
  });
});

describe('mode', () => {
  it('auto follows config.region, and opts in without it (the server cannot see the visitor)', () => {
    expect(decisionFromCookie(null, { mode: 'auto', region: 'US-CA' }).state.analytics).toBe(true);
    expect(decisionFromCookie(null, { mode: 'auto', region: 'DE' }).state.analytics).toBe(false);
    expect(decisionFromCookie(null, { mode: 'auto' })).toEqual({
      state: { essential: true, analytics: false, advertising: false },
      decided: false,
      needsPrompt: true,
      signals: { gpc: false, dnt: false },
    });
  });
});

describe('fails closed and never throws', () => {
  const denied = { essential: true, analytics: false, advertising: false };

  it('a duplicated consent cookie (another path or a sibling subdomain set one) is no decision', () => {
    const granted = record({ analytics: true, advertising: true });
    expect(decisionFromCookie(`consentry=${granted}; consentry=${granted}`, {}).decided).toBe(false);
    expect(decisionFromCookie(`consentry=${granted}; xconsentry=1; consentry2=1; consentry`, {}).decided).toBe(true);
  });

  it('a tampered, percent-encoded or garbled cookie is no decision', () => {
    const granted = record({ analytics: true, advertising: true });
    for (const value of [
      granted.replace('analytics=1', 'analytics=2'),
      granted.replace('|banner|', '|BANNER|'),
      encodeURIComponent(granted),
      `"${granted}"`,
      granted + '&__proto__=1',
      granted.repeat(30),
      '%',
      '=',
      ';;;',
      'consentry=',
    ]) {
      expect(decisionFromCookie(`consentry=${value}`, {}), value).toMatchObject({ state: denied, decided: false });
      expect(decisionFromCookie(value, {}), value).toMatchObject({ state: denied, decided: false });
    }
  });

  it('reports a decision only for a valid, current encoding, over 5,000 random and mutated cookies', () => {
    const { cookie } = generators(prng(20260504), NOW);
    for (let run = 0; run < 5000; run++) {
      const value = cookie();
      clearCookies();
      document.cookie = `consentry=${value}`;
      const jar = document.cookie;
      // The browser instance reads the same jar; where both read a value they must agree.
      const server = decisionFromCookie(jar, CONFIG);
      if (server.decided) expect(server, value).toEqual(browserSnapshot(CONFIG));
      else expect(Object.values(server.state).filter(Boolean), value).toHaveLength(1);
    }
  }, 120_000); // 5,000 instances through jsdom's cookie jar: seconds, more on a busy CI machine

  it('an invalid config, or input of the wrong type, grants only essential', () => {
    const granted = `consentry=${record({ analytics: true, advertising: true })}`;
    const bad = [{ mode: 'sometimes' }, { categories: 5 }, { presets: [{ name: 'nope' }] }, null, 'config', []];
    for (const config of bad)
      expect(decisionFromCookie(granted, config as never)).toEqual({
        state: denied,
        decided: false,
        needsPrompt: false,
        signals: { gpc: false, dnt: false },
      });
    for (const cookie of [42, {}, [], Symbol('x')]) expect(decisionFromCookie(cookie as never, {}).decided).toBe(false);
  });

  it('a JSON config naming presets is read with the registry, as createConsent reads it', () => {
    const json: ConsentConfig = { presets: [{ name: 'google-analytics', id: 'G-ABC123' }] };
    const granted = `consentry=${record({ analytics: true, advertising: true })}`;
    expect(decisionFromCookie(granted, json).decided).toBe(false);
    expect(decisionFromCookie(granted, json, { registry: presetRegistry }).state.analytics).toBe(true);
  });
});
