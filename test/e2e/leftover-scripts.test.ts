// Vendor snippets a site kept in its HTML after adding the tag, in real Chromium: with
// auto-blocking off, the console warns once with the fix and `Consentry.debug()` lists them;
// marked snippets, the presets' own scripts and auto-blocked pages raise no warning. The look is
// its own file, fetched once the page is idle on a page view that shows the banner, never by a returning visit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/root';
import { scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';
import { GA4_SNIPPET, META_SNIPPET } from './support/vendor-snippets';

const PRESETS = [
  { name: 'google-analytics', id: 'G-TEST1234' },
  { name: 'meta-pixel', id: '1234567890123456' },
];
const CONFIG = { mode: 'opt-in', reloadOnRevoke: false, presets: PRESETS };
/** The two snippets, marked the way the warning says. */
const MARKED =
  '<script type="text/plain" data-consent="analytics" src="https://www.googletagmanager.com/gtag/js?id=G-TEST1234"></script>' +
  `<script type="text/plain" data-consent="advertising">fbq('track', 'Lead');</script>`;

const s = useChromium({ consoleErrors: true });
let warnings: string[] = [];
beforeAll(() => {
  // Only GA has a preset here: with meta-pixel named, the preset's `fbq` stub makes the base
  // code return early (`if(f.fbq)return;`), so it loads nothing.
  s.server.set(
    '/leftover.html',
    scriptTagPage({ ...CONFIG, presets: [PRESETS[0]] }, { head: GA4_SNIPPET, body: META_SNIPPET }),
  );
  s.server.set('/marked.html', scriptTagPage(CONFIG, { body: MARKED }));
  s.server.set(
    '/autoblock.html',
    scriptTagPage({ ...CONFIG, autoBlock: true }, { head: GA4_SNIPPET, body: META_SNIPPET }),
  );
});
beforeEach(() => {
  warnings = [];
  s.page.on('console', (message) => {
    if (
      message.type() == 'warning' &&
      message.text().startsWith('consentry: ') &&
      message.text().includes('outside consent gating')
    )
      warnings.push(message.text());
  });
});

/** How many times the page asked the server for the look's file so far. */
const leftoverFetches = () => s.server.requests.filter((path) => path.includes('consentry-leftovers.js')).length;

/** When the look's file was requested and when the page's load event ended, in ms since navigation. */
const fetchedAfterLoad = () =>
  s.page.evaluate(() => {
    const file = performance
      .getEntriesByType('resource')
      .find((entry) => entry.name.includes('consentry-leftovers.js'));
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return file ? file.startTime >= navigation.loadEventEnd : undefined;
  });

/** Waits until the page has loaded and the browser has been idle twice: the look-through has run by then. */
async function settled(): Promise<void> {
  await s.page.waitForLoadState('load');
  for (let round = 0; round < 2; round++)
    await s.page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 })));
}

/** The rows of the leftover table `Consentry.debug()` prints (console.table recorded in the page). */
async function debugLeftovers(): Promise<Array<Record<string, string>>> {
  return s.page.evaluate(async () => {
    const tables: unknown[] = [];
    const table = console.table;
    console.table = (data: unknown) => void tables.push(data);
    try {
      await (window as any).Consentry.debug();
    } finally {
      console.table = table;
    }
    return (
      tables.filter(
        (data): data is Array<Record<string, string>> => Array.isArray(data) && data.some((row) => 'script' in row),
      )[0] ?? []
    );
  });
}

describe('vendor snippets left in the HTML', () => {
  it('warns once with the fix, naming each script and its preset, and Consentry.debug() lists them', async () => {
    const fetches = leftoverFetches();
    await s.page.goto(s.server.origin + '/leftover.html');
    await settled();
    await poll(() => warnings.length).toBeGreaterThan(0);
    // Its own file, fetched once the page had loaded: not part of the start-up path.
    expect(leftoverFetches() - fetches).toBe(1);
    expect(await fetchedAfterLoad()).toBe(true);
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning).toContain(
      'https://www.googletagmanager.com/gtag/js?id=G-TEST1234 (google-analytics): mark it <script type="text/plain" data-consent="analytics" src="…">, or remove it and name the "google-analytics" preset in the config',
    );
    expect(warning).toContain('https://connect.facebook.net/en_US/fbevents.js (meta-pixel)');
    expect(warning).toContain('data-consent="advertising"');
    expect(warning).toContain('turn on "autoBlock": true');
    expect(await debugLeftovers()).toEqual([
      // In document order: the Meta base code inserts its script before the page's first one.
      { script: 'https://connect.facebook.net/en_US/fbevents.js', preset: 'meta-pixel', category: 'advertising' },
      {
        script: 'https://www.googletagmanager.com/gtag/js?id=G-TEST1234',
        preset: 'google-analytics',
        category: 'analytics',
      },
    ]);
    // Accepting later does not warn again.
    await s.page.evaluate(() => (window as any).Consentry.acceptAll());
    await settled();
    expect(warnings).toHaveLength(1);
    // The file was fetched once for the warning and the report together.
    expect(leftoverFetches() - fetches).toBe(1);
    expect(s.errors).toEqual([]);
  });

  it('is not in the script tag, and a returning visit that granted everything never downloads it', async () => {
    expect(readFileSync(join(ROOT, 'dist/consentry.js'), 'utf8')).not.toContain('outside consent gating');
    await s.page.goto(s.server.origin + '/leftover.html');
    await settled();
    await poll(() => warnings.length).toBe(1);
    await s.page.evaluate(() => (window as any).Consentry.acceptAll());
    await s.page.reload();
    await settled();
    await s.page.waitForFunction(() => (window as any).Consentry?.decided);
    // Resource Timing lists a file served from the HTTP cache too.
    expect(await fetchedAfterLoad()).toBeUndefined();
    expect(warnings).toHaveLength(1);
  });

  it('when its file cannot be fetched: one error, nothing thrown into the page, and the debug report still prints', async () => {
    await s.page.route('**/consentry-leftovers.js', (route) => route.fulfill({ status: 404, body: '' }));
    const printed: string[] = [];
    s.page.on('console', (message) => void printed.push(message.text()));
    await s.page.goto(s.server.origin + '/leftover.html');
    await settled();
    await poll(
      () => s.errors.filter((text) => text.includes('could not look for vendor scripts outside gating')).length,
    ).toBe(1);
    await s.page.evaluate(() => (window as any).Consentry.debug());
    expect(printed).toContain('consentry debug report');
    expect(s.errors.filter((text) => text.includes('could not look through the page'))).toHaveLength(1);
    // Only the console errors above and the browser's own for the missing file: no uncaught error.
    expect(s.errors.filter((text) => !/could not look|Failed to load resource/.test(text))).toEqual([]);
    expect(warnings).toEqual([]);
    // The page still works: a decision still starts the vendors.
    await s.page.evaluate(() => (window as any).Consentry.acceptAll());
    await poll(() => s.thirdParty.hits('googletagmanager.com/gtag/js').length).toBeGreaterThan(0);
  });

  it('on a page that inlines the tag (its folder unknown) looks for nothing and logs no error', async () => {
    // Escaped as a page would: a literal end tag inside the file would end the inline script.
    const full = readFileSync(join(ROOT, 'dist/consentry.full.js'), 'utf8').replace(/<\/script/gi, '<\\/script');
    s.server.set(
      '/inlined.html',
      `<!doctype html><html lang="en"><head><script>window.consentryConfig = ${JSON.stringify(CONFIG)}</script>` +
        `<script>${full}</script>${GA4_SNIPPET}</head><body><p>Shop</p></body></html>`,
    );
    await s.page.goto(s.server.origin + '/inlined.html');
    await s.page.waitForFunction(() => (window as any).Consentry?.needsPrompt);
    await settled();
    expect(await fetchedAfterLoad()).toBeUndefined();
    expect(s.errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('says nothing for marked snippets, nor for the scripts the presets load on a granted visit', async () => {
    await s.page.goto(s.server.origin + '/marked.html');
    await settled();
    expect(await debugLeftovers()).toEqual([]);
    await s.page.evaluate(() => (window as any).Consentry.acceptAll());
    await poll(() => s.page.evaluate(() => document.querySelectorAll('script[src*="fbevents"]').length)).toBe(1);
    // The returning, granted visit: the presets insert gtag.js and fbevents.js at start.
    await s.page.reload();
    await settled();
    expect(await s.page.evaluate(() => document.querySelectorAll('script[src*="fbevents"]').length)).toBe(1);
    expect(await debugLeftovers()).toEqual([]);
    // Withdrawn without a reload: the presets' scripts stay in the page, and are still not leftovers.
    await s.page.evaluate(() => (window as any).Consentry.rejectAll());
    expect(await debugLeftovers()).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('a returning visit that withholds a category does not look, and Consentry.debug() still names the snippet', async () => {
    await s.page.goto(s.server.origin + '/leftover.html');
    await settled();
    await poll(() => warnings.length).toBe(1);
    await s.page.evaluate(() => (window as any).Consentry.update({ analytics: true, advertising: false }));
    await s.page.reload();
    await settled();
    await s.page.waitForFunction(() => (window as any).Consentry?.decided);
    // A returning visitor downloads the tag alone, whatever they decided.
    expect(await fetchedAfterLoad()).toBeUndefined();
    expect(warnings).toHaveLength(1);
    // Asked for, the report names the snippet whose category the visitor denied, not the granted one.
    expect(await debugLeftovers()).toEqual([
      { script: 'https://connect.facebook.net/en_US/fbevents.js', preset: 'meta-pixel', category: 'advertising' },
    ]);
  });

  it('says nothing when auto-blocking holds them', async () => {
    await s.page.goto(s.server.origin + '/autoblock.html');
    await settled();
    expect(s.thirdParty.hits('fbevents.js')).toEqual([]);
    expect(await debugLeftovers()).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
