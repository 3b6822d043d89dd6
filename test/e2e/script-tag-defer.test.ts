// The README's default tag is `defer` when auto-blocking is off: it never holds up the page's
// rendering. Every feature but auto-blocking must work the same with `defer` and with `async`:
// markup, embeds and presets held until consent, the banner, events and the dataLayer push, a
// returning visitor's reopen button, and a config fetched from `data-config-url`.
import { describe, expect, it } from 'vitest';
import { ranScripts, scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';

const s = useChromium();

const CONFIG = {
  presets: [{ name: 'google-analytics', id: 'G-ABC123' }],
  ui: { reopenButton: true },
};
/** Markup of both kinds, parsed after the deferred tag was found: a held script and a held embed. */
const BODY = `<h1>Shop</h1>
<script type="text/plain" data-consent="advertising" data-src="https://ads.vendor.test/ad.js"></script>
<iframe data-consent="advertising" data-src="https://video.vendor.test/embed/1" width="320" height="180" title="Video"></iframe>
<script src="/test/e2e/pages/listen-change.js"></script>`;
// The site's listener also notes what it finds when it hears of the decision: the decision stored
// in the cookie, and gtag.js already requested (the vendors start before the cookie is written).
const LISTENER = `window.changes = 0;
window.addEventListener("consentry:change", function () {
  window.changes++;
  window.found = {
    stored: /(^|; )(__Host-)?consentry=1[|]/.test(document.cookie),
    gtag: !!document.querySelector('script[src^="https://www.googletagmanager.com/gtag/js"]'),
  };
});`;

const inShadow = (selector: string) =>
  s.page.evaluate((css) => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector(css), selector);
const click = (action: string) => s.page.locator(`consentry-ui [data-consentry-action="${action}"]`).click();

for (const mode of ['defer', 'async'] as const)
  describe(`the tag with ${mode}`, () => {
    const open = async (path: string, html: string) => {
      s.server.set('/test/e2e/pages/listen-change.js', { body: LISTENER, type: 'text/javascript' });
      s.server.set(path, html);
      await s.page.goto(s.server.origin + path);
    };

    it('holds everything until consent, shows the banner, loads each thing once after "Accept all"', async () => {
      await open(`/${mode}.html`, scriptTagPage(CONFIG, { attrs: mode, body: BODY }));
      await poll(() => inShadow('[data-consentry-banner]')).toBe(true);
      // The embed is behind its placeholder; nothing went to any vendor.
      await poll(() => s.page.locator('[data-consentry-placeholder="advertising"]').count()).toBe(1);
      expect(s.thirdParty.requests.map((r) => r.url())).toEqual([]);

      await click('accept-all');
      await poll(() => s.thirdParty.hits('googletagmanager.com/gtag/js').length).toBe(1);
      await poll(() => ranScripts(s.page)).toContain('https://ads.vendor.test/ad.js');
      await poll(() => s.thirdParty.hits('video.vendor.test/embed/1').length).toBe(1);
      expect(await s.page.evaluate(() => (window as any).changes)).toBe(1);
      expect(await s.page.evaluate(() => (window as any).found)).toEqual({ stored: true, gtag: true });
      expect(
        await s.page.evaluate(
          () => ((window as any).dataLayer as any[]).filter((e) => e.event === 'consentry_update').length,
        ),
      ).toBe(1);
      expect(s.thirdParty.hits('ads.vendor.test')).toHaveLength(1);
      expect(s.errors).toEqual([]);
    });

    it('a returning visitor who refused: no banner, nothing loads, the reopen button is there', async () => {
      await open(`/${mode}-first.html`, scriptTagPage(CONFIG, { attrs: mode, body: BODY }));
      await poll(() => inShadow('[data-consentry-banner]')).toBe(true);
      await click('reject-all');
      await s.page.goto(s.server.origin + `/${mode}-first.html`);
      await poll(() => s.page.locator('consentry-reopen').count()).toBe(1);
      expect(await inShadow('[data-consentry-banner]')).toBe(false);
      expect(s.thirdParty.requests.map((r) => r.url())).toEqual([]);
    });

    it('a config from data-config-url works the same', async () => {
      s.server.set('/consent.json', { body: JSON.stringify(CONFIG), type: 'application/json' });
      await open(
        `/${mode}-url.html`,
        `<!doctype html><html lang="en"><head><meta charset="utf-8">
        <script ${mode} src="/dist/consentry.js" data-config-url="/consent.json"></script></head>
        <body>${BODY}</body></html>`,
      );
      await poll(() => inShadow('[data-consentry-banner]')).toBe(true);
      expect(s.thirdParty.requests.map((r) => r.url())).toEqual([]);
      await click('accept-all');
      await poll(() => s.thirdParty.hits('googletagmanager.com/gtag/js').length).toBe(1);
      await poll(() => ranScripts(s.page)).toContain('https://ads.vendor.test/ad.js');
    });
  });
