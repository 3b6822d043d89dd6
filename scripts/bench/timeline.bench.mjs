// Where a page view's time goes before the banner shows, and before GA starts for a returning
// visitor, step by step: the same pages as vs-cookieconsent.bench.mjs, no network emulation, each
// step's median time since navigation start. It shows what bounds "banner visible": a deferred
// consent script cannot show anything before it runs, and it runs only once the document is parsed.
// A consent script starts by reading its cookie: an init script wraps the `document.cookie` getter
// to time the page's first read (when it began, and how long the browser took to answer it). The
// banner's element is seen by MutationObservers, in the page and in any shadow root the page attaches.
// Writes its section of RESULTS.md.
import { rmSync } from 'node:fs';
import { launchChromium, interceptThirdParty } from '../../test/e2e/support/harness.ts';
import { median, writeSection } from './results.mjs';
import { SITES, buildSiteFile, startBenchServer } from './vs-cookieconsent.bench.mjs';

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS) || 15);
const GA = 'googletagmanager.com/gtag/js';

/** Each page's consent script, by the end of its URL: when it has arrived is a step. */
const SCRIPT_FILES = {
  '/ours.html': '/dist/consentry.js',
  '/ours-defer.html': '/dist/consentry.js',
  '/site.html': '/site/consentry.js',
  '/ours-full.html': '/dist/consentry.full.js',
  '/cc.html': '/cc/cookieconsent.umd.js',
  '/orejime.html': '/orejime-standard-en.js',
  '/klaro.html': '/klaro.js',
  '/tarteaucitron.html': '/tarteaucitron.min.js',
  '/osano.html': '/cookieconsent.min.js',
};

/** Runs in the page before anything else; fills `window.__steps`. */
function probe(bannerSelector) {
  const steps = (window.__steps = {});
  const now = () => performance.now();
  const getter = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get() {
      const start = now();
      const value = getter.get.call(this);
      if (steps.cookieRead === undefined) {
        steps.cookieRead = start;
        steps.cookieReadTook = now() - start;
      }
      return value;
    },
    set(value) {
      getter.set.call(this, value);
    },
  });
  const roots = [document];
  const find = () => {
    if (bannerSelector) return document.querySelector(bannerSelector);
    for (const root of roots) {
      const found = root.querySelector('[data-consentry-banner]');
      if (found) return found;
    }
    return null;
  };
  const watch = (root) =>
    new MutationObserver(() => {
      if (steps.bannerInDocument === undefined && find()) steps.bannerInDocument = now();
    }).observe(root, { childList: true, subtree: true });
  watch(document);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    watch(root);
    return root;
  };
  const visible = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const tick = () => {
    if (visible(find())) steps.bannerVisible = now();
    else if (now() < 15000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Read once the page is idle: the probe's steps and the Resource Timing of the files that matter. */
function stepsOf({ scriptFile, gaUrl }) {
  const resources = performance.getEntriesByType('resource');
  const entry = (end) => resources.find((r) => new URL(r.name).pathname.endsWith(end));
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const [navigation] = performance.getEntriesByType('navigation');
  return {
    ...window.__steps,
    html: navigation.responseEnd,
    parsed: navigation.domInteractive,
    scriptArrived: entry(scriptFile)?.responseEnd,
    firstPaint: paint?.startTime,
    uiRequested: entry('/consentry-ui.js')?.startTime,
    uiArrived: entry('/consentry-ui.js')?.responseEnd,
    gaRequest: resources.find((r) => r.name.includes(gaUrl))?.startTime,
  };
}

const FIRST = [
  ['html', 'HTML received'],
  ['parsed', 'document parsed (`domInteractive`)'],
  ['scriptArrived', 'consent script received'],
  ['firstPaint', 'first contentful paint'],
  ['cookieRead', 'consent script starts: first cookie read'],
  ['cookieReadTook', 'that read took (ms)'],
  ['uiRequested', '`consentry-ui.js` requested'],
  ['uiArrived', '`consentry-ui.js` received'],
  ['bannerInDocument', 'banner element in the document'],
  ['bannerVisible', 'banner visible (first animation frame that lays it out)'],
];
const RETURNING = [
  ['scriptArrived', 'consent script received'],
  ['firstPaint', 'first contentful paint'],
  ['cookieRead', 'consent script starts: first cookie read'],
  ['cookieReadTook', 'that read took (ms)'],
  ['gaRequest', 'GA request starts'],
];

async function visitOnce(browser, url, site, cookies) {
  const context = await browser.newContext();
  try {
    if (cookies) await context.addCookies(cookies);
    const page = await context.newPage();
    await interceptThirdParty(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(probe, site.banner ?? null);
    await page.goto(url, { waitUntil: 'load' });
    if (!cookies && !site.floor)
      await page.waitForFunction(() => window.__steps.bannerVisible, null, { timeout: 15000 });
    await page.waitForLoadState('networkidle', { timeout: 10000 });
    const steps = await page.evaluate(stepsOf, { scriptFile: SCRIPT_FILES[site.path] ?? '-', gaUrl: GA });
    if (cookies || site.floor) return { steps };
    await page.locator(site.accept).click();
    await page.waitForFunction((ga) => performance.getEntriesByType('resource').some((r) => r.name.includes(ga)), GA);
    await page.waitForLoadState('networkidle', { timeout: 10000 });
    return { steps, cookies: await context.cookies() };
  } finally {
    await context.close();
  }
}

const fmt = (xs) => {
  const values = xs.filter((x) => typeof x === 'number');
  if (!values.length) return '–';
  const m = median(values);
  return m >= 100 ? m.toFixed(0) : m.toFixed(1);
};

function table(rows, pages, samples, visitName) {
  const lines = [
    `| Step | ${pages.map((site) => site.name).join(' | ')} |`,
    `|---|${pages.map(() => '---|').join('')}`,
  ];
  for (const [key, label] of rows)
    lines.push(
      `| ${label} | ${pages.map((site) => fmt(samples[site.name][visitName].map((s) => s[key]))).join(' | ')} |`,
    );
  return lines.join('\n');
}

export default async function timeline() {
  // The file `consentry build` makes for the benchmark site, as vs-cookieconsent.bench.mjs builds it.
  const siteDir = await buildSiteFile();
  const { server, origin } = await startBenchServer(siteDir);
  const browser = await launchChromium();
  const version = browser.version();
  const samples = Object.fromEntries(SITES.map((site) => [site.name, { first: [], return: [] }]));
  const failures = [];
  try {
    for (let round = 0; round <= ROUNDS; round++) {
      for (const site of round % 2 ? [...SITES].reverse() : SITES) {
        try {
          const first = await visitOnce(browser, origin + site.path, site);
          const again = site.floor ? first : await visitOnce(browser, origin + site.path, site, first.cookies);
          // Round 0 warms the server, the disk cache and Chromium; it is not counted.
          if (round === 0) continue;
          samples[site.name].first.push(first.steps);
          samples[site.name].return.push(again.steps);
        } catch (error) {
          failures.push(`${site.name}, round ${round}: ${error.message.split('\n')[0]}`);
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(siteDir, { recursive: true, force: true });
  }
  const withBanner = SITES.filter((site) => !site.floor);
  const markdown = [
    '## Where a page view waits: step by step',
    '',
    `Chromium ${version}, ${ROUNDS} interleaved rounds after one warm-up round, no network emulation, the pages of \`vs-cookieconsent.bench.mjs\`. ` +
      "Each cell is the median time of a step in ms since navigation start. A consent script starts by reading its cookie: an init script times the page's first `document.cookie` read. " +
      'The last row of each table is the step that benchmark reports (banner visible, GA request starts).',
    '',
    '**First visit**',
    '',
    table(FIRST, SITES, samples, 'first'),
    '',
    '**Returning visit (accepted everything)**',
    '',
    table(RETURNING, withBanner, samples, 'return'),
    failures.length ? `\nRuns that failed (not counted):\n${failures.map((f) => `- ${f}`).join('\n')}` : '',
  ].join('\n');
  console.log(markdown);
  writeSection('timeline', markdown);
}
