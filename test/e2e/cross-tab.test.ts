// Two open tabs of the same site in real Chromium: a decision made in one reaches the other
// without a reload (its listeners fire, its gated tags load), and a withdrawal there reloads
// every tab where the category's scripts ran.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { type TestServer, type ThirdPartyLog, useChromium, fence } from './support/harness';
import { esmPage } from './pages/gating/esm-page';

let server: TestServer;
let context: BrowserContext;
let page: Page;
let thirdParty: ThirdPartyLog;

const GTAG = 'www.googletagmanager.com/gtag/js';
const config = { mode: 'opt-in', presets: [{ name: 'google-analytics', id: 'G-TEST1234' }] };
const LISTENER =
  '<script type="module">window.changes = []; window.consent.on("change", (state) => window.changes.push(state));</script>';

/** This machine may be busy: give the browser time, never a deadline the test relies on. */
const poll = <T>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 10_000 });
const navigationType = (tab: Page) =>
  tab.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type);

useChromium((s) => ({ server, context, page, thirdParty } = s));

const openTab = async (tab: Page) => {
  await tab.goto(server.origin + '/shop');
  await tab.waitForFunction(() => (window as any).changes);
};

describe('across tabs', () => {
  it('a decision reaches the other open tab without a reload; a withdrawal reloads both', async () => {
    server.set('/shop', esmPage(config, { head: LISTENER }));
    const other = await context.newPage();
    await openTab(page);
    await openTab(other);
    expect(await other.evaluate('window.consent.needsPrompt')).toBe(true);

    await page.evaluate('window.consent.acceptAll()');
    await poll(() => other.evaluate('window.changes.length')).toBe(1);
    expect(await other.evaluate('window.consent.granted("analytics")')).toBe(true);
    expect(await other.evaluate('window.consent.needsPrompt')).toBe(false);
    await poll(() => thirdParty.hits(GTAG)).toHaveLength(2); // one load per tab
    expect(await navigationType(other)).toBe('navigate');

    const reloaded = other.waitForEvent('load');
    await Promise.all([page.waitForEvent('load'), page.evaluate('window.consent.update({ analytics: false })')]);
    await reloaded;
    expect(await navigationType(other)).toBe('reload');
    await other.waitForFunction(() => (window as any).changes);
    expect(await other.evaluate('window.consent.granted("analytics")')).toBe(false);
    await fence(other);
    expect(thirdParty.hits(GTAG)).toHaveLength(2);
  });

  it('without BroadcastChannel, the other tab takes the decision when it is shown again', async () => {
    await context.addInitScript(() => delete (window as any).BroadcastChannel);
    server.set('/shop', esmPage(config, { head: LISTENER }));
    const other = await context.newPage();
    await openTab(other);
    await openTab(page);

    await page.evaluate('window.consent.acceptAll()');
    await fence(page);
    expect(await other.evaluate('window.changes.length')).toBe(0);
    // Headless Chromium keeps every tab visible: the event stands in for the tab being shown.
    await other.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await poll(() => other.evaluate('window.changes.length')).toBe(1);
    expect(await other.evaluate('window.consent.granted("analytics")')).toBe(true);
    await poll(() => thirdParty.hits(GTAG)).toHaveLength(2);
  });
});
