// Cookie-popup automation: DuckDuckGo's autoconsent (unmodified, from npm) with the rule in
// integrations/autoconsent/consentry.json beside every rule the package ships, answering the
// banner for its user in real Chromium with every vendor request intercepted. Opting out must
// leave nothing granted and nothing loaded, and stay decided after a reload.
import type { Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../examples/serve.mjs';
import { askSelfTest, runAutoconsent } from './support/autoconsent';
import { useChromium } from './support/harness';
import { serveCopiedSite } from './support/copied-site';
import { poll } from './support/poll';
import { shopPage } from './support/ui-page';

const s = useChromium();

const banner = () => s.page.locator('[data-consentry-banner]');
const state = () => s.page.evaluate(() => ({ ...(window as any).Consentry.state }) as Record<string, boolean>);

describe('on a plain site with the README quick start (GA4, Meta Pixel, Pendo)', () => {
  beforeEach(() => {
    serveCopiedSite(s.server, '/shop.html', 'script-tag', ['consentry.js', 'consentry-ui.js']);
  });

  it('detects Consentry and no other CMP, rejects all, and its self-test reads the refusal', async () => {
    const log = await runAutoconsent(s.context, 'optOut');
    await s.page.goto(s.server.origin + '/shop.html');
    await poll(() => log.done, 'autoconsent done').toBe(true);
    expect(log.detected).toEqual(['consentry']);
    expect(log.popups).toEqual(['consentry']);
    expect(log.results).toEqual([{ cmp: 'consentry', action: 'optOut', ok: true }]);
    expect(await state()).toEqual({ essential: true, analytics: false, advertising: false });
    await askSelfTest(s.page);
    await poll(() => log.selfTest, 'self-test').toBe(true);
    expect(s.thirdParty.requests.map((request) => request.url())).toEqual([]);

    await s.page.reload();
    await s.page.locator('consentry-reopen button').waitFor();
    expect(await banner().count()).toBe(0);
    expect(await state()).toEqual({ essential: true, analytics: false, advertising: false });
    expect(s.thirdParty.requests).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('accepts all when its user asks for that, and the self-test then fails: it tells the two apart', async () => {
    const log = await runAutoconsent(s.context, 'optIn');
    await s.page.goto(s.server.origin + '/shop.html');
    await poll(() => log.done, 'autoconsent done').toBe(true);
    expect(log.results).toEqual([{ cmp: 'consentry', action: 'optIn', ok: true }]);
    expect(await state()).toEqual({ essential: true, analytics: true, advertising: true });
    await poll(() => s.thirdParty.hits('googletagmanager.com/gtag/js')).toHaveLength(1);
    await askSelfTest(s.page);
    await poll(() => log.selfTest, 'self-test').toBe(false);
  });
});

it('where the banner has no "Reject all" (opt-out mode), refuses everything through the preferences', async () => {
  const log = await runAutoconsent(s.context, 'optOut');
  s.server.set('/page.html', shopPage({ mode: 'opt-out' }));
  await s.page.goto(s.server.origin + '/page.html');
  await poll(() => log.done, 'autoconsent done').toBe(true);
  expect(log.results).toEqual([{ cmp: 'consentry', action: 'optOut', ok: true }]);
  // Granted by default until then, so the refusal reloads the page (reloadOnRevoke): read the
  // state on the page that comes back.
  await poll(state).toEqual({ essential: true, analytics: false, advertising: false });
  expect(s.errors).toEqual([]);
});

it('the same rule rejects all where the banner renders in the page DOM (ui.shadow: false)', async () => {
  const log = await runAutoconsent(s.context, 'optOut');
  serveCopiedSite(s.server, '/in-page.html', 'scanner-visible', ['consentry.js', 'consentry-ui.js']);
  await s.page.goto(s.server.origin + '/in-page.html');
  await poll(() => log.done, 'autoconsent done').toBe(true);
  expect(await s.page.evaluate(() => document.querySelector('consentry-ui')!.shadowRoot)).toBeNull();
  expect(log.results).toEqual([{ cmp: 'consentry', action: 'optOut', ok: true }]);
  expect(await state()).toEqual({ essential: true, analytics: false, advertising: false });
  await askSelfTest(s.page);
  await poll(() => log.selfTest, 'self-test').toBe(true);
  expect(s.thirdParty.requests).toEqual([]);
});

describe('on the demo shop (npm start), under its strict CSP', () => {
  let demo: Server;
  let origin = '';
  beforeAll(async () => {
    const started = await startDemoServer(0);
    demo = started.server;
    origin = started.url.replace(/\/$/, '');
  });
  afterAll(() => demo?.close());

  it('rejects all: no stand-in vendor is fetched or runs, and the banner stays away after a reload', async () => {
    const vendorFiles: string[] = [];
    s.page.on('request', (request) => request.url().includes('/vendors/') && vendorFiles.push(request.url()));
    const log = await runAutoconsent(s.context, 'optOut');
    await s.page.goto(`${origin}/shop/`);
    await poll(() => log.done, 'autoconsent done').toBe(true);
    expect(log.results).toEqual([{ cmp: 'consentry', action: 'optOut', ok: true }]);
    expect(await state()).toEqual({ essential: true, analytics: false, advertising: false });
    await s.page.reload();
    await s.page.locator('consentry-reopen button').waitFor();
    expect(await banner().count()).toBe(0);
    expect(await s.page.evaluate(() => (window as any).demoVendors ?? [])).toEqual([]);
    expect(vendorFiles).toEqual([]);
    expect(s.thirdParty.requests).toEqual([]);
  });
});
