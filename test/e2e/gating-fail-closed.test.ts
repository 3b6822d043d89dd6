// Auto-blocking fails closed in real Chromium, for the pages new users actually write: an invalid
// or unparseable config, a config still being fetched, HTML inserted as strings, a category named
// like an Object.prototype member, and a preset next to the site's old snippet of the same vendor.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { fence, ranScripts, scriptTagPage, type TestServer, type ThirdPartyLog, useChromium } from './support/harness';

let server: TestServer;
let context: BrowserContext;
let page: Page;
let thirdParty: ThirdPartyLog;
let errors: string[];

/** This machine may be busy: give the browser time, never a deadline the test relies on. */
const poll = <T>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 10_000 });

useChromium((s) => ({ server, context, page, thirdParty, errors } = s));

const open = async (html: string) => {
  server.set('/page.html', html);
  await page.goto(server.origin + '/page.html');
};
const call = (code: string) => page.evaluate(`window.Consentry.${code}`);

// GTM's own snippet (developers.google.com/tag-platform/tag-manager/web), unchanged.
const GTM_SNIPPET = `<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
})(window,document,'script','dataLayer','GTM-TEST12');</script>`;
const FB_LOADER = `<script>var s = document.createElement('script'); s.async = true;
s.src = 'https://connect.facebook.net/en_US/fbevents.js'; document.head.append(s);</script>`;

describe('1. an invalid config keeps auto-blocking on', () => {
  it('one typo in a preset: the page’s own GTM loader fetches nothing, before or after acceptAll', async () => {
    const config = { mode: 'opt-in', autoBlock: true, presets: [{ name: 'google-tag-manager', id: 'GTM-' }] };
    await open(scriptTagPage(config, { head: GTM_SNIPPET }));
    expect(await page.evaluate('window.Consentry.error !== null')).toBe(true);
    await fence(page);
    expect(thirdParty.hits('googletagmanager')).toEqual([]);
    await call('acceptAll()'); // ignored: the config is invalid
    await fence(page);
    expect(thirdParty.hits('googletagmanager')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('data-config that is not JSON but says "autoBlock": true holds every known tracker host', async () => {
    const html = `<!doctype html><html><head>
<script src="/dist/consentry.js" data-config='{"autoBlock": true, "presets": [}'></script>
${GTM_SNIPPET}${FB_LOADER}</head><body></body></html>`;
    await open(html);
    await fence(page);
    expect(thirdParty.requests.filter((r) => !r.url().includes('fence.example'))).toEqual([]);
  });

  it('a blockList entry of an invalid config is held too', async () => {
    const config = {
      autoBlock: true,
      cookie: { days: -1 }, // invalid
      blockList: [{ host: 'cdn.tracker.test', category: 'advertising' }],
    };
    const loader = `<script>var t = document.createElement('script'); t.src = 'https://cdn.tracker.test/t.js'; document.head.append(t);</script>`;
    await open(scriptTagPage(config, { head: loader }));
    await fence(page);
    expect(thirdParty.hits('tracker.test')).toEqual([]);
  });
});

describe('2. data-config-url leaves no window', () => {
  it('a tracker inserted while the config is fetched is held; the config then decides', async () => {
    let sendConfig!: () => void;
    const configArrives = new Promise<void>((resolve) => {
      sendConfig = resolve;
    });
    server.set('/consent.json', {
      body: JSON.stringify({
        mode: 'opt-in',
        autoBlock: true,
        presets: [{ name: 'meta-pixel', id: '1234567890123456' }],
      }),
      type: 'application/json',
    });
    await context.route('**/consent.json', async (route) => {
      await configArrives;
      await route.fallback();
    });
    await open(`<!doctype html><html><head>
<script src="/dist/consentry.js" data-config-url="/consent.json"></script>${FB_LOADER}</head><body></body></html>`);
    await fence(page);
    expect(thirdParty.hits('facebook')).toEqual([]);
    sendConfig();
    await page.waitForFunction(() => (window as any).Consentry);
    await fence(page);
    expect(thirdParty.hits('facebook')).toEqual([]);
    await call('acceptAll()');
    await poll(() => thirdParty.hits('fbevents.js')).toHaveLength(1);
    await fence(page);
    // The preset's tag and the page's own loader are the same script: it runs once.
    expect(thirdParty.hits('fbevents.js')).toHaveLength(1);
  });

  it('a fetched config with auto-blocking off lets what was held go', async () => {
    server.set('/consent.json', { body: JSON.stringify({ mode: 'opt-in' }), type: 'application/json' });
    await open(`<!doctype html><html><head>
<script src="/dist/consentry.js" data-config-url="/consent.json"></script>${FB_LOADER}</head><body></body></html>`);
    await poll(() => thirdParty.hits('fbevents.js')).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('a config that fails to load keeps everything held', async () => {
    await open(`<!doctype html><html><head>
<script src="/dist/consentry.js" data-config-url="/missing.json"></script>${FB_LOADER}</head><body></body></html>`);
    await page.waitForFunction(() => (window as any).Consentry);
    await call('acceptAll()');
    await fence(page);
    expect(thirdParty.hits('facebook')).toEqual([]);
  });
});

describe('3. HTML inserted as strings', () => {
  const config = { mode: 'opt-in', autoBlock: true, blockList: [{ host: 'tracker.test', category: 'advertising' }] };
  const markup = (n: string) =>
    `<iframe src="https://embed.tracker.test/frame-${n}"></iframe><img src="https://px.tracker.test/p.gif?n=${n}" alt="">` +
    `<script src="https://cdn.tracker.test/s-${n}.js"></script>`;
  /** How the page inserts MARKUP, and whether the browser runs the script in it at all once allowed. */
  const PATHS: Record<string, { code: string; scriptRuns: boolean }> = {
    innerHTML: {
      code: `var box = document.createElement('div'); document.body.append(box); box.innerHTML = MARKUP;`,
      scriptRuns: false,
    },
    'innerHTML of a detached element, attached later': {
      code: `var box = document.createElement('div'); box.innerHTML = MARKUP; document.body.append(box);`,
      scriptRuns: false,
    },
    insertAdjacentHTML: { code: `document.body.insertAdjacentHTML('beforeend', MARKUP);`, scriptRuns: false },
    outerHTML: {
      code: `var box = document.createElement('div'); document.body.append(box); box.outerHTML = '<div>' + MARKUP + '</div>';`,
      scriptRuns: false,
    },
    'shadow root innerHTML': {
      code: `var host = document.createElement('div'); document.body.append(host); host.attachShadow({ mode: 'open' }).innerHTML = MARKUP;`,
      scriptRuns: false,
    },
    'template content imported': {
      code: `var t = document.createElement('template'); t.innerHTML = MARKUP; document.body.append(document.importNode(t.content, true));`,
      scriptRuns: false,
    },
    'template content cloned': {
      code: `var t = document.createElement('template'); t.innerHTML = MARKUP; document.body.append(t.content.cloneNode(true));`,
      scriptRuns: false,
    },
    'template in the HTML, adopted': {
      code: `document.body.append(document.getElementById('tpl').content);`,
      scriptRuns: true,
    },
    'createContextualFragment of a new range': {
      code: `document.body.append(document.createRange().createContextualFragment(MARKUP));`,
      scriptRuns: true,
    },
    createContextualFragment: {
      code: `var range = document.createRange(); range.selectNodeContents(document.body); document.body.append(range.createContextualFragment(MARKUP));`,
      scriptRuns: true,
    },
  };

  for (const [path, { code, scriptRuns }] of Object.entries(PATHS))
    it(`${path}: nothing fetched before consent; after it iframes and images once${scriptRuns ? ', and the script' : ''}`, async () => {
      const n = path.replace(/\W+/g, '-');
      // Escaped: a literal end tag would end the inline script that holds the string.
      const literal = JSON.stringify(markup(n)).replace(/</g, '\\u003c');
      const body = `<template id="tpl">${markup(n)}</template><script>var MARKUP = ${literal}; ${code}</script>`;
      await open(scriptTagPage(config, { body }));
      await fence(page);
      expect(thirdParty.hits('tracker.test')).toEqual([]);
      await call('update({ advertising: true })');
      const expected = [`https://embed.tracker.test/frame-${n}`, `https://px.tracker.test/p.gif?n=${n}`];
      if (scriptRuns) expected.unshift(`https://cdn.tracker.test/s-${n}.js`);
      await poll(() => thirdParty.hits('tracker.test').sort()).toEqual(expected);
      await fence(page);
      expect(thirdParty.hits('tracker.test')).toHaveLength(expected.length);
      expect(await ranScripts(page)).toEqual(scriptRuns ? [`https://cdn.tracker.test/s-${n}.js`] : []);
      expect(errors).toEqual([]);
    });

  it('strings with other hosts, text contexts and markup-only strings are inserted as given', async () => {
    const body = `<script>
      document.body.insertAdjacentHTML('beforeend', '<p id="p">a <b>b</b></p><img id="own" src="/dist/none.gif" alt="">');
      var style = document.createElement('style'); style.innerHTML = '<img src="https://px.tracker.test/in-text.gif">'; document.head.append(style);
    </script>`;
    await open(scriptTagPage(config, { body }));
    expect(await page.evaluate(() => document.getElementById('p')!.outerHTML)).toBe('<p id="p">a <b>b</b></p>');
    expect(await page.evaluate(() => document.getElementById('own')!.getAttribute('src'))).toBe('/dist/none.gif');
    expect(await page.evaluate(() => document.querySelector('style')!.textContent)).toBe(
      '<img src="https://px.tracker.test/in-text.gif">',
    );
  });
});

describe('4. a category named like an Object.prototype member', () => {
  it('"constructor" works like any other: its markup runs once granted, the page hears of it, nothing throws', async () => {
    const config = { mode: 'opt-in', categories: { constructor: { label: 'Builder' } } };
    const body = `<script type="text/plain" data-consent="constructor">window.builderRan = true</script>
      <script>addEventListener('consentry:change', function (e) { window.heard = e.detail.state.constructor; });</script>`;
    await open(scriptTagPage(config, { body }));
    await call('update({ constructor: true })');
    await page.waitForFunction(() => (window as any).builderRan === true);
    expect(await page.evaluate('window.heard')).toBe(true);
    expect(await page.evaluate('window.dataLayer.at(-1).consentry.constructor')).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('5. a preset and the page’s old snippet of the same vendor', () => {
  // react-gtm-module's URL for a container without an environment (its dist/Snippets.js).
  const reactGtm = (id: string) => `<script>var j = document.createElement('script'); j.async = true;
    j.src = 'https://www.googletagmanager.com/gtm.js?id=${id}&gtm_auth=&gtm_preview=&gtm_cookies_win=x';
    document.head.insertBefore(j, document.head.firstChild);</script>`;

  it('GTM with react-gtm-module’s extra query parameters: gtm.js once after consent', async () => {
    const config = { mode: 'opt-in', autoBlock: true, presets: [{ name: 'google-tag-manager', id: 'GTM-TEST12' }] };
    await open(scriptTagPage(config, { head: reactGtm('GTM-TEST12') }));
    await fence(page);
    expect(thirdParty.hits('gtm.js')).toEqual([]);
    await call('acceptAll()');
    await poll(() => thirdParty.hits('gtm.js')).toHaveLength(1);
    await fence(page);
    expect(thirdParty.hits('gtm.js')).toEqual(['https://www.googletagmanager.com/gtm.js?id=GTM-TEST12']);
  });

  it('a returning visitor: the preset loaded at start, the snippet after it never runs a copy', async () => {
    const config = { mode: 'opt-in', autoBlock: true, presets: [{ name: 'google-tag-manager', id: 'GTM-TEST12' }] };
    await open(scriptTagPage(config, { head: reactGtm('GTM-TEST12') }));
    await call('acceptAll()');
    await page.reload();
    await fence(page);
    expect(thirdParty.hits('gtm.js')).toHaveLength(2); // one per page view
  });

  it('UET’s //bat.bing.com/bat.js snippet next to the preset’s https:// URL: bat.js once', async () => {
    thirdParty.stub('bat.bing.com/bat.js', 'window.UET = function () { this.push = function () {}; };');
    // Microsoft's UET tag (help.ads.microsoft.com, "Create a UET tag"), unchanged.
    const uet = `<script>(function(w,d,t,r,u){var f,n,i;w[u]=w[u]||[],f=function(){var o={ti:"12345678", enableAutoSpaTracking: true};o.q=w[u],w[u]=new UET(o),w[u].push("pageLoad")},n=d.createElement(t),n.src=r,n.async=1,n.onload=n.onreadystatechange=function(){var s=this.readyState;s&&s!=="loaded"&&s!=="complete"||(f(),n.onload=n.onreadystatechange=null)},i=d.getElementsByTagName(t)[0],i.parentNode.insertBefore(n,i)})(window,document,"script","//bat.bing.com/bat.js","uetq");</script>`;
    const config = { mode: 'opt-in', autoBlock: true, presets: [{ name: 'microsoft-uet', id: '12345678' }] };
    await open(scriptTagPage(config, { head: uet }));
    await fence(page);
    expect(thirdParty.hits('bat.bing.com')).toEqual([]);
    await call('acceptAll()');
    await poll(() => thirdParty.hits('bat.bing.com')).toHaveLength(1);
    await fence(page);
    expect(thirdParty.hits('bat.bing.com')).toEqual(['https://bat.bing.com/bat.js']);
    expect(errors).toEqual([]);
  });

  it('another container id keeps its own script', async () => {
    const config = { mode: 'opt-in', autoBlock: true, presets: [{ name: 'google-tag-manager', id: 'GTM-TEST12' }] };
    await open(scriptTagPage(config, { head: reactGtm('GTM-OTHER9') }));
    await call('acceptAll()');
    await poll(() => thirdParty.hits('gtm.js').sort()).toEqual([
      'https://www.googletagmanager.com/gtm.js?id=GTM-OTHER9&gtm_auth=&gtm_preview=&gtm_cookies_win=x',
      'https://www.googletagmanager.com/gtm.js?id=GTM-TEST12',
    ]);
    expect(errors).toEqual([]);
  });
});
