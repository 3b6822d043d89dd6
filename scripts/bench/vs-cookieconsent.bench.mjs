// Consentry's script tag against vanilla-cookieconsent 3.1 and the other consent managers a site
// would compare it with (Orejime 3, Klaro, tarteaucitron, Osano's cookieconsent), in real
// Chromium, with the same job: analytics + advertising, GA4 and the Meta Pixel held until
// "accept all". Four Consentry pages (the plain tag, the same with `defer`, the site's own
// `consentry build` file, and `consentry.full.js` with the UI built in, which shows what fetching
// the UI separately costs a first visit) and a page without any consent library, the floor for
// paint times.
// Runs every page interleaved for N rounds (BENCH_ROUNDS, default 15), with no network emulation
// and with an emulated 4G link (BENCH_NETWORKS=1: the first only), and prints medians, min and
// max and each ratio to vanilla-cookieconsent. With BENCH_PROFILE=N it then records N Chromium
// CPU profiles per page and visit (not timed) and lists where the main thread spent its time.
// Writes its sections of scripts/bench/RESULTS.md. Never fails.
import { createServer } from 'node:http';
import { SourceMap } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, interceptThirdParty, scriptTagPage, SITE_DOMAIN } from '../../test/e2e/support/harness.ts';
import { BENCH_SITE } from '../size.mjs';
import { median, slug, writeSection } from './results.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS) || 15);
/** CPU profiles per page and visit, recorded after the timed rounds (0: none). */
const PROFILES = Math.max(0, Number(process.env.BENCH_PROFILE) || 0);
const GA = 'www.googletagmanager.com/gtag/js';
const GA_ID = 'G-BENCH1234';
const META_ID = '1234567890123456';
/** Emulated 4G: ~40 ms RTT, 9 Mbit/s down, 1.5 Mbit/s up (CDP throughputs are bytes/s). */
export const NETWORKS = [
  { name: 'no emulation', conditions: null },
  {
    name: '4G (40 ms RTT, 9/1.5 Mbit/s)',
    conditions: { offline: false, latency: 40, downloadThroughput: 9e6 / 8, uploadThroughput: 1.5e6 / 8 },
  },
].slice(0, Math.max(1, Number(process.env.BENCH_NETWORKS) || 2));

/**
 * Every page's content: a hero image larger than any banner, so the largest contentful paint
 * is the page's own, as on a real shop, and shows how long the consent script holds it up.
 */
const BODY = '<h1>Shop</h1><img src="/hero.svg" width="1200" height="500" alt=""><p>Products.</p>';
const HERO =
  '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="500"><rect width="1200" height="500" fill="#c8d6e5"/></svg>';

const ccConfig = {
  hideFromBots: false, // it hides itself from `navigator.webdriver` browsers, i.e. this benchmark
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, ads: {} },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We value your privacy',
          description: 'We use cookies for analytics and advertising. You can accept all, reject all or choose.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Customize',
        },
        preferencesModal: {
          title: 'Privacy preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save choices',
          closeIconLabel: 'Close',
          sections: [
            { title: 'Essential', description: 'Needed for the site to work.', linkedCategory: 'necessary' },
            {
              title: 'Analytics',
              description: 'Helps us understand how the site is used.',
              linkedCategory: 'analytics',
            },
            { title: 'Advertising', description: 'Measures and personalises ads.', linkedCategory: 'ads' },
          ],
        },
      },
    },
  },
};
/** The vendors' own snippets, as each consent manager's docs have a site hold them. */
export const GTAG_URL = `https://${GA}?id=${GA_ID}`;
export const GTAG_INLINE = `window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','${GA_ID}');`;
export const FBQ_INLINE = `!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init','${META_ID}');fbq('track','PageView');`;
export const page = (head) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
${head}
</head><body>${BODY}</body></html>`;

/** vanilla-cookieconsent: snippets held with `type="text/plain"`; its scripts deferred as its docs
 * recommend (it needs `<body>` to exist). */
const ccPage = page(`<link rel="stylesheet" href="/cc/cookieconsent.css">
<script type="text/plain" data-category="analytics" async src="${GTAG_URL}"></script>
<script type="text/plain" data-category="analytics">${GTAG_INLINE}</script>
<script type="text/plain" data-category="ads">${FBQ_INLINE}</script>
<script defer src="/cc/cookieconsent.umd.js"></script>
<script defer src="/cc-config.js"></script>`);

/** Orejime 3 (Preact, the closest peer): snippets inside `<template data-purpose>`, the standard
 * English build, configured through `window.orejimeConfig` (its README's set-up). */
const orejimeConfig = {
  privacyPolicyUrl: '/privacy',
  purposes: [
    {
      id: 'analytics',
      title: 'Analytics',
      description: 'Helps us understand how the site is used.',
      cookies: ['_ga', '/^_ga_/'],
    },
    { id: 'ads', title: 'Advertising', description: 'Measures and personalises ads.', cookies: ['_fbp'] },
  ],
};
const orejimePage = page(`<link rel="stylesheet" href="/peers/orejime/dist/orejime-standard.css">
<template data-purpose="analytics"><script async src="${GTAG_URL}"></script><script>${GTAG_INLINE}</script></template>
<template data-purpose="ads"><script>${FBQ_INLINE}</script></template>
<script>window.orejimeConfig=${JSON.stringify(orejimeConfig)}</script>
<script defer src="/peers/orejime/dist/orejime-standard-en.js"></script>`);

/** Klaro 0.7: snippets held with `type="text/plain"` and `data-name`, the file with its CSS built in. */
const klaroConfig = `var klaroConfig={acceptAll:true,services:[{name:'google-analytics',title:'Google Analytics',purposes:['analytics']},{name:'meta-pixel',title:'Meta Pixel',purposes:['advertising']}]};`;
const klaroPage = page(`<script>${klaroConfig}</script>
<script type="text/plain" data-type="text/javascript" data-name="google-analytics" async data-src="${GTAG_URL}"></script>
<script type="text/plain" data-type="text/javascript" data-name="google-analytics">${GTAG_INLINE}</script>
<script type="text/plain" data-type="text/javascript" data-name="meta-pixel">${FBQ_INLINE}</script>
<script defer src="/peers/klaro/dist/klaro.js"></script>`);

/** tarteaucitron 1.x: its own GA4 and Meta Pixel services (it fetches them, its texts and its CSS).
 * Its Google Consent Mode (on by default) loads gtag.js before consent, which this job does not allow. */
const tarteaucitronPage = page(`<script defer src="/peers/tarteaucitronjs/tarteaucitron.min.js"></script>
<script defer src="/tac-config.js"></script>`);
const tarteaucitronConfig = `tarteaucitron.init({privacyUrl:'/privacy',hashtag:'#tarteaucitron',cookieName:'tarteaucitron',orientation:'bottom',showAlertSmall:false,cookieslist:false,highPrivacy:true,AcceptAllCta:true,DenyAllCta:true,handleBrowserDNTRequest:false,googleConsentMode:false,mandatory:true,useExternalCss:false,useExternalJs:false});
tarteaucitron.user.gtagUa='${GA_ID}';(tarteaucitron.job=tarteaucitron.job||[]).push('gtag');
tarteaucitron.user.facebookpixelId='${META_ID}';tarteaucitron.job.push('facebookpixel');`;

/** Osano's cookieconsent 3 (the open-source banner): it holds nothing itself, so the site loads the
 * vendors from its callbacks once the visitor allowed, as its docs show. */
const osanoPage = page(`<link rel="stylesheet" href="/peers/cookieconsent/build/cookieconsent.min.css">
<script defer src="/peers/cookieconsent/build/cookieconsent.min.js"></script>
<script defer src="/osano-config.js"></script>`);
const osanoConfig = `function loadVendors(){var s=document.createElement('script');s.async=true;s.src=${JSON.stringify(GTAG_URL)};document.head.appendChild(s);${GTAG_INLINE}${FBQ_INLINE}}
window.cookieconsent.initialise({type:'opt-in',content:{message:'We use cookies for analytics and advertising.',allow:'Accept all',deny:'Reject all'},
onInitialise:function(){if(this.hasConsented())loadVendors()},onStatusChange:function(){if(this.hasConsented())loadVendors()}});`;
const oursPage = scriptTagPage(
  {
    categories: { analytics: {}, advertising: {} },
    presets: [
      { name: 'google-analytics', id: GA_ID },
      { name: 'meta-pixel', id: META_ID },
    ],
  },
  { body: BODY },
);

/** The same page with the tag deferred, as the README's default tag is when auto-blocking is off. */
const oursDeferPage = oursPage.replace('<script src="/dist/consentry.js"', '<script defer src="/dist/consentry.js"');
/** The deferred tag with the UI built in (consentry.full.js): one file, no second fetch before the banner. */
const oursFullPage = oursDeferPage.replace('/dist/consentry.js', '/dist/consentry.full.js');
/** The same site with the file `consentry build` makes for its config (written to /site/ at start). */
const siteBuildPage = page(`<script defer src="/site/consentry.js"></script>`);
/** The floor: the same page without any consent library (and so without any vendor tag). */
const barePage = page('');

const ACCEPT = '[data-consentry-action="accept-all"]';
/**
 * `banner`: the selector of the element whose visibility is "banner visible" (Consentry's is in a
 * shadow root); `accept`: the "accept all" button. `baseline`: the page every other is compared
 * with (vanilla-cookieconsent), `floor`: no library.
 */
export const SITES = [
  { name: 'Consentry', path: '/ours.html', accept: ACCEPT },
  { name: 'Consentry, defer', path: '/ours-defer.html', accept: ACCEPT },
  { name: 'Consentry, consentry build, defer', path: '/site.html', accept: ACCEPT },
  { name: 'Consentry, consentry.full.js, defer', path: '/ours-full.html', accept: ACCEPT },
  {
    name: 'vanilla-cookieconsent',
    path: '/cc.html',
    banner: '#cc-main .cm',
    accept: '#cc-main .cm [data-role="all"]',
    baseline: true,
  },
  { name: 'Orejime 3', path: '/orejime.html', banner: '.orejime-Banner', accept: '.orejime-Banner-saveButton' },
  {
    name: 'Klaro',
    path: '/klaro.html',
    banner: '.klaro .cookie-notice',
    accept: '.klaro .cookie-notice .cm-btn-success',
  },
  {
    name: 'tarteaucitron',
    path: '/tarteaucitron.html',
    banner: '#tarteaucitronAlertBig',
    accept: '#tarteaucitronPersonalize2',
  },
  { name: 'Osano cookieconsent', path: '/osano.html', banner: '.cc-window', accept: '.cc-window .cc-allow' },
  { name: 'no consent library', path: '/bare.html', floor: true },
];

const BASELINE = SITES.find((site) => site.baseline);
/** BENCH_PAGES=Consentry,Orejime runs only the pages whose name contains one of these (and the baseline and floor). */
const WANTED = process.env.BENCH_PAGES?.split(',').filter(Boolean);
const PAGES = SITES.filter(
  (site) => !WANTED || site.baseline || site.floor || WANTED.some((part) => site.name.includes(part)),
);
const FLOOR = SITES.find((site) => site.floor);

/**
 * A small static server that gzips like a production host (the e2e harness serves raw bytes).
 * `extraFiles`: more pages, by path.
 */
export function startBenchServer(siteDir, extraFiles = {}) {
  const files = {
    ...extraFiles,
    '/ours.html': oursPage,
    '/ours-defer.html': oursDeferPage,
    '/ours-full.html': oursFullPage,
    '/site.html': siteBuildPage,
    '/bare.html': barePage,
    '/hero.svg': HERO,
    '/cc.html': ccPage,
    '/cc-config.js': `CookieConsent.run(${JSON.stringify(ccConfig)});`,
    '/orejime.html': orejimePage,
    '/klaro.html': klaroPage,
    '/tarteaucitron.html': tarteaucitronPage,
    '/tac-config.js': tarteaucitronConfig,
    '/osano.html': osanoPage,
    '/osano-config.js': osanoConfig,
  };
  /** The peers' published files, from node_modules. */
  const PEERS = ['orejime', 'klaro', 'tarteaucitronjs', 'cookieconsent'];
  const read = (path) => {
    if (path in files) return Buffer.from(files[path]);
    if (path.startsWith('/site/')) {
      const file = join(siteDir, path.slice(6));
      return !path.includes('..') && existsSync(file) ? readFileSync(file) : null;
    }
    const peer = PEERS.find((name) => path.startsWith(`/peers/${name}/`));
    const file = path.startsWith('/cc/')
      ? `node_modules/vanilla-cookieconsent/dist/${path.slice(4)}`
      : peer
        ? `node_modules/${path.slice('/peers/'.length)}`
        : path.startsWith('/dist/')
          ? path.slice(1)
          : null;
    return file && !file.includes('..') && existsSync(ROOT + file) ? readFileSync(ROOT + file) : null;
  };
  const types = {
    html: 'text/html',
    js: 'text/javascript',
    css: 'text/css',
    json: 'application/json',
    svg: 'image/svg+xml',
  };
  const gzipped = new Map(); // compressed once, so compression time is not part of any measurement
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const body = read(path);
    if (!body) return void res.writeHead(404).end();
    const headers = {
      'content-type': `${types[path.split('.').pop()] ?? 'application/octet-stream'}; charset=utf-8`,
      'cache-control': 'no-cache',
    };
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    if (gzip && !gzipped.has(path)) gzipped.set(path, gzipSync(body, { level: 9 }));
    res
      .writeHead(200, gzip ? { ...headers, 'content-encoding': 'gzip' } : headers)
      .end(gzip ? gzipped.get(path) : body);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done({ server, origin: `http://www.${SITE_DOMAIN}:${server.address().port}` })),
  );
}

/** Runs in the page before anything else: records when the banner (`bannerSelector`, in the page or
 * in a shadow root) is first visible, the first-party bytes that had arrived by then, and when a GA
 * script element enters the document, all in ms since navigation start. The GA element is seen by a
 * MutationObserver, whose callback runs only once the task that inserted it has ended: that time
 * includes everything else the task does after the insertion. */
function probe(bannerSelector) {
  // The last entry is the page's largest contentful paint (the banner itself may be it).
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const visible = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const banner = () => {
    if (bannerSelector) return document.querySelector(bannerSelector);
    for (const host of document.querySelectorAll('body *')) {
      const found = host.shadowRoot?.querySelector('[data-consentry-banner]');
      if (found) return found;
    }
    return document.querySelector('[data-consentry-banner]');
  };
  // Bytes of the page's own origin received so far (headers and compressed body), as Resource Timing counts them.
  const firstPartyBytes = () =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((entry) => new URL(entry.name).origin === location.origin && entry.responseEnd > 0)
      .reduce((sum, entry) => sum + entry.transferSize, 0);
  const tick = () => {
    if (visible(banner())) {
      window.__bannerAt = performance.now();
      window.__bannerBytes = firstPartyBytes();
    } else if (performance.now() < 15000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  addEventListener('click', () => (window.__clickAt ??= performance.now()), true);
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (
          n.tagName === 'SCRIPT' &&
          (!n.type || n.type === 'text/javascript') &&
          n.src.includes('googletagmanager.com/gtag/js')
        )
          window.__gaAt ??= performance.now();
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Loads `url` in a fresh context (with `cookies` for a returning visitor) and measures it. With
 * `profile`, records a CPU profile of the page's main thread from navigation until it is idle
 * (and returns it instead of timings, which the profiler would distort).
 */
export async function visit(browser, url, network, site, cookies, profile = false) {
  const context = await browser.newContext();
  if (cookies) await context.addCookies(cookies);
  const page = await context.newPage();
  const third = await interceptThirdParty(page);
  const cdp = await context.newCDPSession(page);
  const firstParty = new Set();
  let bytes = 0;
  cdp.on(
    'Network.responseReceived',
    (e) => new URL(e.response.url).hostname.endsWith(SITE_DOMAIN) && firstParty.add(e.requestId),
  );
  cdp.on('Network.loadingFinished', (e) => firstParty.has(e.requestId) && (bytes += e.encodedDataLength));
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network.conditions) await cdp.send('Network.emulateNetworkConditions', network.conditions);
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  // A profile shows the page's own work only: no probe, no evaluation by the test driver.
  if (!profile) await page.addInitScript(probe, site.banner ?? null);
  const result = {};
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (profile) {
      await page.waitForLoadState('networkidle', { timeout: 10000 });
      result.profile = (await cdp.send('Profiler.stop')).profile;
      return result;
    }
    if (!cookies && !site.floor) await page.waitForFunction(() => window.__bannerAt, null, { timeout: 15000 });
    await page.waitForLoadState('networkidle', { timeout: 10000 });
    const { metrics } = await cdp.send('Performance.getMetrics');
    result.script = metrics.find((m) => m.name === 'ScriptDuration').value * 1000;
    result.tasks = metrics.find((m) => m.name === 'TaskDuration').value * 1000;
    result.cpu = metrics.find((m) => m.name === 'ThreadTime').value * 1000;
    result.bytes = bytes / 1000;
    const times = await page.evaluate(() => ({
      banner: window.__bannerAt,
      bannerBytes: window.__bannerBytes,
      ga: window.__gaAt,
      lcp: window.__lcp,
    }));
    result.lcp = times.lcp;
    if (site.floor) return result;
    if (cookies) {
      result.ga = times.ga;
      result.gaRequest = await page.evaluate(gaRequestStart, GA);
      result.bannerShown = times.banner !== undefined;
    } else {
      result.banner = times.banner;
      result.bannerBytes = times.bannerBytes / 1000;
      if (times.ga !== undefined || third.hits(GA).length) throw new Error(`${site.name}: GA requested before consent`);
      result.cookies = await acceptAll(page, site, context);
      result.accept = await page.evaluate(() => window.__gaAt - window.__clickAt);
      result.acceptRequest = (await page.evaluate(gaRequestStart, GA)) - (await page.evaluate(() => window.__clickAt));
      result.gaRequests = third.hits(GA).length;
    }
  } finally {
    await context.close();
  }
  return result;
}

/**
 * When the page's request for `gaUrl` started (Resource Timing `startTime`, ms since navigation start), or
 * undefined: the moment the browser began fetching gtag.js, whatever the inserting task did after.
 * https://www.w3.org/TR/resource-timing/#dom-performanceentry-starttime
 */
function gaRequestStart(gaUrl) {
  return performance.getEntriesByType('resource').find((entry) => entry.name.includes(gaUrl))?.startTime;
}

/** Clicks "accept all", waits for the GA tag and the network, and returns the cookies a returning visit brings. */
async function acceptAll(page, site, context) {
  await page.locator(site.accept).click();
  await page.waitForFunction(() => window.__gaAt, null, { timeout: 15000 });
  await page.waitForLoadState('networkidle', { timeout: 10000 });
  return context.cookies();
}

const METRICS = [
  { key: 'lcp', visit: 'first', label: 'First visit: largest contentful paint (ms)' },
  { key: 'bytes', visit: 'first', label: 'First visit: bytes transferred (KB, first-party, gzip)' },
  { key: 'bannerBytes', visit: 'first', label: 'First visit: bytes until the banner is visible (KB)' },
  { key: 'banner', visit: 'first', label: 'First visit: navigation → banner visible (ms)' },
  { key: 'script', visit: 'first', label: 'First visit: main-thread script time (ms)' },
  { key: 'tasks', visit: 'first', label: 'First visit: main-thread tasks (ms)' },
  { key: 'cpu', visit: 'first', label: 'First visit: main-thread CPU time (ms)' },
  { key: 'accept', visit: 'first', label: '"Accept all" click → GA tag seen, at the end of the click\'s task (ms)' },
  { key: 'acceptRequest', visit: 'first', label: '"Accept all" click → GA request starts (Resource Timing, ms)' },
  { key: 'lcp', visit: 'return', label: 'Returning visit: largest contentful paint (ms)' },
  { key: 'bytes', visit: 'return', label: 'Returning visit: bytes transferred (KB)' },
  { key: 'script', visit: 'return', label: 'Returning visit: main-thread script time (ms)' },
  { key: 'tasks', visit: 'return', label: 'Returning visit: main-thread tasks (ms)' },
  { key: 'cpu', visit: 'return', label: 'Returning visit: main-thread CPU time (ms)' },
  { key: 'ga', visit: 'return', label: 'Returning visit: navigation → GA tag seen, at the end of its task (ms)' },
  { key: 'gaRequest', visit: 'return', label: 'Returning visit: navigation → GA request starts (Resource Timing, ms)' },
];
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const cell = (xs) => (xs.length ? `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})` : 'n/a');

const valuesOf = (samples, network, site, metric) =>
  samples[network.name][site.name][metric.visit].map((r) => r[metric.key]).filter((x) => typeof x === 'number');
const ratio = (ours, theirs) =>
  ours.length && theirs.length && median(theirs) > 0 ? `${(median(ours) / median(theirs)).toFixed(2)}×` : 'n/a';

/**
 * One table per network: each metric for every page, median (min–max), the ratio to
 * vanilla-cookieconsent's median, and for paint times the ratio to the page without a library.
 */
function table(samples, network) {
  const pages = PAGES.filter((site) => !site.floor);
  const rows = [
    `| Metric | ${pages.map((site) => site.name).join(' | ')} | ${FLOOR.name} |`,
    `|---|${pages.map(() => '---|').join('')}---|`,
  ];
  for (const metric of METRICS) {
    const floor = valuesOf(samples, network, FLOOR, metric);
    const cells = pages.map((site) => {
      const values = valuesOf(samples, network, site, metric);
      if (site.baseline) return cell(values);
      const toFloor = metric.key === 'lcp' ? `, ${ratio(values, floor)} of no library` : '';
      return `${cell(values)}: **${ratio(values, valuesOf(samples, network, BASELINE, metric))}**${toFloor}`;
    });
    rows.push(`| ${metric.label} | ${cells.join(' | ')} | ${floor.length ? cell(floor) : '–'} |`);
  }
  return `**${network.name}**\n\n${rows.join('\n')}`;
}

/** The source maps rollup writes beside Consentry's built files (dist/*.js.map), by URL path. */
const sourceMaps = new Map();
function sourceMapOf(path) {
  if (!sourceMaps.has(path)) {
    const file = path.startsWith('/dist/') ? join(ROOT, path.slice(1) + '.map') : '';
    sourceMaps.set(path, file && existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null);
  }
  return sourceMaps.get(path);
}

/**
 * Self time per function in a CDP CPU profile, in ms: each sample's time goes to the function on
 * top of the stack. Functions are named with their file and position (the files are minified);
 * in Consentry's generic files, with the source module and line their source map gives.
 */
function selfTimes(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const times = new Map();
  const nameOf = ({ functionName, url, lineNumber, columnNumber }) => {
    if (!url) return functionName || '(native)';
    const path = new URL(url).pathname;
    const original = sourceMapOf(path)?.findEntry(lineNumber, columnNumber);
    if (original?.originalSource) {
      const module = original.originalSource.replace(/^(\.\.\/)+/, '');
      return `${module}:${original.originalLine + 1} (${path.split('/').pop()})`;
    }
    return `${functionName || '(anonymous)'} ${path.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}`;
  };
  profile.samples.forEach((id, index) => {
    const name = nameOf(nodes.get(id).callFrame);
    times.set(name, (times.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return times;
}

/** What the profiler counts that is not the page's work. */
const IDLE = new Set(['(idle)', '(program)', '(root)']);

/**
 * Records PROFILES CPU profiles of each page's first and returning visit (no emulation, not
 * timed) and returns a Markdown list of the top self-time entries, averaged per visit.
 */
async function profileAll(browser, origin) {
  const network = NETWORKS[0];
  const dir = join(ROOT, 'scripts/bench/profiles');
  mkdirSync(dir, { recursive: true });
  const sections = [
    '## Where the main thread goes (CPU profiles)',
    '',
    `${PROFILES} CPU profile(s) per page and visit (Chromium's sampling profiler at 100 µs, no network emulation, from navigation until the network is idle), recorded after the timed rounds; ` +
      'self time per function, averaged per visit, without idle time. The last profile of each is kept as `scripts/bench/profiles/<page>-<visit>.cpuprofile` (not committed; open it in the DevTools Performance panel).',
    '',
  ];
  for (const site of PAGES.filter((page) => !page.floor)) {
    const totals = { first: new Map(), return: new Map() };
    for (let round = 0; round < PROFILES; round++) {
      try {
        // The returning visitor's cookies come from a measured first visit that accepted all.
        const { cookies } = await visit(browser, origin + site.path, network, site);
        const first = await visit(browser, origin + site.path, network, site, undefined, true);
        const again = await visit(browser, origin + site.path, network, site, cookies, true);
        for (const [visitName, result] of [
          ['first', first],
          ['return', again],
        ]) {
          for (const [name, ms] of selfTimes(result.profile))
            totals[visitName].set(name, (totals[visitName].get(name) ?? 0) + ms);
          writeFileSync(join(dir, `${slug(site.name)}-${visitName}.cpuprofile`), JSON.stringify(result.profile));
        }
      } catch (error) {
        sections.push(`- ${site.name}: profile ${round} failed (${error.message.split('\n')[0]})`);
      }
    }
    for (const visitName of ['first', 'return']) {
      const entries = [...totals[visitName]]
        .filter(([name]) => !IDLE.has(name))
        .map(([name, ms]) => [name, ms / PROFILES])
        .sort((a, b) => b[1] - a[1]);
      const busy = entries.reduce((sum, [, ms]) => sum + ms, 0);
      const top = entries
        .slice(0, 8)
        .map(([name, ms]) => `${ms.toFixed(2)} ms \`${name}\``)
        .join('; ');
      sections.push(
        `- **${site.name}, ${visitName === 'first' ? 'first' : 'returning'} visit** (${busy.toFixed(1)} ms busy): ${top}`,
      );
    }
  }
  return sections.join('\n');
}

/**
 * Writes the file `consentry build` makes for the benchmark site (GA4 + Meta, opt-in, no
 * auto-blocking; `BENCH_SITE`), with the files it may fetch, into a new temporary folder, which
 * `startBenchServer` serves at /site/. Returns the folder; the caller removes it.
 */
export async function buildSiteFile() {
  const siteDir = mkdtempSync(join(tmpdir(), 'consentry-bench-'));
  const { buildScriptTag } = await import(pathToFileURL(ROOT + 'dist/build.mjs').href);
  const { presetRegistry } = await import(pathToFileURL(ROOT + 'dist/presets.mjs').href);
  await buildScriptTag(BENCH_SITE, { registry: presetRegistry, outFile: join(siteDir, 'consentry.js') });
  return siteDir;
}

export default async function vsCookieconsent() {
  for (const file of ['dist/consentry.js', 'dist/consentry-ui.js'])
    if (!existsSync(ROOT + file)) throw new Error(`${file} is missing: run npm run build`);
  const siteDir = await buildSiteFile();
  const { server, origin } = await startBenchServer(siteDir);
  const browser = await launchChromium();
  const samples = {};
  const failures = [];
  try {
    for (const network of NETWORKS) {
      samples[network.name] = Object.fromEntries(PAGES.map((s) => [s.name, { first: [], return: [] }]));
      // Round 0 warms the server, the disk cache of the files and Chromium; it is not counted.
      for (let round = 0; round <= ROUNDS; round++) {
        const order = round % 2 ? [...PAGES].reverse() : PAGES;
        for (const site of order) {
          try {
            const first = await visit(browser, origin + site.path, network, site);
            const again = await visit(browser, origin + site.path, network, site, first.cookies);
            if (site.floor) {
              if (round > 0) {
                samples[network.name][site.name].first.push(first);
                samples[network.name][site.name].return.push(again);
              }
              continue;
            }
            if (first.gaRequests !== 1)
              throw new Error(`${site.name}: GA requested ${first.gaRequests} times after accept`);
            if (again.bannerShown) throw new Error(`${site.name}: banner shown to a returning visitor`);
            // Round 0 warms caches and the JIT; it is not counted.
            if (round > 0) {
              samples[network.name][site.name].first.push(first);
              samples[network.name][site.name].return.push(again);
            }
          } catch (error) {
            failures.push(`${network.name}, ${site.name}, round ${round}: ${error.message.split('\n')[0]}`);
          }
        }
      }
    }
    const profiles = PROFILES ? await profileAll(browser, origin) : '';
    const version = browser.version();
    const markdown = [
      '## Consentry vs vanilla-cookieconsent 3.1 and its peers',
      '',
      `Chromium ${version}, ${ROUNDS} interleaved rounds per network after one warm-up round, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. ` +
        'Same job on every page: analytics + advertising, GA4 and the Meta Pixel held until "Accept all"; vendor hosts are intercepted and answered with stubs. ' +
        'Files are served gzip-compressed, without HTTP caching (a returning visit is a new browser context with the consent cookie). ' +
        "Each cell is median (min–max); the bold ratio is that median / vanilla-cookieconsent's median (below 1 is better than vanilla-cookieconsent); for paint times, the second ratio compares with the same page without any consent library. " +
        "Pages: the README's plain tag first in <head>; the same tag with `defer`; the file `consentry build` makes for this config, deferred; `consentry.full.js` (the UI built in, one file) deferred; " +
        'each peer set up as its own docs show (Orejime 3 standard English build, Klaro 0.7 with its CSS built in, tarteaucitron with its own GA4 and Meta services, Osano cookieconsent 3 loading the vendors from its callbacks). ' +
        'Script and task times are CDP `Performance.getMetrics` ScriptDuration and TaskDuration, read once the page is idle: wall time, so they include the time a script waits for a synchronous answer from the browser, such as the first `document.cookie` read of a page view; ' +
        "main-thread CPU time is the same call's ThreadTime, the CPU time of the page's main thread (parsing, style, layout, paint and script), without those waits; " +
        'largest contentful paint from a `PerformanceObserver` in the page; ' +
        'bytes until the banner is visible are the first-party Resource Timing transfer sizes that had arrived when it first was; ' +
        '"GA request starts" is gtag.js\'s Resource Timing `startTime`, when the browser began fetching it; "GA tag seen" is when a MutationObserver\'s callback saw its script element, which runs only once the task that inserted it has ended.',
      '',
      ...NETWORKS.map((network) => table(samples, network) + '\n'),
      failures.length ? `\nRuns that failed (not counted):\n${failures.map((f) => `- ${f}`).join('\n')}` : '',
    ].join('\n');
    console.log(markdown);
    writeSection('vs-cookieconsent', markdown);
    if (profiles) {
      console.log(profiles);
      writeSection('profiles', profiles);
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(siteDir, { recursive: true, force: true });
  }
}
