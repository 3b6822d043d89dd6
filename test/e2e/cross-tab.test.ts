// Two open tabs of the same site in real Chromium: a decision made in one reaches the other
// without a reload (its listeners fire, its gated tags load), and a withdrawal there reloads
// every tab where the category's scripts ran.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium, fence } from './support/harness';
import { poll } from './support/poll';
import { esmPage } from './support/esm-page';

const GTAG = 'www.googletagmanager.com/gtag/js';
const config = { mode: 'opt-in', presets: [{ name: 'google-analytics', id: 'G-TEST1234' }] };
const LISTENER =
  '<script type="module">window.changes = []; window.consent.on("change", (state) => window.changes.push(state));</script>';

const navigationType = (tab: Page) =>
  tab.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type);

const s = useChromium();

const openTab = async (tab: Page) => {
  await tab.goto(s.server.origin + '/shop');
  await tab.waitForFunction(() => (window as any).changes);
};

describe('across tabs', () => {
  it('a decision reaches the other open tab without a reload; a withdrawal reloads both', async () => {
    s.server.set('/shop', esmPage(config, { head: LISTENER }));
    const other = await s.context.newPage();
    await openTab(s.page);
    await openTab(other);
    expect(await other.evaluate('window.consent.needsPrompt')).toBe(true);

    await s.page.evaluate('window.consent.acceptAll()');
    await poll(() => other.evaluate('window.changes.length')).toBe(1);
    expect(await other.evaluate('window.consent.granted("analytics")')).toBe(true);
    expect(await other.evaluate('window.consent.needsPrompt')).toBe(false);
    await poll(() => s.thirdParty.hits(GTAG)).toHaveLength(2); // one load per tab
    expect(await navigationType(other)).toBe('navigate');

    const reloaded = other.waitForEvent('load');
    await Promise.all([s.page.waitForEvent('load'), s.page.evaluate('window.consent.update({ analytics: false })')]);
    await reloaded;
    expect(await navigationType(other)).toBe('reload');
    await other.waitForFunction(() => (window as any).changes);
    expect(await other.evaluate('window.consent.granted("analytics")')).toBe(false);
    await fence(other);
    expect(s.thirdParty.hits(GTAG)).toHaveLength(2);
  });

  it('without BroadcastChannel, the other tab takes the decision when it is shown again', async () => {
    await s.context.addInitScript(() => delete (window as any).BroadcastChannel);
    s.server.set('/shop', esmPage(config, { head: LISTENER }));
    const other = await s.context.newPage();
    await openTab(other);
    await openTab(s.page);

    await s.page.evaluate('window.consent.acceptAll()');
    await fence(s.page);
    expect(await other.evaluate('window.changes.length')).toBe(0);
    // Headless Chromium keeps every tab visible: the event stands in for the tab being shown.
    await other.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await poll(() => other.evaluate('window.changes.length')).toBe(1);
    expect(await other.evaluate('window.consent.granted("analytics")')).toBe(true);
    await poll(() => s.thirdParty.hits(GTAG)).toHaveLength(2);
  });
});
