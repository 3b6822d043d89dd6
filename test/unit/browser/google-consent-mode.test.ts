import { afterEach, describe, expect, it } from 'vitest';
import { googleAnalytics } from '../../../presets/google-analytics';
import { metaPixel } from '../../../presets/meta-pixel';
import { createConsent, type ConsentConfig } from '../../../src/index';
import { startGoogleConsentMode } from '../../../src/browser/google-consent-mode';
import { startPresets } from '../../../src/browser/presets-runtime';
import { clearCookies, plain, stub } from '../helpers';
import { DENIED, GRANTED } from '../../fixtures/consent-mode';

const w = window as unknown as { dataLayer?: unknown[]; gtag?: unknown };
const GA = googleAnalytics({ id: 'G-ABC123' });

const start = (config: ConsentConfig) => {
  const consent = createConsent({ mode: 'opt-in', presets: [GA], ...config });
  startGoogleConsentMode(consent);
  return consent;
};
const layer = () => plain(w.dataLayer ?? []) as unknown[][];

describe('startGoogleConsentMode', () => {
  afterEach(() => {
    delete w.dataLayer;
    delete w.gtag;
    clearCookies();
  });

  it('pushes the default as an arguments object, then redaction, and nothing else while undecided', () => {
    start({});
    expect(w.dataLayer).toHaveLength(2);
    expect(Object.prototype.toString.call(w.dataLayer![0])).toBe('[object Arguments]');
    expect(layer()).toEqual([
      ['consent', 'default', { ...DENIED, wait_for_update: 500 }],
      ['set', 'ads_data_redaction', true],
    ]);
    expect(typeof w.gtag).toBe('function');
  });

  it('pushes an update on every change and lifts redaction while ad_storage is granted', () => {
    const consent = start({});
    consent.acceptAll();
    consent.update({ advertising: false });
    expect(layer().slice(2)).toEqual([
      ['consent', 'update', GRANTED],
      ['set', 'ads_data_redaction', false],
      ['consent', 'update', { ...GRANTED, ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }],
      ['set', 'ads_data_redaction', true],
    ]);
  });

  it('pushes the update before the decision is stored, and stops when told to', () => {
    const consent = createConsent({ mode: 'opt-in', presets: [GA] });
    const stop = startGoogleConsentMode(consent)!;
    const storedWhenUpdated: boolean[] = [];
    const push = w.dataLayer!.push.bind(w.dataLayer);
    w.dataLayer!.push = (...items: unknown[]) => {
      storedWhenUpdated.push(/(^|; )consentry=/.test(document.cookie));
      return push(...items);
    };
    consent.acceptAll();
    expect(storedWhenUpdated).toEqual([false, false]);
    stop();
    consent.rejectAll();
    expect(storedWhenUpdated).toHaveLength(2);
  });

  it('pushes the stored decision right after the default on the next page', () => {
    start({}).update({ analytics: true });
    delete w.dataLayer;
    start({});
    expect(layer()).toEqual([
      ['consent', 'default', { ...DENIED, wait_for_update: 500 }],
      ['set', 'ads_data_redaction', true],
      ['consent', 'update', { ...DENIED, analytics_storage: 'granted' }],
    ]);
  });

  it('keeps the ad types denied after accept-all when GPC is on', () => {
    stub(navigator, 'globalPrivacyControl', true);
    start({}).acceptAll();
    expect(layer()[2]).toEqual(['consent', 'update', { ...DENIED, analytics_storage: 'granted' }]);
    expect(layer()).toHaveLength(3);
  });

  it('in opt-out mode reports the granted defaults right away', () => {
    start({ mode: 'opt-out' });
    expect(layer()[2]).toEqual(['consent', 'update', GRANTED]);
  });

  it('maps custom categories to functionality and personalization storage', () => {
    const consent = start({
      categories: {
        functional: { google: ['functionality_storage'] },
        personal: { google: ['personalization_storage'] },
      },
    });
    consent.update({ functional: true });
    expect(layer()[2]).toEqual(['consent', 'update', { ...DENIED, functionality_storage: 'granted' }]);
  });

  it('honours waitForUpdate, and googleConsentMode: true without Google presets', () => {
    start({ presets: [], googleConsentMode: { waitForUpdate: 1500 } });
    expect(layer()[0]).toEqual(['consent', 'default', { ...DENIED, wait_for_update: 1500 }]);
    delete w.dataLayer;
    start({ presets: [], googleConsentMode: true });
    expect(layer()).toHaveLength(2);
  });

  it('stays off without a Google preset, or when turned off explicitly', () => {
    start({ presets: [metaPixel({ id: '1234567890123456' })] });
    start({ googleConsentMode: false });
    expect(w.dataLayer).toBeUndefined();
    expect(w.gtag).toBeUndefined();
  });

  it('puts the default ahead of the GA tag commands in advanced mode', () => {
    const consent = start({ googleConsentMode: { mode: 'advanced' } });
    startPresets(consent);
    expect(layer().map((call) => (call as unknown[]).slice(0, 2))).toEqual([
      ['consent', 'default'],
      ['set', 'ads_data_redaction'],
      ['js', expect.any(Date)],
      ['config', 'G-ABC123'],
    ]);
    expect(document.head.querySelector('script')!.src).toBe('https://www.googletagmanager.com/gtag/js?id=G-ABC123');
    document.head.innerHTML = '';
  });
});

describe('Consent Mode options', () => {
  afterEach(() => {
    delete w.dataLayer;
    delete w.gtag;
    clearCookies();
  });

  it('urlPassthrough sets url_passthrough right after the default, before any update', () => {
    const consent = start({ googleConsentMode: { urlPassthrough: true } });
    consent.acceptAll();
    expect(layer().slice(0, 4)).toEqual([
      ['consent', 'default', { ...DENIED, wait_for_update: 500 }],
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', true],
      ['consent', 'update', GRANTED],
    ]);
  });

  it('without urlPassthrough nothing about it is sent', () => {
    start({ googleConsentMode: { urlPassthrough: false } }).acceptAll();
    expect(layer().filter((call) => call[1] == 'url_passthrough')).toEqual([]);
  });

  it('adsDataRedaction: true keeps redacting after ad_storage is granted', () => {
    start({ googleConsentMode: { adsDataRedaction: true } }).acceptAll();
    expect(layer().filter((call) => call[1] == 'ads_data_redaction')).toEqual([['set', 'ads_data_redaction', true]]);
  });

  it('adsDataRedaction: false never sets it', () => {
    const consent = start({ googleConsentMode: { adsDataRedaction: false } });
    consent.acceptAll();
    consent.rejectAll();
    expect(layer().filter((call) => call[1] == 'ads_data_redaction')).toEqual([]);
  });

  it('the options are validated', () => {
    expect(() => start({ googleConsentMode: { urlPassthrough: 'yes' as never } })).toThrow(
      /googleConsentMode\.urlPassthrough/,
    );
  });
});
