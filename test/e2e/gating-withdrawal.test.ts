// Withdrawal in real Chromium on www.shop.test: the category's cookies go from the host and its
// parent domain, on `/` and the page's path, storage keys too; the page reloads when a script of
// that category ran, and after the reload nothing of it loads.
import { describe, expect, it } from 'vitest';
import { documentsInIframes, fence, ranScripts, useChromium } from './support/harness';
import { poll } from './support/poll';
import { esmPage } from './support/esm-page';

const GTAG = 'www.googletagmanager.com/gtag/js';
const config = (extra = {}) => ({
  mode: 'opt-in',
  presets: [{ name: 'google-analytics', id: 'G-TEST1234' }],
  categories: { analytics: { cookies: ['ab_*'] } },
  ...extra,
});

const s = useChromium();

const open = async (html: string) => {
  s.server.set('/shop/product', html);
  await s.page.goto(s.server.origin + '/shop/product');
  await s.page.waitForFunction(() => (window as any).started);
};
/** Cookies as GA and a site's own scripts set them: on the parent domain, host-only, on the page's directory. */
const setCookies = () =>
  s.page.evaluate(() => {
    for (const cookie of [
      '_ga=GA1.1.123.456; domain=shop.test; path=/',
      '_ga_TEST1234=GS1.1.1; domain=.shop.test; path=/',
      '_ga_OLD=1; path=/shop',
      'ab_checkout=b; path=/',
      'keep=1; domain=shop.test; path=/',
      '_gid=1; domain=shop.test; path=/',
    ])
      document.cookie = cookie + '; max-age=3600';
    localStorage.setItem('ab_banner', '1');
    localStorage.setItem('cart', '1');
  });
const iframeDocuments = () => documentsInIframes(s.page);
const cookieNames = async () => (await s.context.cookies()).map((c) => c.name).sort();

describe('withdrawal', () => {
  it('deletes the category’s cookies on the parent domain, then reloads; nothing of it loads after', async () => {
    await open(esmPage(config()));
    await s.page.evaluate('window.consent.acceptAll()');
    await poll(() => s.thirdParty.hits(GTAG)).toHaveLength(1);
    await setCookies();
    expect(await cookieNames()).toEqual(['_ga', '_ga_OLD', '_ga_TEST1234', '_gid', 'ab_checkout', 'consentry', 'keep']);

    await Promise.all([s.page.waitForEvent('load'), s.page.evaluate('window.consent.update({ analytics: false })')]);
    expect(
      await s.page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type),
    ).toBe('reload');
    // `_gid` is not declared by the preset: left alone, as is everything else.
    expect(await cookieNames()).toEqual(['_gid', 'consentry', 'keep']);
    expect(await s.page.evaluate(() => Object.keys(localStorage))).toEqual(['cart']);

    await s.page.waitForFunction(() => (window as any).started);
    await fence(s.page);
    expect(await s.page.evaluate('window.consent.granted("analytics")')).toBe(false);
    expect(s.thirdParty.hits(GTAG)).toHaveLength(1);
    expect(await ranScripts(s.page)).toEqual([]);
  });

  it('with reloadOnRevoke: false, cleans up without reloading', async () => {
    await open(esmPage(config({ reloadOnRevoke: false })));
    await s.page.evaluate('window.consent.acceptAll(); window.marker = 1');
    await poll(() => s.thirdParty.hits(GTAG)).toHaveLength(1);
    await setCookies();
    await s.page.evaluate('window.consent.rejectAll()');
    expect(await cookieNames()).toEqual(['_gid', 'consentry', 'keep']);
    await fence(s.page);
    expect(await s.page.evaluate('window.marker')).toBe(1);
  });

  it('does not reload when no script of the category ran on this page (an embed is simply unloaded)', async () => {
    await open(
      esmPage(config(), {
        body: '<iframe data-consent="advertising" data-src="https://video.vendor-b.test/embed/1" title="Video"></iframe>',
      }),
    );
    await s.page.evaluate('window.consent.update({ advertising: true }); window.marker = 1');
    await poll(iframeDocuments).toEqual(['cross-origin']);
    expect(s.thirdParty.hits('/embed/1')).toHaveLength(1);
    await s.page.evaluate('window.consent.update({ advertising: false })');
    await poll(iframeDocuments).toEqual(['about:blank']);
    await fence(s.page);
    expect(await s.page.evaluate('window.marker')).toBe(1);
  });

  it('unloads embeds withdrawn while they load: none keeps its document, whatever stage it was in', async () => {
    // Forty embeds answer 4 ms apart, and consent goes at different moments while they arrive:
    // some are still waiting, some are committing, some have loaded. Removing `src` alone lost
    // the race to a committing embed, which then ran on hidden behind its placeholder.
    const embeds = Array.from(
      { length: 40 },
      (_, i) =>
        `<iframe data-consent="advertising" data-src="https://video.vendor-b.test/embed/${i}" title="Video ${i}"></iframe>`,
    );
    await open(esmPage(config(), { body: embeds.join('') }));
    // The stub server paces its answers (embed i at 4·i ms after the round's first request);
    // the page withdraws, in the same task, when a given number of embeds has loaded: the
    // stage of the race is chosen by count, not by the test's own clock.
    let first = 0;
    await s.page.route('**/embed/*', async (route) => {
      const index = Number(route.request().url().split('/').pop());
      first ||= Date.now();
      await new Promise((wait) => setTimeout(wait, first + index * 4 - Date.now()));
      await route.fulfill({ contentType: 'text/html', body: '<!doctype html><p>embed</p>' }).catch(() => {}); // cancelled meanwhile
    });

    for (const withdrawAfter of [1, 10, 25]) {
      first = 0;
      await s.page.evaluate(
        (count) =>
          new Promise<void>((withdrawn) => {
            const frames = [...document.querySelectorAll('iframe')];
            let loaded = 0;
            const onLoad = (): void => {
              loaded++;
              if (loaded != count) return;
              for (const frame of frames) frame.removeEventListener('load', onLoad);
              (window as any).consent.update({ advertising: false });
              withdrawn();
            };
            for (const frame of frames) frame.addEventListener('load', onLoad);
            (window as any).consent.update({ advertising: true });
          }),
        withdrawAfter,
      );
      await poll(iframeDocuments).toEqual(embeds.map(() => 'about:blank'));
      expect(await s.page.locator('[data-consentry-placeholder]').count()).toBe(40);
    }
  }, 60_000); // 40 cross-site frames, three times: over 30 s seen on a busy 2-core machine

  it('unloads a sandboxed embed, whose about:blank the page cannot read, without a navigation loop', async () => {
    const embed = 'https://video.vendor-b.test/embed/1';
    await open(
      esmPage(config(), {
        body: `<iframe sandbox="allow-scripts" data-consent="advertising" data-src="${embed}" title="Video"></iframe>`,
      }),
    );
    await s.page.evaluate('window.consent.update({ advertising: true })');
    await poll(() => s.page.frames().map((f) => f.url())).toContain(embed);
    const navigations: string[] = [];
    s.page.on('framenavigated', (frame) => frame != s.page.mainFrame() && navigations.push(frame.url()));
    await s.page.evaluate('window.consent.update({ advertising: false })');
    await poll(() => navigations.length).toBeGreaterThan(0);
    // A loop would go on navigating: two round trips through the network later, it would show.
    await fence(s.page);
    await fence(s.page);
    expect(navigations.length).toBeLessThanOrEqual(2); // `src` removed, then sent away once more
    expect(navigations.every((url) => url == 'about:blank')).toBe(true);
  });
});
