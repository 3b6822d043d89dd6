// The GPP part on a real consent instance (jsdom): startGpp serves `__gpp` from the instance,
// stores the string with each decision (cookie, record, log), follows decisions made in another
// tab, stops, refuses an invalid `gpp`, and the debug report prints what `__gpp` answers.
import { GppModel } from '@iabgpp/cmpapi';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installGpp, type GppWindow } from '../../../src/browser/gpp/api';
import { startGpp } from '../../../src/browser/gpp/start-gpp';
import { startConsentLog } from '../../../src/browser/consent-log/start-consent-log';
import { debugReport } from '../../../src/browser/debug-report';
import { decodeRecord } from '../../../src/core/store/record-codec';
import { ConsentConfigError, createConsent, type ConsentConfig } from '../../../src/index';
import { clearCookies, nextTask } from '../helpers';

const win = window as GppWindow;
const US: ConsentConfig = { mode: 'auto', region: 'US-CA', gpp: {} };

const ping = (): Record<string, any> => {
  let answer: Record<string, any> = {};
  win.__gpp!('ping', (data: Record<string, any>) => (answer = data));
  return answer;
};
const decoded = (gpp: string) => new GppModel(gpp).toObject() as Record<string, Record<string, unknown>>;
const cookieValue = () => decodeURIComponent(/consentry=([^;]*)/.exec(document.cookie)?.[1] ?? '');

afterEach(() => {
  delete win.__gpp;
  for (const frame of document.querySelectorAll('iframe')) frame.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  clearCookies();
});

describe('startGpp', () => {
  it('serves the signal of the instance, ready at once', () => {
    const consent = createConsent(US);
    startGpp(consent);
    expect(ping()).toMatchObject({ cmpStatus: 'loaded', signalStatus: 'ready', applicableSections: [7], cmpId: 1 });
    expect(decoded(ping().gppString).usnat).toMatchObject({ SaleOptOut: 2, MspaCoveredTransaction: 2 });
    expect(document.querySelectorAll('iframe[name="__gppLocator"]')).toHaveLength(1);
  });

  it('stores the string with each decision: the cookie, the record and the log beacon carry it', async () => {
    const post = vi.fn((..._args: unknown[]) => Promise.resolve(new Response(null, { status: 204 })));
    vi.stubGlobal('fetch', post);
    const config = { ...US, log: { endpoint: '/v1/records' } };
    const consent = createConsent(config);
    // The consent log is a runtime part (gate() and the script tag start it).
    const stopLog = startConsentLog(consent);
    startGpp(consent);
    consent.rejectAll('banner');
    const served = ping().gppString as string;
    expect(decoded(served).usnat).toMatchObject({ SaleOptOut: 1 });
    expect(consent.record.gpp).toBe(served);
    expect(decodeRecord(cookieValue())?.gpp).toBe(served);
    await nextTask();
    stopLog();
    localStorage.clear();
    const bodies = post.mock.calls.map(([, init]) => JSON.parse((init as RequestInit).body as string));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ action: 'reject-all', consentId: consent.record.id, gpp: served });
    // A later instance (the next page) reads the stored record with its string.
    expect(createConsent(US).record.gpp).toBe(served);
  });

  it('follows a decision another tab stored (refresh), in the event order of the specification', () => {
    const consent = createConsent(US);
    startGpp(consent);
    const events: unknown[] = [];
    win.__gpp!('addEventListener', (event: Record<string, unknown>) => events.push([event.eventName, event.data]));
    // Another tab: the same cookie written by a second instance.
    createConsent(US).rejectAll('banner');
    consent.refresh();
    expect(events).toEqual([
      ['listenerRegistered', true],
      ['signalStatus', 'not ready'],
      ['sectionChange', 'usnat'],
      ['signalStatus', 'ready'],
    ]);
    expect(decoded(ping().gppString).usnat).toMatchObject({ SaleOptOut: 1 });
  });

  it('stop(): no more updates, and decisions are stored without a string', () => {
    const consent = createConsent(US);
    const handle = startGpp(consent);
    const before = ping().gppString;
    handle.stop();
    consent.rejectAll();
    expect(ping().gppString).toBe(before);
    expect(consent.record.gpp).toBeUndefined();
  });

  it('throws a ConsentConfigError with gpp paths for an invalid gpp (npm use)', () => {
    const consent = createConsent({ ...US, gpp: { sections: ['usxx'] } as never });
    expect(() => startGpp(consent)).toThrow(ConsentConfigError);
    try {
      startGpp(consent);
    } catch (error) {
      expect((error as ConsentConfigError).errors[0]!.path).toBe('gpp.sections[0]');
    }
  });

  it('a config without gpp: __gpp, its listener and its frame are taken away again, with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const api = installGpp(win);
    expect(typeof win.__gpp).toBe('function');
    startGpp(createConsent({ mode: 'opt-out' }), { api });
    expect(win.__gpp).toBeUndefined();
    expect(document.querySelector('iframe[name="__gppLocator"]')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('the config has no "gpp"'));
  });

  it('queues what the stub cannot answer and answers it, in order, once loaded', () => {
    const api = installGpp(win);
    const order: unknown[] = [];
    win.__gpp!('usnat.custom', (data: unknown, success: boolean) => order.push(['custom', data, success]));
    win.__gpp!(
      'getField',
      (data: unknown, success: boolean) => order.push(['getField', data, success]),
      'usnat.SaleOptOut',
    );
    expect(order).toEqual([['getField', null, true]]);
    startGpp(createConsent(US), { api });
    // No section-specific command is supported: answered with success false once loaded.
    expect(order).toEqual([
      ['getField', null, true],
      ['custom', null, false],
    ]);
  });
});

describe('the debug report', () => {
  it('prints what __gpp answers for a site with gpp, or that it is missing', () => {
    const tables: unknown[] = [];
    vi.spyOn(console, 'table').mockImplementation((data) => void tables.push(data));
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'group').mockImplementation(() => {});
    vi.spyOn(console, 'groupEnd').mockImplementation(() => {});
    const consent = createConsent(US);
    debugReport(consent);
    expect(tables.at(-1)).toEqual({ gpp: 'window.__gpp is missing: is gpp.js loaded before consentry.js?' });
    startGpp(consent);
    debugReport(consent);
    expect(tables.at(-1)).toEqual({
      gpp: {
        cmpStatus: 'loaded',
        signalStatus: 'ready',
        cmpDisplayStatus: 'hidden',
        applicableSections: '7',
        gppString: ping().gppString,
      },
    });
    // Sites without gpp get no GPP table.
    const before = tables.length;
    debugReport(createConsent({ mode: 'opt-out' }));
    expect(tables.length - before).toBe(5);
  });
});

describe('consentry/gpp (the npm entry)', () => {
  it('startGpp serves __gpp for an npm app and stops following its decisions on stop()', async () => {
    const { startGpp: startFromEntry } = await import('../../../src/gpp');
    const consent = createConsent(US);
    const handle = startFromEntry(consent);
    expect(ping()).toMatchObject({ cmpStatus: 'loaded', applicableSections: [7] });
    consent.rejectAll('banner');
    expect(decoded(ping().gppString).usnat).toMatchObject({ SaleOptOut: 1 });
    handle.stop();
    consent.acceptAll('banner');
    // Stopped: the last signal stays, and the decision is stored without a GPP string.
    expect(decoded(ping().gppString).usnat).toMatchObject({ SaleOptOut: 1 });
    expect(consent.record.gpp).toBeUndefined();
  });
});

describe('cmpDisplayStatus', () => {
  it('is "hidden" while a banner is still to be shown, null for a visitor whose only UI is the reopen link', () => {
    const first = createConsent(US);
    const handle = startGpp(first);
    expect(ping().cmpDisplayStatus).toBe('hidden');
    first.rejectAll('banner');
    handle.stop();
    handle.api.remove();
    // The next page: decided before, so no banner, and nothing shown yet.
    startGpp(createConsent(US));
    expect(ping().cmpDisplayStatus).toBeNull();
  });
});
