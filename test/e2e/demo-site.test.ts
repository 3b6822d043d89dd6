// The `npm start` demo in real Chromium, served by examples/serve.mjs itself (with its strict
// CSP): every link resolves, the banner shows, "Accept all" makes the stand-in vendor scripts
// run and the live panel follow, the decision lands in the records service next to it, and the
// opt-out, GPC and npm variants behave as described.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { useChromium } from './support/harness';
import { poll } from './support/poll';
import { runBuiltCli } from '../support/cli';
import { ROOT } from '../support/root';
import { startDemoServer } from '../../examples/serve.mjs';
import { createRecordsService, type RecordsService } from '../../src/node/records/service';

const KEY = 'demo-read-key-0123456789abcdef';
let records: RecordsService;
let dataDir: string;

let server: Server;
let base = '';
const s = useChromium({ consoleErrors: true });

beforeAll(async () => {
  // As `npm start` runs it: the records service on the embedded database answers the beacons.
  dataDir = mkdtempSync(join(tmpdir(), 'consentry-demo-'));
  records = await createRecordsService({ dataDir, apiKey: KEY, rateLimit: 0 });
  const demo = await startDemoServer(0, '127.0.0.1', { records: records.fetch });
  server = demo.server;
  base = demo.url.replace(/\/$/, '');
});
afterAll(async () => {
  server?.close();
  await records?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Actions of the records the records service holds for `consentId`. */
const storedActions = async (consentId: string): Promise<string[]> => {
  const response = await records.fetch(
    new Request(`http://records.test/v1/consents/${consentId}`, { headers: { authorization: `Bearer ${KEY}` } }),
  );
  if (response.status == 404) return [];
  const body = (await response.json()) as { records: Array<{ action: string }> };
  return body.records.map((record) => record.action);
};
beforeEach(async () => {
  // The demo's strict CSP, its violations as console errors, which fail a test.
  await s.context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
});

const state = (category: string) => s.page.locator(`#panel-categories [data-category="${category}"]`);
const vendors = () => s.page.locator('#panel-vendors li[data-vendor]').allTextContents();
const ran = () => s.page.evaluate(() => ((window as any).demoVendors as string[] | undefined) ?? []);

describe('demo index', () => {
  it('links only to pages and files that exist', async () => {
    await s.page.goto(`${base}/`);
    const pages = await s.page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const seen = new Set<string>();
    for (const url of pages) {
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
      // One level deeper: every link, script, stylesheet and embed of each demo page resolves too.
      const refs = [
        ...(await response.text()).matchAll(/<[a-z][^>]*?\s(?:href|src|data-src|data-show-file)="([^"#]+)/g),
      ]
        .map((m) => new URL(m[1]!, url).href)
        .filter((ref) => ref.startsWith(base) && !seen.has(ref));
      for (const ref of refs) {
        seen.add(ref);
        expect((await fetch(ref)).status, `${ref} (linked from ${url})`).toBe(200);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
    expect(s.thirdParty.requests).toHaveLength(0);
  });
});

describe('demo server', () => {
  it('sends HTML with a strict CSP and serves nothing outside examples/ and dist/', async () => {
    const index = await fetch(`${base}/`);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${base}/dist/consentry.js`)).status).toBe(200);
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/dist/../../package.json',
      '/dist/%2e%2e/%2e%2e/package.json',
      '/..%2fpackage.json',
    ])
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
  });
});

describe('script-tag shop, opt-in', () => {
  it('shows the banner, runs nothing before consent, and runs the vendors on "Accept all"', async () => {
    await s.page.goto(`${base}/shop/`);
    await poll(() => s.page.locator('[data-consentry-banner]').isVisible()).toBe(true);
    await poll(() => state('analytics').getAttribute('data-state')).toBe('denied');
    expect(await state('advertising').getAttribute('data-state')).toBe('denied');
    expect(await ran()).toEqual([]);
    expect(await s.page.locator('#panel-vendors').textContent()).toContain('none yet');

    await s.page.locator('[data-consentry-action="accept-all"]').click();
    await poll(vendors).toEqual(expect.arrayContaining(['Google Analytics', 'Pendo', 'Meta Pixel']));
    expect(await state('analytics').getAttribute('data-state')).toBe('granted');
    expect(await state('advertising').getAttribute('data-state')).toBe('granted');
    expect(await s.page.locator('#panel-events').textContent()).toContain('consentry:change');
    expect((await ran()).sort()).toEqual(['Google Analytics', 'Meta Pixel', 'Pendo']);
    // The decision is on record, as the dashboard shows it.
    const consentId = await s.page.evaluate(() => (window as any).Consentry.record.id as string);
    await poll(() => storedActions(consentId)).toEqual(['accept-all']);
    // The held video embed is loaded once advertising is granted.
    await expect
      .poll(() => s.page.locator('iframe[title^="Inside the roastery"]').getAttribute('src'))
      .toBe('/embeds/video.html');
    expect(s.thirdParty.requests).toHaveLength(0);
    expect(s.errors).toEqual([]);
  });

  it('shows the banner beside the live panel it asks you to watch, not over it (desktop, 1280 × 720)', async () => {
    await s.page.setViewportSize({ width: 1280, height: 720 });
    for (const path of ['/shop/', '/shop/us.html', '/shop/gpc.html']) {
      await s.page.goto(`${base}${path}`);
      await poll(() => s.page.locator('[data-consentry-banner]').isVisible(), path).toBe(true);
      const banner = (await s.page.locator('[data-consentry-banner]').boundingBox())!;
      const panel = (await s.page.locator('#live-panel').boundingBox())!;
      expect(banner.width, path).toBeGreaterThan(0);
      const apart =
        banner.x >= panel.x + panel.width ||
        panel.x >= banner.x + banner.width ||
        banner.y >= panel.y + panel.height ||
        panel.y >= banner.y + banner.height;
      expect(apart, `${path}: banner ${JSON.stringify(banner)}, panel ${JSON.stringify(panel)}`).toBe(true);
    }
  });

  it('withdraws advertising from the page\'s "Cookie settings": reload, then only analytics runs', async () => {
    await s.page.goto(`${base}/shop/`);
    await s.page.locator('[data-consentry-action="accept-all"]').click();
    await poll(vendors).toEqual(expect.arrayContaining(['Meta Pixel']));
    await s.page.locator('#live-panel [data-consentry-action="preferences"]').click();
    const advertising = s.page.locator('input[data-consentry-category="advertising"]');
    await poll(() => advertising.isChecked()).toBe(true);
    await advertising.click();
    // Meta already ran on this s.page, so saving the withdrawal reloads it (reloadOnRevoke).
    await Promise.all([s.page.waitForEvent('load'), s.page.locator('[data-consentry-action="save"]').click()]);
    await poll(async () => (await vendors()).sort()).toEqual(['Google Analytics', 'Pendo']);
    expect(await state('advertising').getAttribute('data-state')).toBe('denied');
    expect(await s.page.locator('#panel-decided').textContent()).toContain('preferences');
    expect(s.errors).toEqual([]);
  });

  it('remembers "Reject all": nothing runs, now or on the next visit', async () => {
    await s.page.goto(`${base}/shop/`);
    await s.page.locator('[data-consentry-action="reject-all"]').click();
    await poll(() => s.page.locator('[data-consentry-banner]').isVisible()).toBe(false);
    await s.page.reload();
    await poll(() => s.page.locator('#panel-decided').textContent()).toContain('yes');
    expect(await s.page.locator('[data-consentry-banner]').count()).toBe(0);
    expect(await ran()).toEqual([]);
    expect(await state('analytics').getAttribute('data-state')).toBe('denied');
    expect(s.errors).toEqual([]);
  });
});

describe('variants', () => {
  it('opt-out (US): vendors run at once, the notice shows, and "Do Not Sell" stops advertising', async () => {
    await s.page.goto(`${base}/shop/us.html`);
    await poll(vendors).toEqual(expect.arrayContaining(['Google Analytics', 'Pendo', 'Meta Pixel']));
    await poll(() => s.page.locator('[data-consentry-banner]').isVisible()).toBe(true);
    expect(await s.page.locator('#panel-mode').textContent()).toBe('opt-out');
    // Meta already ran on this s.page, so withdrawing advertising reloads it (reloadOnRevoke).
    await Promise.all([s.page.waitForEvent('load'), s.page.locator('[data-consentry-action="do-not-sell"]').click()]);
    await poll(() => state('advertising').getAttribute('data-state')).toBe('denied');
    await poll(async () => (await vendors()).sort()).toEqual(['Google Analytics', 'Pendo']);
    expect(s.errors).toEqual([]);
  });

  it('GPC (demo switch): advertising is denied without a banner, analytics runs', async () => {
    await s.page.goto(`${base}/shop/gpc.html?gpc=1`);
    await poll(() => s.page.locator('#gpc-status').textContent()).toContain('on (simulated');
    await poll(vendors).toEqual(expect.arrayContaining(['Google Analytics', 'Pendo']));
    expect(await state('advertising').getAttribute('data-state')).toBe('denied');
    expect(await s.page.locator('#panel-signals').textContent()).toContain('GPC on');
    expect(await ran()).not.toContain('Meta Pixel');
    expect(await s.page.locator('[data-consentry-banner]').count()).toBe(0);
    expect(s.errors).toEqual([]);
  });

  it('GPC page without the switch: GPC is off and advertising runs (opt-out default)', async () => {
    await s.page.goto(`${base}/shop/gpc.html`);
    expect(await s.page.locator('#gpc-status').textContent()).toBe('off');
    await poll(vendors).toEqual(expect.arrayContaining(['Meta Pixel']));
  });

  it('npm/ESM app: the bundled app shows the banner and runs the vendors after "Accept all"', async () => {
    await s.page.goto(`${base}/npm-app/`);
    await poll(() => s.page.locator('[data-consentry-banner]').isVisible()).toBe(true);
    expect(await s.page.locator('#app-status [data-category="analytics"]').getAttribute('data-state')).toBe('denied');
    await s.page.locator('[data-consentry-action="accept-all"]').click();
    await expect
      .poll(() => s.page.locator('#app-status [data-category="analytics"]').getAttribute('data-state'))
      .toBe('granted');
    await poll(() => s.page.locator('#app-vendors').textContent()).toContain('Google Analytics');
    expect(await s.page.locator('#app-log').textContent()).toContain('analytics granted');
    expect(s.errors).toEqual([]);
  });
});

describe('marketing-ops page', () => {
  /** Runs the packaged CLI the way `npx consentry check FILE` does, from the example folder. */
  const check = async (file: string) => {
    const run = await runBuiltCli(['check', file], join(ROOT, 'examples/marketing-ops'));
    return { code: run.code, output: (run.stdout + run.stderr).trim() };
  };

  it('shows consent.json and exactly what the checker prints for it and for a broken copy', async () => {
    await s.page.goto(`${base}/marketing-ops/`);
    await poll(() => s.page.locator('#consent-json').textContent()).toContain('"google-analytics"');
    const shown = async (id: string) =>
      (await s.page.locator(id).textContent())!.split('\n').slice(1).join('\n').trim();
    const ok = await check('consent.json');
    expect(ok.code).toBe(0);
    const hint = 'the page is out of date: run node examples/marketing-ops/update-output.mjs';
    expect(await shown('#check-ok'), hint).toBe(ok.output);
    const broken = await check('broken.json');
    expect(broken.code).toBe(1);
    expect(await shown('#check-broken'), hint).toBe(broken.output);
    expect(s.errors).toEqual([]);
  });
});
