// The other ways a tracker phones home, in real Chromium with every request intercepted and
// counted: posthog-js from npm bundled unmodified (fetch, XHR and sendBeacon), a legacy tag that
// document.writes its script and pixel, link hints and other URL-bearing elements made by script,
// and the page's own copy of a tag a preset loads (it finishes with `load`, once).
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle, fence, ranScripts, scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';

const s = useChromium();

const call = (code: string) => s.page.evaluate(`window.Consentry.${code}`);
/** The page; `addOn` names an add-on preset whose file goes before the tag, as the docs say. */
const open = async (config: unknown, head = '', body = '', addOn?: string) => {
  let page = scriptTagPage(config, { head, body });
  if (addOn)
    page = page.replace('<script src="/dist/consentry.js"', `<script src="/dist/presets/${addOn}.js"></script>$&`);
  s.server.set('/page.html', page);
  await s.page.goto(s.server.origin + '/page.html');
  await s.page.waitForFunction(() => (window as any).Consentry);
};

describe('posthog-js from npm, bundled unmodified', () => {
  const KEY = 'phc_TESTtestTESTtestTESTtest12';
  // The site's own analytics module: init at load, then an event each time the page calls
  // `track` (by PostHog's batched fetch/XHR, and by sendBeacon as on page hide).
  const APP = `import posthog from 'posthog-js';
posthog.init(${JSON.stringify(KEY)}, { api_host: 'https://us.i.posthog.com', request_batching: false, disable_session_recording: true, autocapture: false,
  // Headless Chromium looks like a bot to PostHog, which then drops events: send them as for a visitor.
  opt_out_useragent_filter: true });
posthog.capture('loaded');
window.track = function (name) {
  posthog.capture(name);
  posthog.capture(name + '-beacon', {}, { transport: 'sendBeacon' });
};`;
  let app = '';
  beforeAll(async () => {
    app = await bundle(APP);
  });
  const head = () => {
    s.server.set('/app.js', { body: app, type: 'text/javascript' });
    return '<script defer src="/app.js"></script>';
  };
  const posthogRequests = () => s.thirdParty.hits('i.posthog.com');
  const RULES = {
    'the posthog preset': { presets: [{ name: 'posthog', apiKey: KEY }] },
    'a blockList entry': { blockList: [{ host: 'i.posthog.com', category: 'analytics' }] },
  };
  const track = async (name: string) => {
    await s.page.waitForFunction(() => (window as any).track);
    await s.page.evaluate(`window.track(${JSON.stringify(name)})`);
    await fence(s.page);
  };

  for (const [rules, extra] of Object.entries(RULES)) {
    it(`with ${rules}: zero requests before consent; they arrive after acceptAll; none after a withdrawal`, async () => {
      await open({ mode: 'opt-in', autoBlock: true, ...extra }, head(), '', 'posthog');
      await track('before');
      expect(posthogRequests()).toEqual([]);
      await call('acceptAll()');
      await track('granted');
      await poll(() => posthogRequests().filter((url) => url.includes('us.i.posthog.com'))).not.toEqual([]);
      // PostHog's scripts of the category ran, so the withdrawal reloads the page (docs: Withdrawal):
      // wait for the new page, whose Consentry has read the withdrawal.
      await s.page.evaluate('window.beforeWithdrawal = true');
      await call('update({ analytics: false })').catch(() => {}); // the reload may cut the call short
      await poll(() =>
        s.page.evaluate('!window.beforeWithdrawal && !!window.Consentry && !!window.track').catch(() => false),
      ).toBe(true);
      await fence(s.page);
      const seen = posthogRequests().length;
      await track('withdrawn');
      expect(posthogRequests()).toHaveLength(seen);
      expect(s.errors).toEqual([]);
    });

    it(`with ${rules}: none after rejectAll`, async () => {
      await open({ mode: 'opt-in', autoBlock: true, ...extra }, head(), '', 'posthog');
      await call('rejectAll()');
      await track('rejected');
      expect(posthogRequests()).toEqual([]);
      expect(s.errors).toEqual([]);
    });
  }

  it('a config naming the posthog preset without its add-on file (invalid, fail closed): zero requests, also after acceptAll', async () => {
    await open({ mode: 'opt-in', autoBlock: true, ...RULES['the posthog preset'] }, head());
    await track('before');
    await s.page.evaluate('window.Consentry.acceptAll()').catch(() => {});
    await track('after');
    expect(posthogRequests()).toEqual([]);
  });

  it('control: without autoBlock posthog-js sends at once', async () => {
    await open({ mode: 'opt-in', blockList: [{ host: 'i.posthog.com', category: 'analytics' }] }, head());
    await track('before');
    await poll(() => posthogRequests()).not.toEqual([]);
    expect(posthogRequests().every((url) => url.includes('i.posthog.com'))).toBe(true);
  });
});

describe('a legacy tag that document.writes its script and a 1×1 pixel', () => {
  const config = { mode: 'opt-in', autoBlock: true, blockList: [{ host: 'ads.legacy.test', category: 'advertising' }] };
  // As old ad and audience tags do, while the page parses.
  const LEGACY = `<p id="before">before</p><script>
document.write('<scr' + 'ipt src="https://ads.legacy.test/tag.js"></scr' + 'ipt>');
document.writeln('<img src="https://ads.legacy.test/px.gif?id=1" width="1" height="1" alt=""><p id="written">written</p>');
</script><p id="after">after</p>`;

  it('never fetched before consent; the rest of the written markup is untouched; both load once granted', async () => {
    await open(config, '', LEGACY);
    await fence(s.page);
    expect(s.thirdParty.hits('ads.legacy.test')).toEqual([]);
    expect(
      await s.page.evaluate(() => ['before', 'written', 'after'].map((id) => !!document.getElementById(id))),
    ).toEqual([true, true, true]);
    await call('acceptAll()');
    await poll(() => ranScripts(s.page)).toEqual(['https://ads.legacy.test/tag.js']);
    await poll(() => s.thirdParty.hits('ads.legacy.test').sort()).toEqual([
      'https://ads.legacy.test/px.gif?id=1',
      'https://ads.legacy.test/tag.js',
    ]);
    expect(s.errors).toEqual([]);
  });

  it('control: without Consentry both are fetched while the page parses', async () => {
    s.server.set('/control.html', `<!doctype html><html><body>${LEGACY}</body></html>`);
    await s.page.goto(s.server.origin + '/control.html');
    await poll(() => s.thirdParty.hits('ads.legacy.test')).toHaveLength(2);
    expect(await ranScripts(s.page)).toEqual(['https://ads.legacy.test/tag.js']);
  });
});

describe('link hints and other URL-bearing elements made by script', () => {
  const config = {
    mode: 'opt-in',
    autoBlock: true,
    blockList: [{ host: 'hints.tracker.test', category: 'advertising' }],
  };
  const U = 'https://hints.tracker.test/';
  const link = (rel: string, file: string, extra = '') =>
    `var l = document.createElement('link'); l.rel = '${rel}'; l.href = '${U}${file}'; ${extra} document.head.append(l);`;
  // Each creates one element that requests `file` on the held host. preconnect and dns-prefetch
  // open a connection without a request the page can see: they are checked by their attribute.
  const CASES: Record<string, { code: string; file: string }> = {
    'link rel=preload': { code: link('preload', 'pre.js', "l.as = 'script';"), file: 'pre.js' },
    'link rel=modulepreload': { code: link('modulepreload', 'mod.js'), file: 'mod.js' },
    'link rel=prefetch': { code: link('prefetch', 'next.js'), file: 'next.js' },
    'link rel=stylesheet': { code: link('stylesheet', 'style.css'), file: 'style.css' },
    'img srcset': {
      code: `var i = document.createElement('img'); i.srcset = '${U}set.gif 1x'; document.body.append(i);`,
      file: 'set.gif',
    },
    '<picture><source srcset>': {
      code: `var p = document.createElement('picture'); var so = document.createElement('source'); so.srcset = '${U}pic.gif';
        p.append(so, document.createElement('img')); document.body.append(p);`,
      file: 'pic.gif',
    },
    '<video src>': {
      code: `var v = document.createElement('video'); v.src = '${U}v.mp4'; v.preload = 'auto'; document.body.append(v);`,
      file: 'v.mp4',
    },
    '<audio src>': {
      code: `var a = document.createElement('audio'); a.src = '${U}a.mp3'; a.preload = 'auto'; document.body.append(a);`,
      file: 'a.mp3',
    },
    '<video><source src>': {
      code: `var v = document.createElement('video'); v.preload = 'auto'; var so = document.createElement('source');
        so.src = '${U}s.mp4'; v.append(so); document.body.append(v);`,
      file: 's.mp4',
    },
    '<object data>': {
      code: `var o = document.createElement('object'); o.data = '${U}o.html'; document.body.append(o);`,
      file: 'o.html',
    },
    '<embed src>': {
      code: `var e = document.createElement('embed'); e.src = '${U}e.html'; document.body.append(e);`,
      file: 'e.html',
    },
  };

  for (const [name, { code, file }] of Object.entries(CASES))
    it(`${name}: requested without Consentry; held before consent with it; requested once granted`, async () => {
      const body = `<script>${code}</script>`;
      s.server.set('/control.html', `<!doctype html><html><head></head><body>${body}</body></html>`);
      await s.page.goto(s.server.origin + '/control.html');
      await poll(() => s.thirdParty.hits(U + file)).not.toEqual([]);
      await fence(s.page);
      s.thirdParty.requests.splice(0);
      await open(config, '', body);
      await fence(s.page);
      expect(s.thirdParty.hits('hints.tracker.test')).toEqual([]);
      await call('acceptAll()');
      await poll(() => s.thirdParty.hits(U + file)).not.toEqual([]);
      expect(s.errors).toEqual([]);
    });

  for (const rel of ['preconnect', 'dns-prefetch'])
    it(`link rel=${rel}: the held host is not in the page before consent; it is once granted`, async () => {
      await open(config, '', `<script>${link(rel, '')}</script>`);
      const href = () =>
        s.page.evaluate(() =>
          document.querySelector('link[rel$="connect"], link[rel="dns-prefetch"]')?.getAttribute('href'),
        );
      expect((await href()) ?? '').not.toContain('hints.tracker.test');
      await call('acceptAll()');
      await poll(href).toBe(U);
    });
});

describe('the page’s own copy of a tag a preset loads', () => {
  const META = { name: 'meta-pixel', id: '1234567890123456' };
  const FBEVENTS = 'https://connect.facebook.net/en_US/fbevents.js';
  // A script-loader helper, as pages and frameworks write it: waits for `load` or `error`.
  const OWN_COPY = (url: string) => `<script>
window.callbacks = [];
var own = document.createElement('script');
own.src = ${JSON.stringify(url)};
own.onload = function () { window.callbacks.push('load'); };
own.onerror = function () { window.callbacks.push('error'); };
document.head.append(own);
</script>`;

  it('with the meta-pixel preset: after acceptAll fbevents.js runs once and the page’s onload callback ran once', async () => {
    await open({ mode: 'opt-in', autoBlock: true, presets: [META] }, OWN_COPY(FBEVENTS));
    await fence(s.page);
    expect(s.thirdParty.hits('fbevents.js')).toEqual([]);
    await call('acceptAll()');
    await poll(() => s.page.evaluate('window.callbacks')).toEqual(['load']);
    await fence(s.page);
    expect(await ranScripts(s.page)).toEqual([FBEVENTS]);
    expect(s.thirdParty.hits('fbevents.js')).toHaveLength(1);
    expect(await s.page.evaluate('window.callbacks')).toEqual(['load']);
    expect(s.errors).toEqual([]);
  });

  it('when the preset’s copy fails to load, the page’s copy gets error, once', async () => {
    await s.context.route('**/fbevents.js', (route) => route.abort('connectionrefused'));
    await open({ mode: 'opt-in', autoBlock: true, presets: [META] }, OWN_COPY(FBEVENTS));
    await call('acceptAll()');
    await poll(() => s.page.evaluate('window.callbacks')).toEqual(['error']);
    await fence(s.page);
    expect(await s.page.evaluate('window.callbacks')).toEqual(['error']);
  });
});
