// Cookie-popup automation, second engine: Consent-O-Matic (MIT), loaded into Chromium as the
// unpacked extension its users install, with the rule in integrations/consent-o-matic/ as its
// only rule list. Its content script finds the banner (through the shadow root, or in the page
// DOM with `ui.shadow: false`), opens the preferences, sets each switch to its user's choice
// and saves. Every vendor request is intercepted.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readmeBlock } from '../../scripts/doc-blocks.mjs';
import { CHROMIUM, interceptThirdParty, startServer, type TestServer, type ThirdPartyLog } from './support/harness';
import { poll } from './support/poll';
import { ROOT } from '../support/root';

const ENGINE = join(ROOT, 'test/e2e/support/consent-o-matic');
const RULE = JSON.parse(readFileSync(join(ROOT, 'integrations/consent-o-matic/consentry.json'), 'utf8'));

let folder: string;
let server: TestServer;
let context: BrowserContext;
let thirdParty: ThirdPartyLog;

/**
 * Builds the extension as its webpack build does (one bundle for the content script, one for the
 * service worker), with a manifest that keeps only those two: no popup, options page or icons.
 */
async function buildExtension(out: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  for (const [entry, file] of [
    ['contentScript.js', 'content.js'],
    ['background.js', 'service.js'],
  ])
    await build({ entryPoints: [join(ENGINE, entry!)], bundle: true, format: 'iife', outfile: join(out, file!) });
  const manifest = JSON.parse(readFileSync(join(ENGINE, 'manifest.chromium.json'), 'utf8'));
  for (const unused of ['action', 'options_ui', 'icons']) delete manifest[unused];
  writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...manifest, version: '1.1.5' }));
  writeFileSync(join(out, 'content.css'), '');
}

/** The extension's settings, as its options page stores them (Extension/GDPRConfig.js). */
async function configure(worker: Worker, consentValues: Record<string, boolean>): Promise<void> {
  const { $schema: _schema, ...rules } = RULE;
  await worker.evaluate(
    ({ rules, consentValues }) =>
      Promise.all([
        // No online rule list: ours is the only rule, as a custom rule list.
        (globalThis as any).chrome.storage.sync.set({
          ruleLists: [],
          consentValues,
          debugFlags: { autoOpenOptionsTab: false },
        }),
        (globalThis as any).chrome.storage.local.set({ customRuleLists: rules }),
      ]),
    { rules, consentValues },
  );
}

const REFUSE_ALL = { A: false, B: false, D: false, E: false, F: false, X: false };
const ALLOW_ALL = { A: true, B: true, D: true, E: true, F: true, X: true };

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'consentry-com-'));
  await buildExtension(join(folder, 'extension'));
  server = await startServer();
  for (const file of ['consentry.js', 'consentry-ui.js'])
    server.set(`/consentry/${file}`, { body: readFileSync(join(ROOT, 'dist', file), 'utf8'), type: 'text/javascript' });
  const page = (block: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
${readmeBlock(block)}</head><body><main><h1>Coffee</h1></main></body></html>`;
  server.set('/shadow.html', page('script-tag'));
  server.set('/in-page.html', page('scanner-visible'));
});

afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

beforeEach(async () => {
  const extension = join(folder, 'extension');
  // A persistent context is the one kind that loads extensions; Chromium's new headless mode runs them.
  context = await chromium.launchPersistentContext(mkdtempSync(join(folder, 'profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--no-sandbox', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  thirdParty = await interceptThirdParty(context);
});

afterEach(() => context?.close());

async function serviceWorker(): Promise<Worker> {
  return context.serviceWorkers()[0] || context.waitForEvent('serviceworker');
}

const decision = async () => (await context.cookies()).find((cookie) => cookie.name == 'consentry')?.value;

describe.each([
  ['the default rendering, in a shadow root', '/shadow.html'],
  ['the page-DOM rendering (ui.shadow: false)', '/in-page.html'],
])('on %s', (_, path) => {
  it('refuses everything for a user who allows nothing: all denied, no vendor requested, no banner after a reload', async () => {
    await configure(await serviceWorker(), REFUSE_ALL);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.port}${path}`);
    await poll(decision, 'decision cookie').toMatch(/\|analytics=0&advertising=0$/);
    expect(await page.evaluate(() => ({ ...(window as any).Consentry.state }))).toEqual({
      essential: true,
      analytics: false,
      advertising: false,
    });
    await page.reload();
    await page.locator('consentry-reopen button').waitFor();
    expect(await page.locator('[data-consentry-banner]').count()).toBe(0);
    expect(thirdParty.requests.map((request) => request.url())).toEqual([]);
  });
});

it('accepts for a user who allows everything, and the vendors load: it follows its user, not a fixed click', async () => {
  await configure(await serviceWorker(), ALLOW_ALL);
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.port}/shadow.html`);
  await poll(decision, 'decision cookie').toMatch(/\|analytics=1&advertising=1$/);
  await poll(() => thirdParty.hits('googletagmanager.com').length, 'GA4 requested').toBeGreaterThan(0);
  expect(await page.evaluate(() => ({ ...(window as any).Consentry.state }))).toEqual({
    essential: true,
    analytics: true,
    advertising: true,
  });
});
