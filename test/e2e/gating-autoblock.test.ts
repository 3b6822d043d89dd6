// Auto-blocking with the script-tag build in real Chromium: a GTM-style loader, a script-made
// iframe and pixel, and a parser-inserted <script src> to a blocked host are held until consent
// and run once after; it coexists with other code wrapping the same functions.
import { describe, expect, it } from 'vitest';
import {
  cspViolations,
  documentsInIframes,
  fence,
  ranScripts,
  recordCspViolations,
  scriptTagPage,
  useChromium,
} from './support/harness';
import { poll } from './support/poll';
import { GTM_SNIPPET } from './support/vendor-snippets';

const GTM = 'https://www.googletagmanager.com/gtm.js?id=GTM-TEST12';
const PARSED = 'https://cdn.tracker.test/parsed.js';
const config = (extra = {}) => ({
  mode: 'opt-in',
  autoBlock: true,
  blockList: [
    { host: 'www.googletagmanager.com', path: '/gtm.js', category: 'analytics' },
    { host: 'tracker.test', category: 'advertising' },
  ],
  ...extra,
});
const EMBEDS = `<script>
  var frame = document.createElement('iframe'); frame.src = 'https://embed.tracker.test/frame'; document.body.append(frame);
  new Image().src = 'https://px.tracker.test/p.gif?n=1';
  var img = document.createElement('img'); img.setAttribute('src', 'https://px.tracker.test/p.gif?n=2'); document.body.append(img);
</script>`;

const s = useChromium();

const open = async (html: string, headers: Record<string, string> = {}) => {
  s.server.set('/page.html', { body: html, headers });
  await s.page.goto(s.server.origin + '/page.html');
  await s.page.waitForFunction(() => (window as any).Consentry);
  // Whatever the page started while it loaded has been answered by now.
  await fence(s.page);
};
const call = (code: string) => s.page.evaluate(`window.Consentry.${code}`);
const tracker = () =>
  s.thirdParty.requests.map((r) => r.url()).filter((u) => u.includes('tracker.test') && u !== PARSED);

describe('auto-blocking', () => {
  it('holds a GTM loader snippet: no request before consent, one after', async () => {
    await open(scriptTagPage(config(), { head: GTM_SNIPPET }));
    expect(s.thirdParty.hits('googletagmanager')).toEqual([]);
    await call('acceptAll()');
    await poll(() => ranScripts(s.page)).toEqual([GTM]);
    await fence(s.page);
    expect(s.thirdParty.hits('googletagmanager')).toEqual([GTM]);
    expect(s.errors).toEqual([]);
  });

  it('control: without autoBlock the same snippet loads at once', async () => {
    await open(scriptTagPage(config({ autoBlock: false }), { head: GTM_SNIPPET }));
    expect(s.thirdParty.hits('googletagmanager')).toEqual([GTM]);
  });

  it('holds iframes and pixels made by script until their category is granted', async () => {
    await open(scriptTagPage(config(), { body: EMBEDS }));
    expect(tracker()).toEqual([]);
    await call(`update({ analytics: true })`);
    await fence(s.page);
    expect(tracker()).toEqual([]);
    await call(`update({ advertising: true })`);
    await poll(() => tracker().sort()).toEqual([
      'https://embed.tracker.test/frame',
      'https://px.tracker.test/p.gif?n=1',
      'https://px.tracker.test/p.gif?n=2',
    ]);
  });

  it('withdrawing a category whose auto-blocked embed loaded reloads the page; after it the embed is held again', async () => {
    // The iframe is the page's own: it cannot be unloaded like a marked-up one, so like a
    // script that ran, it takes a reload to be gone.
    await open(scriptTagPage(config(), { body: EMBEDS }));
    await call(`update({ advertising: true })`);
    await poll(() => s.page.frames().map((f) => f.url())).toContain('https://embed.tracker.test/frame');
    await Promise.all([s.page.waitForEvent('load'), call(`update({ advertising: false })`)]);
    expect(
      await s.page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type),
    ).toBe('reload');
    await fence(s.page);
    expect(tracker().filter((url) => url.includes('/frame'))).toHaveLength(1);
    expect(await s.page.evaluate(() => document.querySelector('iframe')!.contentDocument?.URL)).toBe('about:blank');
  });

  it('a marked-up embed on a blocked host is still unloaded in place on withdrawal, without a reload', async () => {
    await open(
      scriptTagPage(config(), {
        body: '<iframe data-consent="advertising" data-src="https://embed.tracker.test/frame" title="Video"></iframe>',
      }),
    );
    await call(`update({ advertising: true })`);
    await poll(() => documentsInIframes(s.page)).toEqual(['cross-origin']);
    await s.page.evaluate('window.marker = 1');
    await call(`update({ advertising: false })`);
    await poll(() => documentsInIframes(s.page)).toEqual(['about:blank']);
    await fence(s.page);
    expect(await s.page.evaluate('window.marker')).toBe(1);
    expect(await s.page.locator('[data-consentry-placeholder]').count()).toBe(1);
  });

  it('never executes a parser-inserted <script src> to a blocked host before consent; runs it once after', async () => {
    const body = `<p>before</p><script src="${PARSED}"></script><script>window.afterParsed = true</script><p>after</p>`;
    await open(scriptTagPage(config(), { body }));
    // The preload scanner may have fetched it (WHATWG HTML, "Speculative HTML parsing":
    // html.spec.whatwg.org/multipage/parsing.html#speculative-html-parsing); it must not have run.
    expect(await ranScripts(s.page)).toEqual([]);
    expect(await s.page.evaluate('window.afterParsed')).toBe(true);
    await call(`update({ advertising: true })`);
    await poll(() => ranScripts(s.page)).toEqual([PARSED]);
    // In its original place.
    expect(
      await s.page.evaluate(
        () => document.querySelector('script[src$="parsed.js"]')!.previousElementSibling!.textContent,
      ),
    ).toBe('before');
  });

  it('a preset’s host is blocked too (Meta Pixel: connect.facebook.net)', async () => {
    const snippet = `<script>var s = document.createElement('script'); s.async = true; s.src = 'https://connect.facebook.net/en_US/fbevents.js'; document.head.append(s);</script>`;
    await open(scriptTagPage(config({ presets: [{ name: 'meta-pixel', id: '1234567890123456' }] }), { head: snippet }));
    expect(s.thirdParty.hits('facebook')).toEqual([]);
    // Control: without the preset, the host is not a known tracker.
    await open(scriptTagPage(config(), { head: snippet }));
    expect(s.thirdParty.hits('facebook')).toHaveLength(1);
  });

  it('a returning visitor who granted is not held at all', async () => {
    await open(scriptTagPage(config(), { head: GTM_SNIPPET, body: `<script src="${PARSED}"></script>` + EMBEDS }));
    await call('acceptAll()');
    await s.page.reload();
    await fence(s.page);
    expect(await ranScripts(s.page)).toEqual(expect.arrayContaining([GTM, PARSED]));
    expect(s.thirdParty.hits('gtm.js')).toHaveLength(2);
  });

  it('coexists with other code wrapping createElement and setAttribute', async () => {
    const wrapper = `<script>
      var create = document.createElement, set = Element.prototype.setAttribute;
      window.wrapped = 0;
      document.createElement = function () { window.wrapped++; return create.apply(this, arguments); };
      Element.prototype.setAttribute = function () { return set.apply(this, arguments); };
    </script>`;
    await open(scriptTagPage(config(), { head: wrapper + GTM_SNIPPET }));
    expect(s.thirdParty.hits('googletagmanager')).toEqual([]);
    expect(await s.page.evaluate('window.wrapped')).toBeGreaterThan(0);
    await call('acceptAll()');
    await poll(() => ranScripts(s.page)).toEqual([GTM]);
    expect(s.errors).toEqual([]);
  });

  it('under a nonce-based CSP, a released parser-inserted script keeps its nonce', async () => {
    const nonce = 'n0nce-4-test';
    await recordCspViolations(s.context);
    await open(
      scriptTagPage(config(), {
        attrs: `nonce="${nonce}"`,
        body: `<script nonce="${nonce}" src="${PARSED}"></script>`,
      }),
      {
        'content-security-policy': `script-src 'self' 'nonce-${nonce}'; style-src 'self'`,
      },
    );
    expect(await ranScripts(s.page)).toEqual([]);
    await call(`update({ advertising: true })`);
    await poll(() => ranScripts(s.page)).toEqual([PARSED]);
    expect(await cspViolations(s.page)).toEqual([]);
  });
});
