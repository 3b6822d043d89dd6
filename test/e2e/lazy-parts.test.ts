// The parts of the script tag that most page views never run are fetched when a page view needs
// them, from the tag's own folder: the embed placeholders (consentry-embeds.js) once the page holds
// an embed, the withdrawal clean-up (consentry-cleanup.js) on the first withdrawal, the consent
// log (consentry-log.js) for a config with `log`. A returning visitor who withdraws nothing and has
// no held embed downloads none of them; held markup stays held while a part is on its way, and
// when it cannot be loaded (fail closed); a decision waits for the log.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtFile, documentsInIframes, fence, scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';
import { ROOT } from '../support/root';

const GTAG = 'www.googletagmanager.com/gtag/js';
const CONFIG = {
  mode: 'opt-in',
  presets: [{ name: 'google-analytics', id: 'G-TEST1234' }],
  categories: { analytics: { cookies: ['ab_*'] } },
  ui: { reopenButton: false },
};
const EMBED =
  '<iframe data-consent="advertising" data-src="https://video.vendor-b.test/embed/1" title="Video"></iframe>';

const s = useChromium({ consoleErrors: false });
beforeEach(() => {
  s.server.requests.length = 0;
});
// A test that breaks a part file serves the real one again afterwards.
const PARTS = ['consentry-embeds.js', 'consentry-cleanup.js'];
afterEach(() => {
  for (const file of PARTS)
    s.server.set(`/dist/${file}`, { body: readFileSync(join(ROOT, 'dist', file), 'utf8'), type: 'text/javascript' });
});

const requested = (file: string) => s.server.requests.filter((path) => path.startsWith(`/dist/${file}`));
const open = async (body = '') => {
  s.server.set('/shop/product', scriptTagPage(CONFIG, { body }));
  await s.page.goto(s.server.origin + '/shop/product');
  await s.page.waitForFunction(() => !!(window as any).Consentry);
};
const decide = (call: string) => s.page.evaluate(`window.Consentry.${call}`);
const placeholders = () => s.page.locator('[data-consentry-placeholder]').count();
const cookieNames = async () => (await s.context.cookies()).map((c) => c.name).sort();

describe('a returning visitor', () => {
  it('who withdraws nothing, on a page without held embeds, downloads consentry.js alone', async () => {
    // (A file made by `consentry build` also fetches consentry-check.js for the page's own data-config.)
    const fetched = () =>
      s.server.requests.filter((path) => path.startsWith('/dist/') && path != '/dist/consentry-check.js');
    await open();
    await decide('acceptAll()');
    await poll(() => s.thirdParty.hits(GTAG)).toHaveLength(1);
    s.server.requests.length = 0;
    await open('<p>Products.</p>');
    await poll(() => s.thirdParty.hits(GTAG)).toHaveLength(2);
    await fence(s.page);
    expect(fetched()).toEqual(['/dist/consentry.js']);
  });
});

describe('consentry-ui.js', () => {
  it('is requested before the vendors the defaults start, so the banner does not wait for them', async () => {
    // Opt-out: analytics is on by default, so GA starts on the first visit while the banner is due.
    s.server.set('/shop/opt-out', scriptTagPage({ ...CONFIG, mode: 'opt-out' }));
    await s.page.goto(s.server.origin + '/shop/opt-out');
    await poll(() => s.thirdParty.hits(GTAG)).toHaveLength(1);
    const scripts = await s.page.evaluate(() =>
      [...document.querySelectorAll('script[src]')].map((script) => (script as HTMLScriptElement).src),
    );
    const ui = scripts.findIndex((src) => src.endsWith('/consentry-ui.js'));
    const gtag = scripts.findIndex((src) => src.includes('googletagmanager.com/gtag/js'));
    expect(ui).toBeGreaterThan(-1);
    expect(gtag).toBeGreaterThan(ui);
  });
});

describe('consentry-embeds.js', () => {
  it('is fetched once the page holds an embed, and shows its placeholder; the embed never loads meanwhile', async () => {
    await open(EMBED + EMBED.replace('/1', '/2'));
    await poll(placeholders).toBe(2);
    expect(requested('consentry-embeds.js')).toHaveLength(1);
    expect(s.thirdParty.hits('video.vendor-b.test')).toEqual([]);
    expect(
      await s.page.locator('iframe').evaluateAll((frames) => frames.map((f) => (f as HTMLIFrameElement).hidden)),
    ).toEqual([true, true]);
    // Allowing the category from the placeholder loads both, in place.
    await s.page.locator('[data-consentry-placeholder] button').first().click();
    await poll(() => s.thirdParty.hits('video.vendor-b.test')).toHaveLength(2);
    expect(await placeholders()).toBe(0);
  });

  it('is not fetched while the held embed’s category is granted', async () => {
    await open();
    await decide('acceptAll()');
    await open(EMBED);
    await poll(() => s.thirdParty.hits('video.vendor-b.test')).toHaveLength(1);
    await fence(s.page);
    expect(requested('consentry-embeds.js')).toEqual([]);
  });

  it('that cannot be loaded leaves the embed held, without a placeholder, and says so', async () => {
    s.server.set('/dist/consentry-embeds.js', { body: '/* registers nothing */', type: 'text/javascript' });
    const errors: string[] = [];
    s.page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await open(EMBED);
    await poll(() => errors.join('\n')).toContain('could not load the embed placeholders');
    await fence(s.page);
    expect(await placeholders()).toBe(0);
    expect(await s.page.locator('iframe').getAttribute('src')).toBeNull();
    expect(s.thirdParty.hits('video.vendor-b.test')).toEqual([]);
  });
});

describe('consentry-log.js', () => {
  it('is fetched for a config with `log`; a decision taken before it arrives is posted once it is there', async () => {
    const posted: Array<{ action: string }> = [];
    s.page.on('request', (request) => {
      if (request.method() == 'POST' && request.url().endsWith('/consent-log')) posted.push(request.postDataJSON());
    });
    s.server.set('/consent-log', { body: '', type: 'text/plain' });
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    await s.page.route('**/dist/consentry-log.js', async (route) => {
      await held;
      await route.continue();
    });
    s.server.set('/shop/product', scriptTagPage({ ...CONFIG, log: { endpoint: '/consent-log' } }));
    // The page's load event waits for the held file: the visitor decides before it.
    await s.page.goto(s.server.origin + '/shop/product', { waitUntil: 'domcontentloaded' });
    await s.page.waitForFunction(() => !!(window as any).Consentry);
    await decide('rejectAll()');
    release();
    await poll(() => posted.map((record) => record.action)).toEqual(['reject-all']);
    // A site's own file whose config logs carries the log itself.
    expect(requested('consentry-log.js')).toHaveLength(builtFile() ? 0 : 1);
  });
});

describe('consentry-cleanup.js', () => {
  it('is fetched on the first withdrawal, deletes the category’s cookies, then the page reloads', async () => {
    await open();
    await decide('acceptAll()');
    await poll(() => s.thirdParty.hits(GTAG)).toHaveLength(1);
    expect(requested('consentry-cleanup.js')).toEqual([]);
    await s.page.evaluate(() => {
      document.cookie = '_ga=GA1.1.1; domain=shop.test; path=/; max-age=3600';
      document.cookie = 'ab_checkout=b; path=/; max-age=3600';
      document.cookie = 'keep=1; path=/; max-age=3600';
    });
    await Promise.all([s.page.waitForEvent('load'), decide('update({ analytics: false })')]);
    expect(
      await s.page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type),
    ).toBe('reload');
    expect(requested('consentry-cleanup.js')).toHaveLength(1);
    expect(await cookieNames()).toEqual(['consentry', 'keep']);
    await fence(s.page);
    expect(s.thirdParty.hits(GTAG)).toHaveLength(1);
  });

  it('that cannot be loaded still reloads the page, so the withdrawn scripts stop running', async () => {
    s.server.set('/dist/consentry-cleanup.js', { body: '/* registers nothing */', type: 'text/javascript' });
    await open();
    await decide('acceptAll()');
    await poll(() => s.thirdParty.hits(GTAG)).toHaveLength(1);
    await Promise.all([s.page.waitForEvent('load'), decide('update({ analytics: false })')]);
    await s.page.waitForFunction(() => !!(window as any).Consentry);
    expect(await s.page.evaluate('window.Consentry.granted("analytics")')).toBe(false);
    await fence(s.page);
    expect(s.thirdParty.hits(GTAG)).toHaveLength(1);
  });

  it('an embed is unloaded at once on withdrawal, before the clean-up arrives', async () => {
    await open(EMBED);
    await decide('acceptAll()');
    await poll(() => s.thirdParty.hits('video.vendor-b.test')).toHaveLength(1);
    await poll(() => documentsInIframes(s.page)).toEqual(['cross-origin']);
    // Withdrawing advertising: no script of it ran, so no reload; the embed goes back behind its placeholder.
    await decide('update({ advertising: false })');
    expect(await s.page.locator('iframe').getAttribute('src')).toBeNull();
    await poll(placeholders).toBe(1);
    await poll(() => documentsInIframes(s.page)).toEqual(['about:blank']);
  });
});
