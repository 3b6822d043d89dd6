// Pendo and the ad pixels in real Chromium, vendor hosts intercepted and answered by stubs that
// behave like the SDKs (drain the queue, expose their consent API): nothing is requested before
// consent, the tag exactly once after, and each change reaches the vendor's own API.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useChromium, fence } from './support/harness';
import { presetsPage } from './support/presets-page';
import { VENDOR_STUBS } from './support/vendor-stubs';

const KEY = '0a1b2c3d-1111-4222-8333-444455556666';

const CONFIG = {
  mode: 'opt-in',
  reloadOnRevoke: false,
  presets: [
    { name: 'pendo', apiKey: KEY },
    { name: 'meta-pixel', id: '1234567890123456' },
    { name: 'tiktok-pixel', id: 'C4ABCDEFGH1234567890' },
    { name: 'microsoft-uet', id: '12345678' },
    { name: 'linkedin-insight', id: '123456' },
  ],
};
const HOSTS = ['cdn.pendo.io', 'connect.facebook.net', 'analytics.tiktok.com', 'bat.bing.com', 'snap.licdn.com'];

const s = useChromium({ consoleErrors: true });
beforeAll(async () => {
  s.server.set('/vendors.html', presetsPage(CONFIG));
});
beforeEach(async () => {
  for (const [part, body] of Object.entries(VENDOR_STUBS)) s.thirdParty.stub(part, body);
  await s.page.goto(s.server.origin + '/vendors.html');
  await s.page.waitForFunction(() => (window as any).started);
});
afterEach(async () => {
  expect(s.errors).toEqual([]);
});

const calls = () => s.page.evaluate(() => ((window as any).__calls ?? []) as unknown[][]);
const consent = (method: 'acceptAll' | 'rejectAll' | 'update', choices?: Record<string, boolean>) =>
  s.page.evaluate(([m, c]) => (window as any).consent[m as string](c), [method, choices] as const);
const hostHits = () => Object.fromEntries(HOSTS.map((host) => [host, s.thirdParty.hits(host).length]));
/** Waits until every stub has run once. */
const allLoaded = () =>
  s.page.waitForFunction(() => {
    const names = ((window as any).__calls ?? []).map((call: unknown[]) => String(call[0]));
    return ['pendo.', 'fbq', 'ttq.', 'UET', 'insight'].every((name) => names.some((n: string) => n.startsWith(name)));
  });
const cookies = async () => (await s.context.cookies()).map((c) => c.name);

describe('before consent', () => {
  it('requests nothing from any vendor, also after a refusal', async () => {
    // Every vendor request the page started is logged once its fence is answered.
    const vendorRequests = () =>
      s.thirdParty.requests.map((r) => r.url()).filter((url) => !url.includes('fence.example'));
    await fence(s.page);
    expect(vendorRequests()).toEqual([]);
    await consent('rejectAll');
    await fence(s.page);
    expect(vendorRequests()).toEqual([]);
  });

  it('site code can queue Pendo calls, which the agent runs once it arrives', async () => {
    await s.page.evaluate(() => (window as any).pendo.initialize({ visitor: { id: 'v1' } }));
    await consent('update', { analytics: true });
    await s.page.waitForFunction(() => ((window as any).__calls ?? []).length > 0);
    expect(await calls()).toEqual([['pendo.agent'], ['pendo.initialize', { visitor: { id: 'v1' } }]]);
    expect(s.thirdParty.hits('cdn.')).toEqual([`https://cdn.pendo.io/agent/static/${KEY}/pendo.js`]);
    expect(hostHits()).toEqual({
      'cdn.pendo.io': 1,
      'connect.facebook.net': 0,
      'analytics.tiktok.com': 0,
      'bat.bing.com': 0,
      'snap.licdn.com': 0,
    });
  });
});

describe('after consent', () => {
  it('requests each vendor tag exactly once, even when consent is given twice', async () => {
    await consent('acceptAll');
    await allLoaded();
    await consent('update', { advertising: false });
    await consent('acceptAll');
    await fence(s.page);
    expect(hostHits()).toEqual({
      'cdn.pendo.io': 1,
      'connect.facebook.net': 1,
      'analytics.tiktok.com': 1,
      'bat.bing.com': 1,
      'snap.licdn.com': 1,
    });
    expect(s.thirdParty.hits('tiktok')).toEqual([
      'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=C4ABCDEFGH1234567890&lib=ttq',
    ]);
  });

  it('each SDK starts with its init and page view', async () => {
    await consent('acceptAll');
    await allLoaded();
    const seen = await calls();
    expect(seen).toContainEqual(['fbq', 'init', '1234567890123456']);
    expect(seen).toContainEqual(['fbq', 'track', 'PageView']);
    expect(seen).toContainEqual(['ttq.page']);
    expect(seen).toContainEqual(['UET', '12345678']);
    expect(seen).toContainEqual(['uetq', 'pageLoad']);
    expect(seen).toContainEqual(['insight', ['123456']]);
  });
});

describe('on change', () => {
  it('withdrawing advertising tells Meta, TikTok and UET, in that order; granting again tells them again', async () => {
    await consent('acceptAll');
    await allLoaded();
    const before = (await calls()).length;
    await consent('update', { advertising: false });
    await consent('update', { advertising: true });
    expect((await calls()).slice(before)).toEqual([
      ['fbq', 'consent', 'revoke'],
      ['ttq.revokeConsent'],
      ['uetq', 'consent', 'update', { ad_storage: 'denied' }],
      ['fbq', 'consent', 'grant'],
      ['ttq.grantConsent'],
      ['uetq', 'consent', 'update', { ad_storage: 'granted' }],
    ]);
  });

  it('UET got its denied default before the tag, and the grant right after', async () => {
    await consent('acceptAll');
    await allLoaded();
    const uet = (await calls()).filter((call) => call[0] == 'uetq').map((call) => call[1]);
    expect(uet.slice(0, 6)).toEqual([
      'consent',
      'default',
      { ad_storage: 'denied' },
      'consent',
      'update',
      { ad_storage: 'granted' },
    ]);
  });

  it('withdrawing analytics stops and tears Pendo down and removes its keys and cookies', async () => {
    await consent('acceptAll');
    await allLoaded();
    expect(await s.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('_pendo_')).length)).toBe(
      2,
    );
    expect(await cookies()).toContain(`_pendo_accountId.${KEY}`);
    const before = (await calls()).length;
    await consent('update', { analytics: false });
    expect((await calls()).slice(before)).toEqual([
      ['pendo.stopSendingEvents'],
      ['pendo.stopGuides'],
      ['pendo.teardown'],
    ]);
    expect(await s.page.evaluate(() => Object.keys(localStorage))).toEqual(['site-owned']);
    expect((await cookies()).filter((name) => name.startsWith('_pendo_'))).toEqual([]);
  });
});
