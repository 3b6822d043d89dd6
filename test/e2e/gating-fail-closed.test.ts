// Auto-blocking fails closed in real Chromium, for the pages new users actually write: an invalid
// or unparseable config, a config still being fetched, HTML inserted as strings, a category named
// like an Object.prototype member, and a preset next to the site's old snippet of the same vendor.
import { describe, expect, it } from 'vitest';
import { fence, ranScripts, scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';
import { GTM_SNIPPET, UET_SNIPPET } from './support/vendor-snippets';

const s = useChromium();

const open = async (html: string) => {
  s.server.set('/page.html', html);
  await s.page.goto(s.server.origin + '/page.html');
};
const call = (code: string) => s.page.evaluate(`window.Consentry.${code}`);

const FB_LOADER = `<script>var s = document.createElement('script'); s.async = true;
s.src = 'https://connect.facebook.net/en_US/fbevents.js'; document.head.append(s);</script>`;

describe('an invalid config keeps auto-blocking on', () => {
  it('one typo in a preset: the page’s own GTM loader fetches nothing, before or after acceptAll', async () => {
    const config = { mode: 'opt-in', autoBlock: true, presets: [{ name: 'google-tag-manager', id: 'GTM-' }] };
    await open(scriptTagPage(config, { head: GTM_SNIPPET }));
    expect(await s.page.evaluate('window.Consentry.error !== null')).toBe(true);
    await fence(s.page);
    expect(s.thirdParty.hits('googletagmanager')).toEqual([]);
    await call('acceptAll()'); // ignored: the config is invalid
    await fence(s.page);
    expect(s.thirdParty.hits('googletagmanager')).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('data-config that is not JSON but says "autoBlock": true holds every known tracker host', async () => {
    const html = `<!doctype html><html><head>
<script src="/dist/consentry.js" data-config='{"autoBlock": true, "presets": [}'></script>
${GTM_SNIPPET}${FB_LOADER}</head><body></body></html>`;
    await open(html);
    await fence(s.page);
    expect(s.thirdParty.requests.filter((r) => !r.url().includes('fence.example'))).toEqual([]);
  });

  it('a blockList entry of an invalid config is held too', async () => {
    const config = {
      autoBlock: true,
      cookie: { days: -1 }, // invalid
      blockList: [{ host: 'cdn.tracker.test', category: 'advertising' }],
    };
    const loader = `<script>var t = document.createElement('script'); t.src = 'https://cdn.tracker.test/t.js'; document.head.append(t);</script>`;
    await open(scriptTagPage(config, { head: loader }));
    await fence(s.page);
    expect(s.thirdParty.hits('tracker.test')).toEqual([]);
  });
});

describe('a config fetched from data-config-url: nothing gets through while it loads', () => {
  it('a tracker inserted while the config is fetched is held; the config then decides', async () => {
    let sendConfig!: () => void;
    const configArrives = new Promise<void>((resolve) => {
      sendConfig = resolve;
    });
    s.server.set('/consent.json', {
      body: JSON.stringify({
        mode: 'opt-in',
        autoBlock: true,
        presets: [{ name: 'meta-pixel', id: '1234567890123456' }],
      }),
      type: 'application/json',
    });
    await s.context.route('**/consent.json', async (route) => {
      await configArrives;
      await route.fallback();
    });
    await open(`<!doctype html><html><head>
<script src="/dist/consentry.js" data-config-url="/consent.json"></script>${FB_LOADER}</head><body></body></html>`);
    await fence(s.page);
    expect(s.thirdParty.hits('facebook')).toEqual([]);
    sendConfig();
    await s.page.waitForFunction(() => (window as any).Consentry);
    await fence(s.page);
    expect(s.thirdParty.hits('facebook')).toEqual([]);
    await call('acceptAll()');
    await poll(() => s.thirdParty.hits('fbevents.js')).toHaveLength(1);
    await fence(s.page);
    // The preset's tag and the page's own loader are the same script: it runs once.
    expect(s.thirdParty.hits('fbevents.js')).toHaveLength(1);
  });

  it('a fetched config with auto-blocking off lets what was held go', async () => {
    s.server.set('/consent.json', { body: JSON.stringify({ mode: 'opt-in' }), type: 'application/json' });
    await open(`<!doctype html><html><head>
<script src="/dist/consentry.js" data-config-url="/consent.json"></script>${FB_LOADER}</head><body></body></html>`);
    await poll(() => s.thirdParty.hits('fbevents.js')).toHaveLength(1);
    expect(s.errors).toEqual([]);
  });

  it('a config that fails to load keeps everything held', async () => {
    await open(`<!doctype html><html><head>
<script src="/dist/consentry.js" data-config-url="/missing.json"></script>${FB_LOADER}</head><body></body></html>`);
    await s.page.waitForFunction(() => (window as any).Consentry);
    await call('acceptAll()');
    await fence(s.page);
    expect(s.thirdParty.hits('facebook')).toEqual([]);
  });
});

describe('HTML inserted as strings: its trackers wait for consent, the rest goes in as given', () => {
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
      await fence(s.page);
      expect(s.thirdParty.hits('tracker.test')).toEqual([]);
      await call('update({ advertising: true })');
      const expected = [`https://embed.tracker.test/frame-${n}`, `https://px.tracker.test/p.gif?n=${n}`];
      if (scriptRuns) expected.unshift(`https://cdn.tracker.test/s-${n}.js`);
      await poll(() => s.thirdParty.hits('tracker.test').sort()).toEqual(expected);
      await fence(s.page);
      expect(s.thirdParty.hits('tracker.test')).toHaveLength(expected.length);
      // A fetched script runs a moment after its response: wait for it rather than race it.
      await poll(() => ranScripts(s.page)).toEqual(scriptRuns ? [`https://cdn.tracker.test/s-${n}.js`] : []);
      expect(s.errors).toEqual([]);
    });

  it('strings with other hosts, text contexts and markup-only strings are inserted as given', async () => {
    const body = `<script>
      document.body.insertAdjacentHTML('beforeend', '<p id="p">a <b>b</b></p><img id="own" src="/dist/none.gif" alt="">');
      var style = document.createElement('style'); style.innerHTML = '<img src="https://px.tracker.test/in-text.gif">'; document.head.append(style);
    </script>`;
    await open(scriptTagPage(config, { body }));
    expect(await s.page.evaluate(() => document.getElementById('p')!.outerHTML)).toBe('<p id="p">a <b>b</b></p>');
    expect(await s.page.evaluate(() => document.getElementById('own')!.getAttribute('src'))).toBe('/dist/none.gif');
    expect(await s.page.evaluate(() => document.querySelector('style')!.textContent)).toBe(
      '<img src="https://px.tracker.test/in-text.gif">',
    );
  });
});

describe('a category named like an Object.prototype member is an ordinary category', () => {
  it('"constructor" works like any other: its markup runs once granted, the page hears of it, nothing throws', async () => {
    const config = { mode: 'opt-in', categories: { constructor: { label: 'Builder' } } };
    const body = `<script type="text/plain" data-consent="constructor">window.builderRan = true</script>
      <script>addEventListener('consentry:change', function (e) { window.heard = e.detail.state.constructor; });</script>`;
    await open(scriptTagPage(config, { body }));
    await call('update({ constructor: true })');
    await s.page.waitForFunction(() => (window as any).builderRan === true);
    expect(await s.page.evaluate('window.heard')).toBe(true);
    expect(await s.page.evaluate('window.dataLayer.at(-1).consentry.constructor')).toBe(true);
    expect(s.errors).toEqual([]);
  });
});

describe('a preset next to the page’s old snippet of the same vendor: each tag loads once', () => {
  // react-gtm-module's URL for a container without an environment (its dist/Snippets.js).
  const reactGtm = (id: string) => `<script>var j = document.createElement('script'); j.async = true;
    j.src = 'https://www.googletagmanager.com/gtm.js?id=${id}&gtm_auth=&gtm_preview=&gtm_cookies_win=x';
    document.head.insertBefore(j, document.head.firstChild);</script>`;

  it('GTM with react-gtm-module’s extra query parameters: gtm.js once after consent', async () => {
    const config = { mode: 'opt-in', autoBlock: true, presets: [{ name: 'google-tag-manager', id: 'GTM-TEST12' }] };
    await open(scriptTagPage(config, { head: reactGtm('GTM-TEST12') }));
    await fence(s.page);
    expect(s.thirdParty.hits('gtm.js')).toEqual([]);
    await call('acceptAll()');
    await poll(() => s.thirdParty.hits('gtm.js')).toHaveLength(1);
    await fence(s.page);
    expect(s.thirdParty.hits('gtm.js')).toEqual(['https://www.googletagmanager.com/gtm.js?id=GTM-TEST12']);
  });

  it('a returning visitor: the preset loaded at start, the snippet after it never runs a copy', async () => {
    const config = { mode: 'opt-in', autoBlock: true, presets: [{ name: 'google-tag-manager', id: 'GTM-TEST12' }] };
    await open(scriptTagPage(config, { head: reactGtm('GTM-TEST12') }));
    await call('acceptAll()');
    await s.page.reload();
    await fence(s.page);
    expect(s.thirdParty.hits('gtm.js')).toHaveLength(2); // one per page view
  });

  it('UET’s //bat.bing.com/bat.js snippet next to the preset’s https:// URL: bat.js once', async () => {
    s.thirdParty.stub('bat.bing.com/bat.js', 'window.UET = function () { this.push = function () {}; };');
    // Microsoft's UET tag, unchanged: its snippet requests the protocol-relative URL.
    const config = { mode: 'opt-in', autoBlock: true, presets: [{ name: 'microsoft-uet', id: '12345678' }] };
    await open(scriptTagPage(config, { head: UET_SNIPPET }));
    await fence(s.page);
    expect(s.thirdParty.hits('bat.bing.com')).toEqual([]);
    await call('acceptAll()');
    await poll(() => s.thirdParty.hits('bat.bing.com')).toHaveLength(1);
    await fence(s.page);
    expect(s.thirdParty.hits('bat.bing.com')).toEqual(['https://bat.bing.com/bat.js']);
    expect(s.errors).toEqual([]);
  });

  it('another container id keeps its own script', async () => {
    const config = { mode: 'opt-in', autoBlock: true, presets: [{ name: 'google-tag-manager', id: 'GTM-TEST12' }] };
    await open(scriptTagPage(config, { head: reactGtm('GTM-OTHER9') }));
    await call('acceptAll()');
    await poll(() => s.thirdParty.hits('gtm.js').sort()).toEqual([
      'https://www.googletagmanager.com/gtm.js?id=GTM-OTHER9&gtm_auth=&gtm_preview=&gtm_cookies_win=x',
      'https://www.googletagmanager.com/gtm.js?id=GTM-TEST12',
    ]);
    expect(s.errors).toEqual([]);
  });
});
