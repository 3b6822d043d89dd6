// The twelve add-on presets in real Chromium, through the script tag as a site uses them: one
// add-on file per vendor before consentry.js, vendor hosts intercepted and answered by stubs
// that record the calls the official loaders make. Nothing before consent, each loader once
// after it, consent APIs told on withdrawal and re-grant, declared cookies deleted, and
// auto-blocking holding each vendor's hosts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';
import { ADD_ON_STUBS, PH_KEY } from './support/vendor-stubs';
import { ROOT } from '../support/root';

const MAPS_KEY = 'AIzaSyA1234567890abcdefghijklmnopqrstuv';
const PRESETS = [
  { name: 'microsoft-clarity', id: 'abcdef1234' },
  { name: 'hotjar', id: '1234567' },
  { name: 'youtube', noCookie: true, api: true },
  { name: 'vimeo', doNotTrack: true, api: true },
  { name: 'google-maps', apiKey: MAPS_KEY, callback: 'initMap' },
  { name: 'x-pixel', id: 'o1abc' },
  { name: 'snapchat-pixel', id: 'c9215353-76c9-4423-a615-21b4ac088222' },
  { name: 'reddit-pixel', id: 'a2_abcdef123456' },
  { name: 'pinterest-tag', id: '2613041334883' },
  { name: 'hubspot', id: '1234567' },
  { name: 'intercom', id: 'abc12345' },
  { name: 'posthog', apiKey: PH_KEY },
];
/** The loader URL each official snippet requests, in the order of PRESETS. */
const LOADERS = [
  'https://www.clarity.ms/tag/abcdef1234',
  'https://static.hotjar.com/c/hotjar-1234567.js?sv=6',
  'https://www.youtube.com/iframe_api',
  'https://player.vimeo.com/api/player.js',
  `https://maps.googleapis.com/maps/api/js?key=${MAPS_KEY}&loading=async&callback=initMap`,
  'https://static.ads-twitter.com/uwt.js',
  'https://sc-static.net/scevent.min.js',
  'https://www.redditstatic.com/ads/pixel.js',
  'https://s.pinimg.com/ct/core.js',
  'https://js.hs-scripts.com/1234567.js',
  'https://widget.intercom.io/widget/abc12345',
  'https://us-assets.i.posthog.com/static/array.js',
];
const ADD_ON_TAGS = PRESETS.map(({ name }) => `<script src="/dist/presets/${name}.js"></script>`).join('\n');
const CONFIG = { mode: 'opt-in', reloadOnRevoke: false, presets: PRESETS };
const EMBEDS = `<iframe title="video" data-consent="advertising" data-src="https://www.youtube.com/embed/abc"></iframe>
<iframe title="clip" data-consent="analytics" data-src="https://player.vimeo.com/video/76979871"></iframe>`;

/** The add-on tags go before consentry.js, as the README says. */
const addOnsPage = (config: unknown, body = '', head = '') =>
  scriptTagPage(config, { body, head }).replace(
    '<script src="/dist/consentry.js"',
    `${ADD_ON_TAGS}\n${head}<script src="/dist/consentry.js"`,
  );

const s = useChromium({ consoleErrors: true });
beforeAll(() => {
  s.server.set('/addons.html', addOnsPage(CONFIG, EMBEDS));
  s.server.set('/autoblock-hosts.html', addOnsPage({ ...CONFIG, autoBlock: true }, PAGE_MADE));
  s.server.set('/missing.html', scriptTagPage({ presets: [{ name: 'hotjar', id: '1234567' }] }));
  // The add-on's tag is there, but its file is not served (a `copy` that left it out): a 404.
  s.server.set(
    '/missing-file.html',
    scriptTagPage({ presets: [{ name: 'hotjar', id: '1234567' }] }).replace(
      '<script src="/dist/consentry.js"',
      '<script src="/consentry/presets/hotjar.js"></script>\n$&',
    ),
  );
  // The pages as real sites write them: Hotjar's snippet verbatim and a script-made YouTube embed.
  s.server.set(
    '/autoblock.html',
    scriptTagPage(
      { mode: 'opt-in', autoBlock: true, presets: [{ name: 'hotjar', id: '1234567' }, { name: 'youtube' }] },
      {
        // An embed library's way: an iframe made in script (HTML-parsed iframes are not covered).
        body: `<script>
    var player = document.createElement('iframe');
    player.title = 'video';
    player.src = 'https://www.youtube.com/embed/abc';
    document.body.appendChild(player);
</script>`,
        head: `<script>
    (function(h,o,t,j,a,r){
        h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};
        h._hjSettings={hjid:1234567,hjsv:6};
        a=o.getElementsByTagName('head')[0];
        r=o.createElement('script');r.async=1;
        r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;
        a.appendChild(r);
    })(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');
</script>`,
      },
    ).replace('<script src="/dist/consentry.js"', `${ADD_ON_TAGS}\n<script src="/dist/consentry.js"`),
  );
});
/** A request the page itself makes to each add-on preset's hosts (not the preset's own loader). */
const PAGE_REQUESTS: Array<[tag: 'script' | 'img', url: string]> = [
  ['script', 'https://scripts.clarity.ms/0.8/clarity.js'],
  ['script', 'https://script.hotjar.com/modules.js'],
  ['img', 'https://i.ytimg.com/vi/abc/hqdefault.jpg'],
  ['img', 'https://i.vimeocdn.com/video/123_640.jpg'],
  ['img', 'https://maps.gstatic.com/mapfiles/marker.png'],
  ['img', 'https://analytics.twitter.com/i/adsct?txn_id=o1abc'],
  ['img', 'https://tr.snapchat.com/p?pid=1'],
  ['img', 'https://alb.reddit.com/rp.gif?id=a2_abcdef123456'],
  ['img', 'https://ct.pinterest.com/v3/?tid=2613041334883&noscript=1'],
  ['script', 'https://js.hs-analytics.net/analytics/1700000000000/1234567.js'],
  ['script', 'https://js.intercomcdn.com/frame-modern.js'],
  ['script', 'https://us-assets.i.posthog.com/static/recorder.js'],
];
const PAGE_MADE = `<script>
  ${JSON.stringify(PAGE_REQUESTS)}.forEach(function (request) {
    var el = document.createElement(request[0]);
    el.src = request[1];
    document.body.appendChild(el);
  });
</script>`;

beforeEach(() => {
  for (const [part, body] of Object.entries(ADD_ON_STUBS)) s.thirdParty.stub(part, body);
});
afterEach(() => {
  expect(s.errors.filter((e) => !e.includes('presets/hotjar.js'))).toEqual([]);
});

const open = async (path: string) => {
  await s.page.goto(s.server.origin + path);
  await s.page.waitForFunction(() => (window as any).Consentry);
};
const calls = () => s.page.evaluate(() => ((window as any).__calls ?? []) as unknown[][]);
const consent = (method: 'acceptAll' | 'rejectAll' | 'update', choices?: Record<string, boolean>) =>
  s.page.evaluate(([m, c]) => (window as any).Consentry[m as string](c), [method, choices] as const);
const loaderHits = () => LOADERS.map((url) => s.thirdParty.hits(url).length);
const allLoaded = () =>
  s.page.waitForFunction(
    (names) => names.every((name) => ((window as any).__calls ?? []).some((call: unknown[]) => call[0] == name)),
    [
      'clarity',
      'hotjar',
      'twq',
      'snaptr',
      'rdt',
      'pintrk',
      '_hsp',
      'intercomSettings',
      'posthog.init',
      'youtube-api',
      'vimeo-sdk',
      'maps',
    ],
  );

describe('before consent', () => {
  it('requests nothing from any vendor, no thumbnail either, also after a refusal', async () => {
    await open('/addons.html');
    expect(s.thirdParty.requests.map((r) => r.url())).toEqual([]);
    await consent('rejectAll');
    // The refusal is stored once the banner's own work is done; then still nothing went out.
    await s.page.waitForFunction(() => document.cookie.includes('consentry='));
    expect(s.thirdParty.requests.map((r) => r.url())).toEqual([]);
    expect(s.thirdParty.hits('ytimg.com')).toEqual([]);
    expect(s.thirdParty.hits('vimeocdn.com')).toEqual([]);
  });
});

describe('after consent', () => {
  it('requests each vendor loader exactly once, even when consent is given twice', async () => {
    await open('/addons.html');
    await consent('acceptAll');
    await allLoaded();
    await consent('update', { analytics: false, advertising: false });
    await consent('acceptAll');
    await s.page.waitForFunction(() => ((window as any).__calls ?? []).some((c: unknown[]) => c[1] == 'boot'));
    expect(loaderHits()).toEqual(LOADERS.map(() => 1));
  });

  it('each stub sees the documented calls in order', async () => {
    await open('/addons.html');
    await consent('acceptAll');
    await allLoaded();
    const seen = await calls();
    const of = (name: string) => seen.filter((call) => call[0] == name).map((call) => call.slice(1));
    expect(of('clarity')).toEqual([['consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }]]);
    expect(of('hotjar')).toEqual([[{ hjid: 1234567, hjsv: 6 }]]);
    expect(of('twq')).toEqual([['config', 'o1abc']]);
    expect(of('snaptr')).toEqual([
      ['init', 'c9215353-76c9-4423-a615-21b4ac088222'],
      ['track', 'PAGE_VIEW'],
    ]);
    expect(of('rdt')).toEqual([
      ['init', 'a2_abcdef123456'],
      ['track', 'PageVisit'],
    ]);
    expect(of('pintrk')).toEqual([['load', '2613041334883'], ['page']]);
    expect(of('_hsp')).toEqual([['setHubSpotConsent', { analytics: true, advertisement: true, functionality: true }]]);
    expect(of('intercomSettings')).toEqual([[{ app_id: 'abc12345' }]]);
    expect(of('posthog.init')).toEqual([
      [PH_KEY, { api_host: 'https://us.i.posthog.com', defaults: '2025-05-24' }, 'posthog'],
    ]);
    expect(await s.page.evaluate(() => (window as any).disableHubSpotCookieBanner)).toBe(true);
  });

  it('embeds load from youtube-nocookie.com and with dnt=1 once granted', async () => {
    await open('/addons.html');
    const youtube = s.page.waitForRequest((request) =>
      request.url().startsWith('https://www.youtube-nocookie.com/embed/abc'),
    );
    const vimeo = s.page.waitForRequest((request) => request.url() == 'https://player.vimeo.com/video/76979871?dnt=1');
    await consent('acceptAll');
    await Promise.all([youtube, vimeo]);
    expect(s.thirdParty.hits('https://www.youtube.com/embed/')).toEqual([]);
  });
});

describe('a returning visitor who allowed everything', () => {
  it('gets the embeds from youtube-nocookie.com and with dnt=1 right away', async () => {
    await open('/addons.html');
    await consent('acceptAll');
    const youtube = s.page.waitForRequest((request) =>
      request.url().startsWith('https://www.youtube-nocookie.com/embed/abc'),
    );
    const vimeo = s.page.waitForRequest((request) => request.url() == 'https://player.vimeo.com/video/76979871?dnt=1');
    await s.page.reload();
    await Promise.all([youtube, vimeo]);
    expect(s.thirdParty.hits('https://www.youtube.com/embed/')).toEqual([]);
    expect(s.thirdParty.hits('https://player.vimeo.com/video/76979871')).not.toContain(
      'https://player.vimeo.com/video/76979871',
    );
  });
});

describe('on change', () => {
  it('tells each consent API on withdrawal and re-grant, in order', async () => {
    await open('/addons.html');
    await consent('acceptAll');
    await allLoaded();
    const before = (await calls()).length;
    await consent('update', { analytics: false, advertising: false });
    await consent('update', { analytics: true, advertising: true });
    const granted = { analytics: true, advertisement: true, functionality: true };
    const denied = { analytics: false, advertisement: false, functionality: false };
    expect((await calls()).slice(before)).toEqual([
      ['_hsp', 'revokeCookieConsent'],
      ['_hsp', 'setHubSpotConsent', denied],
      ['Intercom', 'shutdown'],
      ['posthog.opt_out_capturing'],
      ['clarity', 'consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
      ['_hsp', 'setHubSpotConsent', granted],
      ['Intercom', 'boot', { app_id: 'abc12345' }],
      ['posthog.opt_in_capturing'],
      ['clarity', 'consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }],
    ]);
  });

  it('withdrawal deletes the cookies and keys the presets declare', async () => {
    await open('/addons.html');
    await consent('acceptAll');
    await allLoaded();
    const names = async () => (await s.context.cookies()).map((c) => c.name).sort();
    // A page's `document.cookie` write reaches the browser's cookie store a moment later.
    await poll(names).toEqual(
      [
        '_clck',
        '_clsk',
        '_hjSession_1234567',
        '_hjSessionUser_1234567',
        '_pin_unauth',
        '_rdt_uuid',
        '_scid',
        '_twclid',
        '__hstc',
        'consentry',
        'hubspotutk',
        'intercom-id-abc12345',
        `ph_${PH_KEY}_posthog`,
      ].sort(),
    );
    // The vendors' storage keys are there too, so their removal below is the clean-up's doing.
    expect(await s.page.evaluate(() => Object.keys(localStorage).length)).toBeGreaterThan(0);
    await consent('update', { analytics: false, advertising: false });
    // The clean-up is its own file (consentry-cleanup.js), fetched on the first withdrawal.
    await poll(names).toEqual(['consentry']);
    await poll(() => s.page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  });
});

describe('auto-blocking and loading', () => {
  it('holds the hosts of add-on presets: a verbatim Hotjar snippet and a script-made YouTube iframe', async () => {
    await open('/autoblock.html');
    expect(s.thirdParty.requests.map((r) => r.url())).toEqual([]);
    const embed = s.page.waitForRequest('https://www.youtube.com/embed/abc');
    await consent('acceptAll');
    await embed;
    await s.page.waitForFunction(() => ((window as any).__calls ?? []).some((c: unknown[]) => c[0] == 'hotjar'));
    expect(s.thirdParty.hits('static.hotjar.com')).toEqual(['https://static.hotjar.com/c/hotjar-1234567.js?sv=6']);
  });

  it('holds what the page itself requests from each add-on preset’s hosts until consent', async () => {
    await open('/autoblock-hosts.html');
    const pageHits = () => PAGE_REQUESTS.map(([, url]) => s.thirdParty.hits(url).length);
    expect(pageHits()).toEqual(PAGE_REQUESTS.map(() => 0));
    expect(s.thirdParty.requests.map((r) => r.url())).toEqual([]);
    await consent('acceptAll');
    await poll(pageHits).toEqual(PAGE_REQUESTS.map(() => 1));
  });

  it('consentry.js carries none of the add-on presets: a site pays only for the ones it adds', () => {
    const scriptTag = readFileSync(join(ROOT, 'dist/consentry.js'), 'utf8');
    for (const url of LOADERS) expect(scriptTag).not.toContain(new URL(url).host + new URL(url).pathname);
  });

  it('an add-on file that fails to load is named with its URL and status, not asked for again', async () => {
    const messages: string[] = [];
    s.page.on('console', (message) => void messages.push(message.text()));
    await open('/missing-file.html');
    const url = `${s.server.origin}/consentry/presets/hotjar.js`;
    expect(messages.join('\n')).toContain(
      `presets[0].name: preset "hotjar" is not loaded: its file ${url} failed to load (HTTP 404)`,
    );
    expect(messages.join('\n')).not.toContain('<script src=');
    expect(await s.page.evaluate(() => (window as any).Consentry.error?.errors)).toEqual([
      { path: 'presets[0].name', message: expect.stringContaining('failed to load (HTTP 404)') },
    ]);
    expect(s.thirdParty.requests).toEqual([]);
    // The browser's own line for the 404, and ours: nothing else went wrong.
    expect(s.errors).toEqual([
      'Failed to load resource: the server responded with a status of 404 (Not Found)',
      expect.stringContaining('failed to load (HTTP 404)'),
    ]);
    s.errors.length = 0;
  });

  it('a config naming an add-on that is not loaded names the file to add', async () => {
    const messages: string[] = [];
    s.page.on('console', (message) => void messages.push(message.text()));
    await open('/missing.html');
    expect(messages.join('\n')).toContain('<script src=".../presets/hotjar.js"></script>');
    expect(s.thirdParty.requests).toEqual([]);
  });
});
