// Global Privacy Control and Do Not Track: every variant browsers have shipped (the GPC spec's
// boolean and early string forms; DNT's "1"/"yes" in navigator, window and the ms prefix), each
// policy in each mode, and which decisions may override them (README "Privacy signals").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsent, type ConsentConfig, type Mode, type SignalPolicy } from '../../../src/index';
import { readSignals } from '../../../src/core/signals';
import { clearCookies, stub, stubThrowing } from '../helpers';

beforeEach(() => clearCookies());
afterEach(() => clearCookies());

const ON = [true, '1', 1, 'true', 'yes'];
const OFF = [false, '0', 0, 'false', 'no', null, undefined, 'unspecified', ''];
const show = (value: unknown) => (typeof value == 'string' ? JSON.stringify(value) : String(value));

describe('reading the signals', () => {
  it('reads nothing when no signal is set', () => {
    expect(createConsent({}).signals).toEqual({ gpc: false, dnt: false });
  });

  it.each(ON.map((v) => [show(v), v]))('navigator.globalPrivacyControl = %s is GPC', (_, value) => {
    stub(navigator, 'globalPrivacyControl', value);
    expect(createConsent({}).signals).toEqual({ gpc: true, dnt: false });
  });

  it.each(OFF.map((v) => [show(v), v]))('navigator.globalPrivacyControl = %s is no GPC', (_, value) => {
    stub(navigator, 'globalPrivacyControl', value);
    expect(createConsent({}).signals.gpc).toBe(false);
  });

  // navigator.doNotTrack (Chrome, Edge, Firefox; "yes" in Firefox < 32), window.doNotTrack
  // (IE 11, Safari 7.1–12), navigator.msDoNotTrack (IE 9–10).
  describe.each([
    ['navigator.doNotTrack', () => navigator, 'doNotTrack'],
    ['window.doNotTrack', () => window, 'doNotTrack'],
    ['navigator.msDoNotTrack', () => navigator, 'msDoNotTrack'],
  ] as const)('%s', (_, target, key) => {
    it.each(ON.map((v) => [show(v), v]))('%s is DNT', (_, value) => {
      stub(target(), key, value);
      expect(createConsent({}).signals).toEqual({ gpc: false, dnt: true });
    });
    it.each(OFF.map((v) => [show(v), v]))('%s is no DNT', (_, value) => {
      stub(target(), key, value);
      expect(createConsent({}).signals.dnt).toBe(false);
    });
  });

  it('reads DNT when any one of its three places says so', () => {
    stub(navigator, 'doNotTrack', 'unspecified');
    stub(window, 'doNotTrack', null);
    stub(navigator, 'msDoNotTrack', '1');
    expect(createConsent({}).signals.dnt).toBe(true);
  });

  it('survives hostile getters (no signal read, nothing thrown)', () => {
    stubThrowing(navigator, 'globalPrivacyControl');
    stubThrowing(navigator, 'doNotTrack');
    expect(() => createConsent({})).not.toThrow();
    expect(createConsent({}).signals).toEqual({ gpc: false, dnt: false });
  });

  it('reads nothing outside a browser', () => {
    expect(readSignals({} as never)).toEqual({ gpc: false, dnt: false });
    expect(readSignals(undefined)).toEqual({ gpc: false, dnt: false });
  });
});

// A custom category that counts as a sale and one that does not, beside the built-in ones.
const categories = { functional: {}, partners: { sale: true } };
const NON_ESSENTIAL = ['analytics', 'advertising', 'functional', 'partners'];
const SALE = ['advertising', 'partners'];

const setSignal = (signal: 'gpc' | 'dnt') =>
  signal == 'gpc' ? stub(navigator, 'globalPrivacyControl', true) : stub(navigator, 'doNotTrack', '1');
const granted = (config: ConsentConfig) => {
  const consent = createConsent(config);
  return NON_ESSENTIAL.filter((name) => consent.granted(name));
};

describe.each(['gpc', 'dnt'] as const)('%s under each policy and mode, before any decision', (signal) => {
  const cases: Array<[SignalPolicy, Mode, string[], boolean]> = [
    // policy, mode, denied by the signal, banner forced
    ['deny-sale', 'opt-in', SALE, true],
    ['deny-sale', 'opt-out', SALE, false],
    ['deny-all', 'opt-in', NON_ESSENTIAL, false],
    ['deny-all', 'opt-out', NON_ESSENTIAL, false],
    ['ignore', 'opt-in', [], true],
    ['ignore', 'opt-out', [], true],
  ];
  it.each(cases)(`${signal} "%s" in %s mode`, (policy, mode, denied, prompt) => {
    setSignal(signal);
    const consent = createConsent({ categories, mode, signals: { [signal]: policy } });
    expect(consent.signalDenied).toEqual(denied);
    expect(granted({ categories, mode, signals: { [signal]: policy } })).toEqual(
      mode == 'opt-out' ? NON_ESSENTIAL.filter((n) => !denied.includes(n)) : [],
    );
    expect(consent.granted('essential')).toBe(true);
    expect(consent.needsPrompt).toBe(prompt);
    expect(consent.decided).toBe(false);
    expect(consent.record.source).toBe(denied.length ? 'signal' : 'default');
    expect(consent.record.choices).toEqual(Object.fromEntries(NON_ESSENTIAL.map((n) => [n, consent.granted(n)])));
  });
});

describe('defaults', () => {
  it('GPC denies sale categories by default', () => {
    stub(navigator, 'globalPrivacyControl', true);
    expect(granted({ categories, mode: 'opt-out' })).toEqual(['analytics', 'functional']);
  });

  it('DNT denies everything and forces no banner by default', () => {
    stub(navigator, 'doNotTrack', '1');
    expect(granted({ categories, mode: 'opt-out' })).toEqual([]);
    expect(createConsent({ mode: 'opt-in' }).needsPrompt).toBe(false);
  });

  it('GPC under deny-sale and DNT under deny-all together deny everything', () => {
    stub(navigator, 'globalPrivacyControl', true);
    stub(navigator, 'doNotTrack', '1');
    expect(createConsent({ categories, mode: 'opt-out' }).signalDenied).toEqual(NON_ESSENTIAL);
  });

  it('a category whose sale flag is turned off is not denied by GPC', () => {
    stub(navigator, 'globalPrivacyControl', true);
    expect(granted({ categories: { advertising: { sale: false } }, mode: 'opt-out' })).toEqual([
      'analytics',
      'advertising',
    ]);
  });
});

describe('decisions against a signal', () => {
  beforeEach(() => stub(navigator, 'globalPrivacyControl', true));

  it('"accept all" does not override GPC', () => {
    const consent = createConsent({ categories });
    consent.acceptAll('banner');
    expect(NON_ESSENTIAL.filter((n) => consent.granted(n))).toEqual(['analytics', 'functional']);
    expect(consent.record).toMatchObject({
      source: 'banner',
      choices: { analytics: true, functional: true, advertising: false, partners: false },
    });
    expect(granted({ categories })).toEqual(['analytics', 'functional']);
  });

  it('"accept all" does not override DNT under deny-all either', () => {
    stub(navigator, 'doNotTrack', '1');
    const consent = createConsent({ categories });
    consent.acceptAll('banner');
    expect(NON_ESSENTIAL.filter((n) => consent.granted(n))).toEqual([]);
  });

  it.each(['preferences', 'api'] as const)(
    'an explicit choice from %s grants what GPC denied, is recorded as such and is remembered',
    (source) => {
      const consent = createConsent({ categories, mode: 'opt-out' });
      expect(consent.needsPrompt).toBe(false);
      consent.update({ advertising: true }, source);
      expect(consent.granted('advertising')).toBe(true);
      expect(consent.granted('partners')).toBe(false);
      expect(consent.record).toMatchObject({ source, choices: { advertising: true, partners: false } });
      const reloaded = createConsent({ categories, mode: 'opt-out' });
      expect([reloaded.decided, reloaded.granted('advertising'), reloaded.record.source]).toEqual([true, true, source]);
    },
  );

  it('update() without a source is an explicit API choice', () => {
    const consent = createConsent({ categories });
    consent.update({ advertising: true });
    expect([consent.granted('advertising'), consent.record.source]).toEqual([true, 'api']);
  });

  it('an explicit choice overrides DNT under deny-all', () => {
    stub(navigator, 'doNotTrack', '1');
    const consent = createConsent({ categories });
    consent.update({ analytics: true }, 'preferences');
    expect(NON_ESSENTIAL.filter((n) => consent.granted(n))).toEqual(['analytics']);
  });

  it('a banner decision stored before GPC was switched on gives way to it', () => {
    stub(navigator, 'globalPrivacyControl', false);
    createConsent({ categories }).acceptAll('banner');
    stub(navigator, 'globalPrivacyControl', true);
    const consent = createConsent({ categories });
    expect([consent.decided, consent.needsPrompt]).toEqual([true, false]);
    expect(NON_ESSENTIAL.filter((n) => consent.granted(n))).toEqual(['analytics', 'functional']);
  });

  it('under "ignore", accept all grants sale categories', () => {
    const consent = createConsent({ categories, signals: { gpc: 'ignore' } });
    consent.acceptAll();
    expect(NON_ESSENTIAL.every((n) => consent.granted(n))).toBe(true);
  });

  it('reject all denies everything non-essential', () => {
    const consent = createConsent({ categories, mode: 'opt-out', signals: { gpc: 'ignore' } });
    consent.rejectAll('banner');
    expect(NON_ESSENTIAL.filter((n) => consent.granted(n))).toEqual([]);
    expect(consent.record.source).toBe('banner');
  });
});
