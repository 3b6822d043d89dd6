// Consentry's script tag against vanilla-cookieconsent 3.1.0 in real Chromium, with the
// same job: analytics + advertising, GA4 and the Meta Pixel held until "accept all". Three
// Consentry pages (the plain tag, the same with `defer`, the site's own `consentry build` file)
// and a page without any consent library, the floor for paint times.
// Runs the two pages interleaved for N rounds (BENCH_ROUNDS, default 15), with no network
// emulation and with an emulated 4G link, and prints medians, min and max and each ratio
// to vanilla-cookieconsent. Writes its section of scripts/bench/RESULTS.md. Never fails.
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, interceptThirdParty, scriptTagPage, SITE_DOMAIN } from '../../test/e2e/support/harness.ts';
import { median, writeSection } from './results.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS) || 15);
const GA = 'www.googletagmanager.com/gtag/js';
const GA_ID = 'G-BENCH1234';
const META_ID = '1234567890123456';
/** Emulated 4G: ~40 ms RTT, 9 Mbit/s down, 1.5 Mbit/s up (CDP throughputs are bytes/s). */
const NETWORKS = [
  { name: 'no emulation', conditions: null },
  {
    name: '4G (40 ms RTT, 9/1.5 Mbit/s)',
    conditions: { offline: false, latency: 40, downloadThroughput: 9e6 / 8, uploadThroughput: 1.5e6 / 8 },
  },
];

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
/** The vendor snippets a vanilla-cookieconsent site writes, held with `type="text/plain"`; its
 * scripts are deferred as its docs recommend (it needs `<body>` to exist). */
const ccPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="stylesheet" href="/cc/cookieconsent.css">
<script type="text/plain" data-category="analytics" async src="https://${GA}?id=${GA_ID}"></script>
<script type="text/plain" data-category="analytics">window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','${GA_ID}');</script>
<script type="text/plain" data-category="ads">!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init','${META_ID}');fbq('track','PageView');</script>
<script defer src="/cc/cookieconsent.umd.js"></script>
<script defer src="/cc-config.js"></script>
</head><body>${BODY}</body></html>`;
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
/** The same site with the file `consentry build` makes for its config (written to /site/ at start). */
const siteBuildPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script defer src="/site/consentry.js"></script>
</head><body>${BODY}</body></html>`;
/** The floor: the same page without any consent library (and so without any vendor tag). */
const barePage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
</head><body>${BODY}</body></html>`;

const ACCEPT = '[data-consentry-action="accept-all"]';
/** `baseline`: the page every other is compared with (vanilla-cookieconsent), `floor`: no library. */
const SITES = [
  { name: 'Consentry', path: '/ours.html', accept: ACCEPT },
  { name: 'Consentry, defer', path: '/ours-defer.html', accept: ACCEPT },
  { name: 'Consentry, consentry build, defer', path: '/site.html', accept: ACCEPT },
  { name: 'vanilla-cookieconsent', path: '/cc.html', accept: '#cc-main .cm [data-role="all"]', baseline: true },
  { name: 'no consent library', path: '/bare.html', floor: true },
];
const BASELINE = SITES.find((site) => site.baseline);
const FLOOR = SITES.find((site) => site.floor);

/** A small static server that gzips like a production host (the e2e harness serves raw bytes). */
function startBenchServer(siteDir) {
  const files = {
    '/ours.html': oursPage,
    '/ours-defer.html': oursDeferPage,
    '/site.html': siteBuildPage,
    '/bare.html': barePage,
    '/hero.svg': HERO,
    '/cc.html': ccPage,
    '/cc-config.js': `CookieConsent.run(${JSON.stringify(ccConfig)});`,
  };
  const read = (path) => {
    if (path in files) return Buffer.from(files[path]);
    if (path.startsWith('/site/')) {
      const file = join(siteDir, path.slice(6));
      return !path.includes('..') && existsSync(file) ? readFileSync(file) : null;
    }
    const file = path.startsWith('/cc/')
      ? `node_modules/vanilla-cookieconsent/dist/${path.slice(4)}`
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

/** Runs in the page before anything else: records when the banner is first visible and when
 * a GA script element enters the document, both in ms since navigation start. */
function probe() {
  // The last entry is the page's largest contentful paint (the banner itself may be it).
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const visible = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const banner = () => {
    const cc = document.querySelector('#cc-main .cm');
    if (cc) return cc;
    for (const host of document.querySelectorAll('body *')) {
      const found = host.shadowRoot?.querySelector('[data-consentry-banner]');
      if (found) return found;
    }
    return document.querySelector('[data-consentry-banner]');
  };
  const tick = () =>
    visible(banner())
      ? (window.__bannerAt = performance.now())
      : performance.now() < 15000 && requestAnimationFrame(tick);
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

/** Loads `url` in a fresh context (with `cookies` for a returning visitor) and measures it. */
async function visit(browser, url, network, site, cookies) {
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
  await page.addInitScript(probe);
  const result = {};
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (!cookies && !site.floor) await page.waitForFunction(() => window.__bannerAt, null, { timeout: 15000 });
    await page.waitForLoadState('networkidle', { timeout: 10000 });
    const { metrics } = await cdp.send('Performance.getMetrics');
    result.script = metrics.find((m) => m.name === 'ScriptDuration').value * 1000;
    result.bytes = bytes / 1000;
    const times = await page.evaluate(() => ({ banner: window.__bannerAt, ga: window.__gaAt, lcp: window.__lcp }));
    result.lcp = times.lcp;
    if (site.floor) return result;
    if (cookies) {
      result.ga = times.ga;
      result.bannerShown = times.banner !== undefined;
    } else {
      result.banner = times.banner;
      if (times.ga !== undefined || third.hits(GA).length) throw new Error(`${site.name}: GA requested before consent`);
      await page.locator(site.accept).click();
      await page.waitForFunction(() => window.__gaAt, null, { timeout: 15000 });
      result.accept = await page.evaluate(() => window.__gaAt - window.__clickAt);
      await page.waitForLoadState('networkidle', { timeout: 10000 });
      result.gaRequests = third.hits(GA).length;
      result.cookies = await context.cookies();
    }
  } finally {
    await context.close();
  }
  return result;
}

const METRICS = [
  { key: 'lcp', visit: 'first', label: 'First visit: largest contentful paint (ms)' },
  { key: 'bytes', visit: 'first', label: 'First visit: bytes transferred (KB, first-party, gzip)' },
  { key: 'banner', visit: 'first', label: 'First visit: navigation → banner visible (ms)' },
  { key: 'script', visit: 'first', label: 'First visit: main-thread script time (ms)' },
  { key: 'accept', visit: 'first', label: '"Accept all" click → GA request (ms)' },
  { key: 'lcp', visit: 'return', label: 'Returning visit: largest contentful paint (ms)' },
  { key: 'bytes', visit: 'return', label: 'Returning visit: bytes transferred (KB)' },
  { key: 'script', visit: 'return', label: 'Returning visit: main-thread script time (ms)' },
  { key: 'ga', visit: 'return', label: 'Returning visit: navigation → GA request (ms)' },
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
  const pages = SITES.filter((site) => !site.floor);
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

export default async function vsCookieconsent() {
  for (const file of ['dist/consentry.js', 'dist/consentry-ui.js'])
    if (!existsSync(ROOT + file)) throw new Error(`${file} is missing: run npm run build`);
  // The file `consentry build` makes for this site (GA4 + Meta, opt-in, no auto-blocking).
  const siteDir = mkdtempSync(join(tmpdir(), 'consentry-bench-'));
  const { buildScriptTag } = await import(pathToFileURL(ROOT + 'dist/build.mjs').href);
  const { presetRegistry } = await import(pathToFileURL(ROOT + 'dist/presets.mjs').href);
  await buildScriptTag(
    {
      mode: 'opt-in',
      presets: [
        { name: 'google-analytics', id: GA_ID },
        { name: 'meta-pixel', id: META_ID },
      ],
    },
    { registry: presetRegistry, outFile: join(siteDir, 'consentry.js') },
  );
  const { server, origin } = await startBenchServer(siteDir);
  const browser = await launchChromium();
  const samples = {};
  const failures = [];
  try {
    for (const network of NETWORKS) {
      samples[network.name] = Object.fromEntries(SITES.map((s) => [s.name, { first: [], return: [] }]));
      // Round 0 warms the server, the disk cache of the files and Chromium; it is not counted.
      for (let round = 0; round <= ROUNDS; round++) {
        const order = round % 2 ? [...SITES].reverse() : SITES;
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
    const version = browser.version();
    const markdown = [
      '## Consentry vs vanilla-cookieconsent 3.1.0',
      '',
      `Chromium ${version}, ${ROUNDS} interleaved rounds per network after one warm-up round, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. ` +
        'Same job on both pages: analytics + advertising, GA4 and the Meta Pixel held until "Accept all"; vendor hosts are intercepted and answered with stubs. ' +
        'Files are served gzip-compressed, without HTTP caching (a returning visit is a new browser context with the consent cookie). ' +
        "Each cell is median (min–max); the bold ratio is that median / vanilla-cookieconsent's median (below 1 is better for Consentry); for paint times, the second ratio compares with the same page without any consent library. " +
        "Pages: the README's plain tag first in <head>; the same tag with `defer`; the file `consentry build` makes for this config, deferred. " +
        'Script time is CDP `Performance.getMetrics` ScriptDuration, read once the page is idle; largest contentful paint from a `PerformanceObserver` in the page.',
      '',
      ...NETWORKS.map((network) => table(samples, network) + '\n'),
      failures.length ? `\nRuns that failed (not counted):\n${failures.map((f) => `- ${f}`).join('\n')}` : '',
    ].join('\n');
    console.log(markdown);
    writeSection('vs-cookieconsent', markdown);
  } finally {
    await browser.close();
    server.close();
    rmSync(siteDir, { recursive: true, force: true });
  }
}
