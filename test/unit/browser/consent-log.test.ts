// The consent log as a runtime part (gate() starts it when the config has `log`): one record per
// decision, posted as text/plain without cookies, kept in a bounded outbox until the receiver
// acknowledges it and re-sent on a later page view; banner-shown counts; never a thrown error.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsent, gate } from '../../../src/index';
import { OUTBOX_KEY, createOutbox } from '../../../src/browser/consent-log/outbox';
import { SIGNAL_MARK_KEY, startConsentLog } from '../../../src/browser/consent-log/start-consent-log';
import { lazyConsentLog } from '../../../src/browser/lazy-parts';
import { configHash } from '../../../src/core/log/config-hash';
import { VERSION } from '../../../src/core/version';
import type { ConsentConfig } from '../../../src/core/types';
import { clearCookies, nextTask, stub } from '../helpers';

const ENDPOINT = 'https://consent.example/v1/records';
const config: ConsentConfig = { mode: 'opt-in', log: { endpoint: ENDPOINT } };
let answer: () => Promise<Response>;
let fetchSpy: ReturnType<typeof vi.fn>;
const stops: Array<() => void> = [];

/** A page view: a new instance and runtime on the same cookie jar and localStorage. */
function pageView(pageConfig: ConsentConfig = config) {
  const consent = createConsent(pageConfig);
  const runtime = gate(consent);
  stops.push(() => runtime.stop());
  return consent;
}

/** The JSON bodies posted to `url`, in order. */
const posted = (url = ENDPOINT) =>
  fetchSpy.mock.calls.filter(([to]) => to == url).map(([, init]) => JSON.parse((init as RequestInit).body as string));
/** Lets the posts' answers arrive and the outbox follow them. */
const settle = async () => {
  await nextTask();
  await nextTask();
};

beforeEach(() => {
  clearCookies();
  localStorage.clear();
  history.replaceState(null, '', '/shop/cart?email=someone@example.com#pay');
  answer = () => Promise.resolve(new Response(null, { status: 204 }));
  fetchSpy = vi.fn(() => answer());
  vi.stubGlobal('fetch', fetchSpy);
});
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.unstubAllGlobals();
  clearCookies();
  localStorage.clear();
});

describe('one record per decision', () => {
  it('carries every field of the contract, every category granted or denied, and the url without query or fragment', async () => {
    stub(navigator, 'globalPrivacyControl', true);
    const consent = pageView({ ...config, region: 'FR', categories: { functional: {} } });
    consent.update({ analytics: true }, 'preferences');
    await settle();
    const [record] = posted();
    expect(record).toEqual({
      recordId: expect.stringMatching(/^[a-z0-9]{16}$/),
      consentId: consent.record.id,
      schema: 1,
      revision: 0,
      configHash: configHash({ ...config, region: 'FR', categories: { functional: {} } }),
      language: 'en',
      version: VERSION,
      action: 'custom',
      choices: { essential: true, analytics: true, advertising: false, functional: false },
      signals: { gpc: true, dnt: false },
      mode: 'opt-in',
      region: 'FR',
      url: `${location.origin}/shop/cart`,
      createdAt: consent.record.updatedAt,
    });
  });

  it('is posted as text/plain with keepalive and without cookies (no CORS preflight), never by sendBeacon', async () => {
    const beacon = vi.fn(() => true);
    stub(navigator, 'sendBeacon', beacon);
    pageView().acceptAll('banner');
    await settle();
    const [, init] = fetchSpy.mock.calls[0] as [string, RequestInit];
    expect(init).toMatchObject({
      method: 'POST',
      keepalive: true,
      credentials: 'omit',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect(beacon).not.toHaveBeenCalled();
  });

  it('names the action: accept-all, reject-all, custom, and withdraw for a change that only takes back', async () => {
    const consent = pageView();
    consent.acceptAll('banner');
    consent.rejectAll('banner');
    consent.update({ analytics: true, advertising: true });
    consent.update({ advertising: false });
    consent.update({ analytics: false, advertising: true });
    await settle();
    const records = posted();
    expect(records.map((record) => record.action)).toEqual([
      'accept-all',
      'reject-all',
      'custom',
      'withdraw',
      'custom',
    ]);
    expect(new Set(records.map((record) => record.recordId)).size).toBe(5);
    expect(new Set(records.map((record) => record.consentId))).toEqual(new Set([consent.record.id]));
  });

  it('sends nothing without `log`, before a decision, or for a decision read from another tab', async () => {
    pageView({ mode: 'opt-in' }).acceptAll();
    pageView();
    await settle();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('stops with the runtime', async () => {
    const consent = pageView();
    stops.pop()!();
    consent.acceptAll();
    await settle();
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('the outbox', () => {
  it('keeps a record the receiver did not acknowledge and sends it again, once, on the next page view', async () => {
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    pageView().acceptAll('banner');
    await settle();
    const [lost] = posted();
    expect(JSON.parse(localStorage.getItem(OUTBOX_KEY)!)).toHaveLength(1);

    answer = () => Promise.resolve(new Response(null, { status: 204 }));
    pageView();
    await settle();
    expect(posted()).toEqual([lost, lost]);
    expect(localStorage.getItem(OUTBOX_KEY)).toBeNull();

    pageView();
    await settle();
    expect(posted()).toHaveLength(2);
  });

  it.each([429, 503, 500, 408])('keeps the record after a %i', async (status) => {
    answer = () => Promise.resolve(new Response(null, { status }));
    pageView().acceptAll();
    await settle();
    expect(JSON.parse(localStorage.getItem(OUTBOX_KEY)!)).toHaveLength(1);
  });

  it('drops a record the receiver refuses for good (400, 413): sending it again cannot help', async () => {
    answer = () => Promise.resolve(new Response('{"error":"x"}', { status: 400 }));
    pageView().acceptAll();
    await settle();
    expect(localStorage.getItem(OUTBOX_KEY)).toBeNull();
  });

  it('holds at most 20 records, and none older than 7 days', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const outbox = createOutbox(
      () => localStorage,
      () => now,
    );
    const entry = (n: number) => ({ endpoint: ENDPOINT, record: { recordId: `record-${n}` } as never, queuedAt: now });
    for (let n = 0; n < 25; n++) outbox.add(entry(n));
    expect(outbox.entries().map((kept) => kept.record.recordId)).toEqual(
      Array.from({ length: 20 }, (_, n) => `record-${n + 5}`),
    );
    now += 7 * 864e5;
    outbox.add(entry(99));
    expect(outbox.entries().map((kept) => kept.record.recordId)).toEqual(['record-99']);
  });

  it('ignores a garbled outbox, and works in memory where localStorage throws', async () => {
    localStorage.setItem(OUTBOX_KEY, '{not json');
    answer = () => Promise.reject(new TypeError('offline'));
    pageView().acceptAll();
    await settle();
    expect(posted()).toHaveLength(1);

    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const outbox = createOutbox(() => broken as never);
    outbox.add({ endpoint: ENDPOINT, record: { recordId: 'abcdefgh' } as never, queuedAt: Date.now() });
    expect(outbox.entries()).toHaveLength(1);
  });
});

describe('impressions', () => {
  it('with `log.impressions`, counts a banner shown at the sibling /v1/impressions, with no id', async () => {
    pageView({ ...config, log: { endpoint: ENDPOINT, impressions: true } });
    await settle();
    expect(posted('https://consent.example/v1/impressions')).toEqual([
      { schema: 1, configHash: configHash(config), language: 'en', mode: 'opt-in', region: null },
    ]);
  });

  it('counts nothing when no banner is due, or without the option', async () => {
    pageView({ ...config, log: { endpoint: ENDPOINT, impressions: true } }).acceptAll();
    pageView({ ...config, log: { endpoint: ENDPOINT, impressions: true } });
    pageView();
    await settle();
    expect(posted('https://consent.example/v1/impressions')).toHaveLength(1);
  });
});

describe('a privacy signal that decides', () => {
  it('is logged once per browser as a `signal` record (an opt-out request to keep, 11 CCR § 7101)', async () => {
    stub(navigator, 'globalPrivacyControl', true);
    const gpcConfig: ConsentConfig = { ...config, mode: 'opt-out' };
    pageView(gpcConfig);
    await settle();
    pageView(gpcConfig);
    await settle();
    const records = posted();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ action: 'signal', signals: { gpc: true, dnt: false }, mode: 'opt-out' });
    expect(records[0].choices).toMatchObject({ advertising: false, analytics: true });
    expect(localStorage.getItem(SIGNAL_MARK_KEY)).toBeTruthy();
  });
});

describe('never breaks a decision', () => {
  it.each([
    [
      'fetch throws at once',
      () => {
        throw new TypeError('no fetch');
      },
    ],
    ['fetch rejects', () => Promise.reject(new TypeError('offline'))],
    ['fetch is missing', undefined],
  ])('when %s', async (_, replacement) => {
    vi.stubGlobal('fetch', replacement);
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const consent = pageView();
      const changed = vi.fn();
      consent.on('change', changed);
      expect(() => consent.acceptAll()).not.toThrow();
      expect([consent.granted('analytics'), consent.decided, changed.mock.calls.length]).toEqual([true, true, 1]);
      await settle();
      expect(unhandled).not.toHaveBeenCalled();
      expect(JSON.parse(localStorage.getItem(OUTBOX_KEY)!)).toHaveLength(1);
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('when localStorage throws', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    try {
      const consent = pageView();
      expect(() => consent.acceptAll()).not.toThrow();
      await settle();
      expect(posted()).toHaveLength(1);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('fetched when needed (the script tag’s consentry-log.js)', () => {
  /** The stand-in the script tag starts, with the log's code on its way until `arrive()`. */
  function lazyPageView(pageConfig: ConsentConfig = config, failures = 0) {
    const consent = createConsent(pageConfig);
    let arrive!: () => void;
    const load = vi.fn(() => {
      if (failures-- > 0) return Promise.reject(new Error('404'));
      return new Promise<typeof startConsentLog>((done) => (arrive = () => done(startConsentLog)));
    });
    const stop = lazyConsentLog(load)(consent, pageConfig);
    if (stop) stops.push(stop);
    return { consent, load, arrive: () => arrive() };
  }

  it('is not fetched for a config without `log`', () => {
    const { consent, load } = lazyPageView({ mode: 'opt-in' });
    consent.acceptAll();
    expect(load).not.toHaveBeenCalled();
  });

  it('logs a decision taken while it was on its way once it arrives, and counts the banner the page view began with', async () => {
    const { consent, load, arrive } = lazyPageView({ ...config, log: { endpoint: ENDPOINT, impressions: true } });
    consent.rejectAll();
    consent.update({ analytics: true });
    await settle();
    expect(fetchSpy).not.toHaveBeenCalled();
    arrive();
    await settle();
    expect(posted().map((record) => record.action)).toEqual(['reject-all', 'custom']);
    expect(posted('https://consent.example/v1/impressions')).toHaveLength(1);
    consent.acceptAll();
    await settle();
    expect(posted().map((record) => record.action)).toEqual(['reject-all', 'custom', 'accept-all']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reports a failed fetch and tries again on the next decision, which is logged after the first', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { consent, load, arrive } = lazyPageView(config, 1);
    await settle();
    expect(error).toHaveBeenCalledWith('consentry: could not load the consent log', expect.any(Error));
    consent.rejectAll();
    consent.acceptAll();
    expect(load).toHaveBeenCalledTimes(2);
    arrive();
    await settle();
    expect(posted().map((record) => record.action)).toEqual(['reject-all', 'accept-all']);
  });

  it('sends nothing once the runtime stopped before it arrived', async () => {
    const { consent, arrive } = lazyPageView();
    consent.acceptAll();
    for (const stop of stops.splice(0)) stop();
    arrive();
    await settle();
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
