// Partytown (the real @qwik.dev/partytown from npm) with GA4 and Meta's tags moved into its web
// worker, as Next.js, Astro and Nuxt sites do: in real Chromium with every request counted, the
// worker's too. Nothing before consent; after acceptAll the vendors load through the worker.
// Partytown's worker talks to the page through a service worker, which needs a secure context:
// this file's Chromium treats the test site's origin as one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { partytownSnippet } from '@qwik.dev/partytown/integration';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/root';
import {
  fence,
  interceptThirdParty,
  launchChromium,
  scriptTagPage,
  startServer,
  type TestServer,
} from './support/harness';
import { GA4_SNIPPET, META_SNIPPET } from './support/vendor-snippets';
import { poll } from './support/poll';

const LIB = join(ROOT, 'node_modules/@qwik.dev/partytown/lib');
const VENDORS = ['www.googletagmanager.com', 'connect.facebook.net'];

let browser: Browser;
let server: TestServer;
let context: BrowserContext;
let page: Page;
/** URLs of vendor requests, from the page and from Partytown's worker. */
let vendorRequests: string[];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium([`--unsafely-treat-insecure-origin-as-secure=${server.origin}`]);
  for (const file of [
    'partytown.js',
    'partytown-sw.js',
    'partytown-atomics.js',
    'partytown-media.js',
    'partytown-sandbox-sw.html',
  ])
    server.set(`/~partytown/${file}`, {
      body: readFileSync(join(LIB, file), 'utf8'),
      type: file.endsWith('.html') ? 'text/html' : 'text/javascript',
    });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  context = await browser.newContext();
  await interceptThirdParty(context);
  vendorRequests = [];
  // Partytown's worker fetches each tag with CORS: the vendors' hosts answer with a script that
  // CORS lets through (registered after the catch-all, so it comes first).
  await context.route(
    (url) => VENDORS.includes(url.hostname),
    (route) => {
      vendorRequests.push(route.request().url());
      return route.fulfill({
        status: 200,
        contentType: 'text/javascript',
        headers: { 'access-control-allow-origin': '*' },
        body: 'self.__vendorRan = (self.__vendorRan || 0) + 1;',
      });
    },
  );
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

// The vendors' own snippets, moved into Partytown as its docs show (partytown.qwik.dev/google-tag-manager,
// partytown.qwik.dev/facebook-pixel): the same code with `type="text/partytown"`.
const inWorker = (snippet: string) =>
  snippet.replace(/<script( async)?/g, '<script type="text/partytown"').replace(/<noscript>[\s\S]*?<\/noscript>/, '');
const HEAD = `<script>partytown = { lib: '/~partytown/', forward: ['dataLayer.push', 'fbq'] };</script>
<script>${partytownSnippet()}</script>
${inWorker(GA4_SNIPPET)}
${inWorker(META_SNIPPET)}`;

const config = {
  mode: 'opt-in',
  autoBlock: true,
  blockList: [
    { host: 'www.googletagmanager.com', category: 'analytics' },
    { host: 'connect.facebook.net', category: 'advertising' },
  ],
};

/** Scripts Partytown has taken (it marks them `text/partytown-x` once run in its worker). */
const takenByPartytown = () => page.evaluate(() => document.querySelectorAll('script[type="text/partytown-x"]').length);
/** Of those, the ones that name a vendor's host (GA4's tag, Meta's snippet); GA4's inline config names none. */
const vendorTagsTaken = () =>
  page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLScriptElement>('script[type="text/partytown-x"]')].filter((script) =>
        /googletagmanager|facebook/.test(script.src + script.text),
      ).length,
  );

describe('Partytown with GA4 and Meta in text/partytown scripts', () => {
  it('control: without Consentry, Partytown loads both vendors through its worker', async () => {
    server.set('/control.html', `<!doctype html><html><head>${HEAD}</head><body><p>shop</p></body></html>`);
    await page.goto(server.origin + '/control.html');
    await poll(() => vendorRequests.some((url) => url.includes('gtag/js'))).toBe(true);
    await poll(() => vendorRequests.some((url) => url.includes('fbevents.js'))).toBe(true);
    expect(await takenByPartytown()).toBeGreaterThan(0);
  });

  it('with auto-blocking: nothing before consent; after acceptAll the vendors load through the worker', async () => {
    server.set('/page.html', scriptTagPage(config, { head: HEAD, body: '<p>shop</p>' }));
    await page.goto(server.origin + '/page.html');
    await page.waitForFunction(() => (window as any).Consentry);
    // Partytown's worker is up (its sandbox frame loaded) before the check.
    await poll(() => page.frames().some((frame) => frame.url().includes('partytown-sandbox-sw'))).toBe(true);
    await fence(page);
    await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
    expect(vendorRequests).toEqual([]);
    expect(await vendorTagsTaken()).toBe(0);
    await page.evaluate('window.Consentry.acceptAll()');
    await poll(() => vendorRequests.some((url) => url.includes('gtag/js'))).toBe(true);
    await poll(() => vendorRequests.some((url) => url.includes('fbevents.js'))).toBe(true);
    // Through Partytown: the page itself has no vendor <script src>.
    expect(
      await page.evaluate(
        () =>
          document.querySelectorAll('script[src*="googletagmanager"][type=""], script[src*="facebook"]:not([type])')
            .length,
      ),
    ).toBe(0);
    await poll(vendorTagsTaken).toBeGreaterThanOrEqual(2);
  });

  it('with auto-blocking: nothing after rejectAll', async () => {
    server.set('/page.html', scriptTagPage(config, { head: HEAD, body: '<p>shop</p>' }));
    await page.goto(server.origin + '/page.html');
    await page.waitForFunction(() => (window as any).Consentry);
    await page.evaluate('window.Consentry.rejectAll()');
    await fence(page);
    await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
    expect(vendorRequests).toEqual([]);
  });

  it('markup: a text/partytown script with data-consent waits for its category, then runs in the worker', async () => {
    const head = `<script>partytown = { lib: '/~partytown/' };</script><script>${partytownSnippet()}</script>
<script type="text/partytown" data-consent="analytics" src="https://www.googletagmanager.com/gtag/js?id=G-TEST1234"></script>`;
    server.set('/page.html', scriptTagPage({ mode: 'opt-in' }, { head, body: '<p>shop</p>' }));
    await page.goto(server.origin + '/page.html');
    await page.waitForFunction(() => (window as any).Consentry);
    await poll(() => page.frames().some((frame) => frame.url().includes('partytown-sandbox-sw'))).toBe(true);
    await fence(page);
    expect(vendorRequests).toEqual([]);
    await page.evaluate('window.Consentry.acceptAll()');
    await poll(() => vendorRequests.some((url) => url.includes('gtag/js'))).toBe(true);
  });
});
