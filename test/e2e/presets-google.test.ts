// Google presets in real Chromium: Consent Mode v2 defaults before any Google request, the tag
// loaded once after consent, the update that follows, GPC, a returning visitor, and GTM.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useChromium, fence } from './support/harness';
import { presetsPage, RECORD_DATALAYER } from './support/presets-page';
import { DENIED, GRANTED } from '../fixtures/consent-mode';

const GOOGLE = /google|doubleclick/;

const s = useChromium({ consoleErrors: true });
beforeAll(async () => {
  s.server.set(
    '/ga.html',
    presetsPage({ mode: 'opt-in', reloadOnRevoke: false, presets: [{ name: 'google-analytics', id: 'G-ABC123' }] }),
  );
  s.server.set(
    '/gtm.html',
    presetsPage({
      mode: 'opt-in',
      reloadOnRevoke: false,
      presets: [{ name: 'google-tag-manager', id: 'GTM-K9X2ZQ7' }],
    }),
  );
});
beforeEach(async () => {
  s.thirdParty.stub(
    'googletagmanager.com/',
    RECORD_DATALAYER + `(window.__ran = window.__ran || []).push(document.currentScript.src);`,
  );
});
afterEach(async () => {
  expect(s.errors).toEqual([]);
});

const open = async (path: string) => {
  await s.page.goto(s.server.origin + path);
  await s.page.waitForFunction(() => (window as any).started);
};
/** The page's dataLayer with each entry marked as an Arguments object or not. */
const dataLayer = (): Promise<Array<{ args: boolean; value: any }>> =>
  s.page.evaluate(() =>
    ((window as any).dataLayer as unknown[]).map((item) => {
      const args = Object.prototype.toString.call(item) == '[object Arguments]';
      return { args, value: args ? Array.from(item as ArrayLike<unknown>) : item };
    }),
  );
const googleRequests = () =>
  s.thirdParty.requests.map((r) => r.url()).filter((url) => GOOGLE.test(new URL(url).hostname));
const gtagLoaded = () => s.page.waitForFunction(() => ((window as any).__ran ?? []).length > 0);

describe('google-analytics', () => {
  it('before consent: the dataLayer holds the default as an Arguments object and nothing went to Google', async () => {
    await open('/ga.html');
    const layer = await dataLayer();
    expect(layer[0]).toEqual({ args: true, value: ['consent', 'default', { ...DENIED, wait_for_update: 500 }] });
    expect(layer).toHaveLength(2);
    await fence(s.page);
    expect(googleRequests()).toEqual([]);
  });

  it('after accept: gtag.js is requested once, after the default, and an update with granted follows', async () => {
    await open('/ga.html');
    await s.page.evaluate(() => (window as any).consent.acceptAll());
    await gtagLoaded();
    expect(s.thirdParty.hits('googletagmanager.com/gtag/js')).toEqual([
      'https://www.googletagmanager.com/gtag/js?id=G-ABC123',
    ]);
    const saw = (await s.page.evaluate(() => (window as any).__sawDataLayer)) as Array<{
      args: boolean;
      value: unknown[];
    }>;
    expect(saw[0]).toEqual({
      args: true,
      value: ['consent', 'default', expect.objectContaining({ analytics_storage: 'denied' })],
    });
    const commands = saw.filter((item) => item.args).map((item) => item.value.slice(0, 2));
    expect(commands.slice(0, 5)).toEqual([
      ['consent', 'default'],
      ['set', 'ads_data_redaction'],
      ['consent', 'update'],
      ['set', 'ads_data_redaction'],
      ['js', expect.anything()],
    ]);
    expect(saw.find((item) => item.value[1] == 'update')!.value[2]).toEqual(GRANTED);
    expect(commands).toContainEqual(['config', 'G-ABC123']);
  });

  it('with GPC on, accept-all leaves the ad types denied', async () => {
    await s.context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
    await open('/ga.html');
    await s.page.evaluate(() => (window as any).consent.acceptAll());
    await gtagLoaded();
    const updates = (await dataLayer()).filter((item) => item.args && item.value[1] == 'update');
    expect(updates.map((item) => item.value[2])).toEqual([{ ...DENIED, analytics_storage: 'granted' }]);
  });

  it('a returning visitor gets the stored choice right after the default, and the tag at once', async () => {
    await open('/ga.html');
    await s.page.evaluate(() => (window as any).consent.update({ analytics: true }));
    await gtagLoaded();
    await open('/ga.html');
    await gtagLoaded();
    const layer = await dataLayer();
    expect(layer.slice(0, 3).map((item) => [item.args, ...item.value.slice(0, 2)])).toEqual([
      [true, 'consent', 'default'],
      [true, 'set', 'ads_data_redaction'],
      [true, 'consent', 'update'],
    ]);
    expect(layer[2]!.value[2]).toEqual({ ...DENIED, analytics_storage: 'granted' });
    expect(s.thirdParty.hits('gtag/js')).toHaveLength(2);
  });

  it('reject-all loads nothing from Google and pushes a denied update', async () => {
    await open('/ga.html');
    await s.page.evaluate(() => (window as any).consent.rejectAll());
    await fence(s.page);
    expect(googleRequests()).toEqual([]);
    expect((await dataLayer()).filter((item) => item.value[1] == 'update').map((item) => item.value[2])).toEqual([
      DENIED,
    ]);
  });
});

describe('google-tag-manager (as analytics)', () => {
  it('loads the container only after consent, with the consent default ahead of it in the dataLayer', async () => {
    await open('/gtm.html');
    await fence(s.page);
    expect(googleRequests()).toEqual([]);
    await s.page.evaluate(() => (window as any).consent.acceptAll());
    await gtagLoaded();
    expect(s.thirdParty.hits('googletagmanager.com')).toEqual([
      'https://www.googletagmanager.com/gtm.js?id=GTM-K9X2ZQ7',
    ]);
    const saw = (await s.page.evaluate(() => (window as any).__sawDataLayer)) as Array<{ args: boolean; value: any }>;
    const defaultAt = saw.findIndex((item) => item.args && item.value[1] == 'default');
    const gtmAt = saw.findIndex((item) => !item.args && item.value.event == 'gtm.js');
    expect(defaultAt).toBe(0);
    expect(gtmAt).toBeGreaterThan(defaultAt);
    expect(
      saw
        .slice(0, gtmAt)
        .some((item) => item.args && item.value[1] == 'update' && item.value[2].analytics_storage == 'granted'),
    ).toBe(true);
  });
});
