// Proof of consent: with `log.endpoint`, the runtime's log part sends every decision made on the
// page (the record plus url, mode and signals), by sendBeacon or else fetch with keepalive; it
// never blocks or breaks a decision, and a decision received from another tab is not sent again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsent as createInstance, gate, type ConsentConfig, type Gate } from '../../../src/index';
import { startConsentLog } from '../../../src/browser/consent-log';
import { clearCookies, stub } from '../helpers';

const runtimes: Gate[] = [];
/** An instance with its browser runtime started, as a page has it. */
const createConsent = (config: ConsentConfig) => {
  const consent = createInstance(config);
  runtimes.push(gate(consent));
  return consent;
};

const ENDPOINT = '/consent-log';
let fetchSpy: ReturnType<typeof vi.fn>;

beforeEach(() => {
  clearCookies();
  fetchSpy = vi.fn(() => Promise.resolve(new Response(null, { status: 204 })));
  vi.stubGlobal('fetch', fetchSpy);
});
afterEach(() => {
  for (const runtime of runtimes.splice(0)) runtime.stop();
  vi.unstubAllGlobals();
  clearCookies();
});

const blobJson = async (blob: Blob) => JSON.parse(await blob.text());

describe('with sendBeacon', () => {
  it('sends the record, url, mode and signals as JSON on every decision', async () => {
    const beacon = vi.fn(() => true);
    stub(navigator, 'sendBeacon', beacon);
    stub(navigator, 'globalPrivacyControl', true);
    const consent = createConsent({ mode: 'opt-out', log: { endpoint: ENDPOINT } });
    consent.update({ analytics: false }, 'preferences');
    expect(beacon).toHaveBeenCalledOnce();
    const [url, blob] = beacon.mock.calls[0] as unknown as [string, Blob];
    expect(url).toBe(ENDPOINT);
    expect(blob.type).toBe('application/json');
    expect(await blobJson(blob)).toEqual({
      ...consent.record,
      url: location.href,
      mode: 'opt-out',
      signals: { gpc: true, dnt: false },
    });
    consent.acceptAll('banner');
    consent.rejectAll('banner');
    expect(beacon).toHaveBeenCalledTimes(3);
    expect((await blobJson((beacon.mock.calls[2] as unknown as [string, Blob])[1])).source).toBe('banner');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('sends nothing without an endpoint, and nothing before a decision', () => {
    const beacon = vi.fn(() => true);
    stub(navigator, 'sendBeacon', beacon);
    createConsent({ log: { endpoint: ENDPOINT } });
    createConsent({}).acceptAll();
    expect(beacon).not.toHaveBeenCalled();
  });

  it('does not send again a decision read from another tab, nor a reset', () => {
    const beacon = vi.fn(() => true);
    stub(navigator, 'sendBeacon', beacon);
    const here = createConsent({ log: { endpoint: ENDPOINT } });
    // The other tab shares the cookie: its decision reaches this one through `refresh()`.
    createInstance({}).acceptAll('banner');
    here.refresh();
    expect(here.granted('analytics')).toBe(true);
    here.reset();
    expect(beacon).not.toHaveBeenCalled();
  });

  it('sends nothing once the runtime has stopped, and nothing from the part when it is stopped', () => {
    const beacon = vi.fn(() => true);
    stub(navigator, 'sendBeacon', beacon);
    const config = { log: { endpoint: ENDPOINT } };
    const consent = createInstance(config);
    const runtime = gate(consent);
    runtime.stop();
    consent.acceptAll();
    const stop = startConsentLog(consent, config);
    stop();
    consent.rejectAll();
    expect(beacon).not.toHaveBeenCalled();
  });
});

describe('fetch with keepalive as the fallback', () => {
  it.each([
    ['sendBeacon is missing', undefined],
    ['sendBeacon refuses the data (returns false)', () => false],
  ])('when %s', async (_, beacon) => {
    stub(navigator, 'sendBeacon', beacon);
    const consent = createConsent({ log: { endpoint: 'https://log.example/consent' } });
    consent.acceptAll('banner');
    expect(fetchSpy).toHaveBeenCalledOnce();
    const [url, init] = fetchSpy.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('https://log.example/consent');
    expect(init).toMatchObject({ method: 'POST', keepalive: true, headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(init.body as string)).toEqual({
      ...consent.record,
      url: location.href,
      mode: 'opt-in',
      signals: { gpc: false, dnt: false },
    });
  });
});

describe('never breaks a decision', () => {
  it.each([
    [
      'sendBeacon throws',
      {
        beacon: () => {
          throw new Error('blocked');
        },
      },
    ],
    ['the request fails', { beacon: undefined, fetch: () => Promise.reject(new TypeError('offline')) }],
    [
      'fetch throws at once',
      {
        beacon: undefined,
        fetch: () => {
          throw new TypeError('no fetch');
        },
      },
    ],
    ['neither exists', { beacon: undefined, fetch: undefined }],
  ] as Array<[string, { beacon: unknown; fetch?: unknown }]>)('when %s', async (_, options) => {
    stub(navigator, 'sendBeacon', options.beacon);
    if ('fetch' in options) vi.stubGlobal('fetch', options.fetch);
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const consent = createConsent({ log: { endpoint: ENDPOINT } });
      const changed = vi.fn();
      consent.on('change', changed);
      expect(() => consent.acceptAll()).not.toThrow();
      expect([consent.granted('analytics'), consent.decided, changed.mock.calls.length]).toEqual([true, true, 1]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
