// Markup gating in real Chromium with the ESM build: held scripts, iframes and images cause no
// request before consent and load exactly once after, scripts in document order; elements added
// later follow the current decision; a vendor script that throws does not stop the others.
import { describe, expect, it } from 'vitest';
import { documentsInIframes, fence, ranScripts, scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';
import { esmPage, record } from './support/esm-page';

const s = useChromium();

/** Holds the response to `url` until the returned function is called. */
const holdResponse = async (url: string): Promise<() => void> => {
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  await s.context.route(url, async (route) => {
    await answered;
    await route.fallback();
  });
  return answer;
};

const open = async (path: string, html: string) => {
  s.server.set(path, html);
  await s.page.goto(s.server.origin + path);
  await s.page.waitForFunction(() => (window as any).started);
  // Whatever the page started while it loaded has been answered by now.
  await fence(s.page);
};
const consent = (call: string) => s.page.evaluate(`window.consent.${call}`);
const urls = () =>
  s.thirdParty.requests.map((request) => request.url()).filter((url) => !url.includes('fence.example'));

const LIB = 'https://cdn.vendor-a.test/lib.js';
const SECOND = 'https://cdn.vendor-a.test/second.js';
const VIDEO = 'https://video.vendor-b.test/embed/1';
const PIXEL = 'https://px.vendor-b.test/p.gif';

describe('held markup', () => {
  const body = `
    <script type="text/plain" data-consent="analytics" data-src="${LIB}"></script>
    <script type="text/plain" data-consent="analytics">${record('inline')} window.__libSeen = !!window.libLoaded;</script>
    <script type="text/plain" data-consent="analytics" src="${SECOND}"></script>
    <iframe data-consent="advertising" data-src="${VIDEO}" title="Video"></iframe>
    <img data-consent="advertising" data-src="${PIXEL}" alt="">`;

  it('sends no request before consent; after it each element loads exactly once, scripts in document order', async () => {
    // lib.js is answered only once the test has seen that the inline script after it waits.
    const answerLib = await holdResponse(LIB);
    s.thirdParty.stub(LIB, `window.libLoaded = true; ${record(LIB)}`);
    await open('/markup.html', esmPage({ mode: 'opt-in' }, { body }));
    expect(urls()).toEqual([]);
    expect(await ranScripts(s.page)).toEqual([]);
    expect(await s.page.locator('[data-consentry-placeholder="advertising"]').count()).toBe(1);

    await Promise.all([s.page.waitForRequest(LIB), consent('acceptAll()')]);
    expect(await ranScripts(s.page)).toEqual([]);
    answerLib();
    await poll(() => ranScripts(s.page)).toEqual([LIB, 'inline', SECOND]);
    expect(await s.page.evaluate(() => (window as any).__libSeen)).toBe(true);
    await poll(() => urls().sort()).toEqual([LIB, PIXEL, SECOND, VIDEO].sort());
    await fence(s.page);
    expect(urls()).toHaveLength(4);
    // The iframe's request is out, but its frame takes the URL only when the response commits.
    await poll(() => s.page.frames().map((f) => f.url())).toContain(VIDEO);
    expect(await s.page.locator('[data-consentry-placeholder]').count()).toBe(0);
    expect(s.errors).toEqual([]);
  });

  it('loads only the granted category', async () => {
    await open('/markup.html', esmPage({ mode: 'opt-in' }, { body }));
    await consent(`update({ advertising: true })`);
    // The embed may keep a connection open: wait for the exact requests, never for the network to idle.
    await poll(() => urls().sort()).toEqual([PIXEL, VIDEO].sort());
    await fence(s.page);
    expect(urls().sort()).toEqual([PIXEL, VIDEO].sort());
    expect(await ranScripts(s.page)).toEqual([]);
  });

  it('activates on page load for a returning visitor who granted', async () => {
    await open('/markup.html', esmPage({ mode: 'opt-in' }, { body }));
    await consent('acceptAll()');
    await poll(() => ranScripts(s.page)).toHaveLength(3);
    await s.page.reload();
    await poll(() => ranScripts(s.page)).toEqual([LIB, 'inline', SECOND]);
    expect(s.errors).toEqual([]);
  });
});

describe('with the script tag, gating while the page is parsed', () => {
  it('activates held markup in document order for a returning visitor', async () => {
    // Answered late on purpose (after the page has parsed past the inline script), so an inline
    // script run too early would not see it.
    const answerLib = await holdResponse(LIB);
    s.thirdParty.stub(LIB, `window.libLoaded = true; ${record(LIB)}`);
    const body = `
      <script type="text/plain" data-consent="analytics" data-src="${LIB}"></script>
      <p>${'text '.repeat(2000)}</p>
      <script type="text/plain" data-consent="analytics">${record('inline')} window.__libSeen = !!window.libLoaded;</script>
      <script type="text/plain" data-consent="analytics" src="${SECOND}"></script>`;
    s.server.set('/tag.html', scriptTagPage({ mode: 'opt-in' }, { body }));
    await s.page.goto(s.server.origin + '/tag.html');
    await fence(s.page);
    expect(urls()).toEqual([]);
    answerLib();
    await s.page.evaluate('window.Consentry.acceptAll()');
    await poll(() => ranScripts(s.page)).toEqual([LIB, 'inline', SECOND]);
    const reloadedLib = await holdResponse(LIB);
    await Promise.all([s.page.waitForRequest(LIB), s.page.reload({ waitUntil: 'domcontentloaded' })]);
    expect(await ranScripts(s.page)).toEqual([]);
    reloadedLib();
    await poll(() => ranScripts(s.page)).toEqual([LIB, 'inline', SECOND]);
    expect(await s.page.evaluate(() => (window as any).__libSeen)).toBe(true);
  });
});

describe('a returning visitor who granted, with the script tag', () => {
  it("loads a held embed of the page's HTML as the page is parsed, once", async () => {
    const EMBED = 'https://video.vendor-a.test/embed/1';
    const body = `<p>Intro</p><iframe data-consent="analytics" data-src="${EMBED}" width="320" height="180" title="Video"></iframe>
      <p>${'text '.repeat(2000)}</p>`;
    s.server.set('/embed.html', scriptTagPage({ mode: 'opt-in' }, { body }));
    await s.page.goto(s.server.origin + '/embed.html');
    await s.page.evaluate('window.Consentry.acceptAll()');
    await poll(() => s.thirdParty.hits(EMBED).length).toBe(1);
    await s.page.reload();
    await poll(() => s.thirdParty.hits(EMBED).length).toBe(2);
    await poll(() => documentsInIframes(s.page)).toEqual(['cross-origin']);
    expect(await s.page.locator('[data-consentry-placeholder]').count()).toBe(0);
  });
});

describe('elements added later (single-page apps)', () => {
  const add = (n: number) =>
    s.page.evaluate((n) => {
      const box = document.createElement('div');
      box.innerHTML = `<img data-consent="advertising" data-src="https://px.vendor-b.test/late${n}.gif" alt="">`;
      document.body.append(box);
      const script = document.createElement('script');
      script.type = 'text/plain';
      script.setAttribute('data-consent', 'advertising');
      script.setAttribute('data-src', `https://cdn.vendor-b.test/late${n}.js`);
      document.body.append(script);
    }, n);

  it('loads what is added after consent, holds what is added after withdrawal, and loads it on a new grant', async () => {
    await open('/spa.html', esmPage({ mode: 'opt-in', reloadOnRevoke: false }));
    await consent('acceptAll()');
    await add(1);
    await poll(() => ranScripts(s.page)).toEqual(['https://cdn.vendor-b.test/late1.js']);
    await poll(() => s.thirdParty.hits('late1.gif')).toHaveLength(1);

    await consent('rejectAll()');
    await add(2);
    await fence(s.page);
    expect(s.thirdParty.hits('late2')).toEqual([]);
    expect(await ranScripts(s.page)).toEqual(['https://cdn.vendor-b.test/late1.js']);

    await consent(`update({ advertising: true })`);
    await poll(() => ranScripts(s.page)).toEqual([
      'https://cdn.vendor-b.test/late1.js',
      'https://cdn.vendor-b.test/late2.js',
    ]);
    await poll(() => s.thirdParty.hits('late2.gif')).toHaveLength(1);
    expect(s.thirdParty.hits('late1')).toHaveLength(2); // its script and its image, once each
  });

  it('puts an embed of a withdrawn category back behind its placeholder', async () => {
    await open(
      '/embed.html',
      esmPage(
        { mode: 'opt-in' },
        { body: `<iframe data-consent="advertising" data-src="${VIDEO}" title="Video"></iframe>` },
      ),
    );
    await consent('acceptAll()');
    await poll(() => s.page.frames().map((f) => f.url())).toContain(VIDEO);
    await consent('rejectAll()');
    await poll(() => documentsInIframes(s.page)).toEqual(['about:blank']);
    expect(await s.page.locator('[data-consentry-placeholder]').isVisible()).toBe(true);
    expect(await s.page.locator('iframe').isVisible()).toBe(false);
  });
});

describe('failing vendors', () => {
  it('a vendor script that throws does not stop the rest of its category nor other categories', async () => {
    s.thirdParty.stub('broken.js', `${record('broken')} throw new Error('vendor bug');`);
    await open(
      '/broken.html',
      esmPage(
        { mode: 'opt-in' },
        {
          body: `
          <script type="text/plain" data-consent="analytics" data-src="https://cdn.vendor-a.test/broken.js"></script>
          <script type="text/plain" data-consent="analytics">${record('after-broken')}</script>
          <script type="text/plain" data-consent="advertising" data-src="https://cdn.vendor-b.test/ads.js"></script>
          <script type="text/plain" data-consent="analytics" data-src="https://missing.vendor-c.test/404.js"></script>
          <script type="text/plain" data-consent="analytics">${record('after-404')}</script>`,
        },
      ),
    );
    await s.context.route('https://missing.vendor-c.test/**', (route) => route.abort());
    await consent('acceptAll()');
    await poll(async () => (await ranScripts(s.page)).sort()).toEqual([
      'after-404',
      'after-broken',
      'broken',
      'https://cdn.vendor-b.test/ads.js',
    ]);
    expect(s.errors).toEqual(['vendor bug']);
  });
});
