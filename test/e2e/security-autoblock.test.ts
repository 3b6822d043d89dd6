// Security review, findings 2 and 4, in real Chromium with every request intercepted and counted.
// Finding 2: HTML strings holding a held URL are parsed once (no mutation XSS). Finding 4: each
// DOM path around auto-blocking is held; a control page without Consentry proves that each
// really requests (or, for scripts of the HTML itself, really runs).
import { describe, expect, it } from 'vitest';
import { fence, ranScripts, scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';

const s = useChromium();

const IMG = 'https://px.tracker.test/p.gif';
const JS = 'https://cdn.tracker.test/t.js';
const config = {
  mode: 'opt-in',
  autoBlock: true,
  blockList: [
    { host: 'tracker.test', category: 'advertising' },
    { host: 'paths.example', path: '/t', category: 'advertising' },
  ],
};
const held = () => [...s.thirdParty.hits('tracker.test'), ...s.thirdParty.hits('paths.example')];

const withConsentry = async (body: string, head = '') => {
  // What the control page requested is not counted here.
  await fence(s.page);
  s.thirdParty.requests.splice(0);
  s.server.set('/page.html', scriptTagPage(config, { head, body }));
  await s.page.goto(s.server.origin + '/page.html');
  await s.page.waitForFunction(() => (window as any).Consentry);
  await fence(s.page);
};
const withoutConsentry = async (body: string, head = '') => {
  s.server.set('/control.html', `<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  await s.page.goto(s.server.origin + '/control.html');
};
const grant = () => s.page.evaluate('window.Consentry.update({ advertising: true })');

describe('finding 2: HTML strings are parsed once (mutation XSS)', () => {
  // Known mutation-XSS payloads: inert when parsed once, a live <img onerror> when parsed,
  // serialised and parsed again (research.securitum.com/mutation-xss-via-mathml-mutation-dompurify-2-0-17,
  // the DOMPurify 2.0.17 and 2.2.2 bypasses). Each string also holds a held pixel, so that
  // auto-blocking has to work on it.
  const PAYLOADS = {
    'form / math / mglyph / style': `<form><math><mtext></form><form><mglyph><style></math><img src=x onerror="window.xss=(window.xss||0)+1">`,
    'math / table / mglyph / style': `<math><mtext><table><mglyph><style><img src=x onerror="window.xss=(window.xss||0)+1">`,
  };
  const insert = (payload: string, how: string) =>
    `<div id="box"></div><script>var markup = ${JSON.stringify(`<img src="${IMG}" alt="">` + payload).replace(/</g, '\\u003c')};
    var box = document.getElementById('box'); ${how}</script>`;
  const HOW = {
    innerHTML: 'box.innerHTML = markup;',
    insertAdjacentHTML: "box.insertAdjacentHTML('beforeend', markup);",
    createContextualFragment:
      'var r = document.createRange(); r.selectNodeContents(box); box.append(r.createContextualFragment(markup));',
  };

  for (const [name, payload] of Object.entries(PAYLOADS))
    for (const [path, how] of Object.entries(HOW))
      it(`${name} through ${path}: no script runs with Consentry, as without it; the pixel waits`, async () => {
        await withoutConsentry(insert(payload, how));
        await fence(s.page);
        expect(await s.page.evaluate('window.xss')).toBeUndefined();
        await withConsentry(insert(payload, how));
        await s.page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
        expect(await s.page.evaluate('window.xss')).toBeUndefined();
        expect(held()).toEqual([]);
        await grant();
        await poll(() => s.thirdParty.hits(IMG)).toHaveLength(1);
        expect(await s.page.evaluate('window.xss')).toBeUndefined();
      });
});

interface Bypass {
  /** Page code (a body script) that requests a held URL. */
  code: string;
  /** Once granted, the held URL loads (false where the page never gave it one: it was converted once, or resolved elsewhere). */
  afterGrant?: boolean;
  /**
   * The browser itself converts the value once, so without Consentry the held URL is never
   * requested either: the control page proves that, and with Consentry the page must see the same
   * (a check that converted it a second time would let the held URL through).
   */
  convertedOnce?: boolean;
}

const script = (code: string) => `<div id="box"></div><script>var U = ${JSON.stringify(IMG)}, J = ${JSON.stringify(JS)};
var box = document.getElementById('box'); ${code}</script>`;
const FRAME = `var f = document.createElement('iframe'); document.body.append(f);`;

const BYPASSES: Record<string, Bypass> = {
  'setAttributeNS(null, "src")': { code: `var i = new Image(); i.setAttributeNS(null, 'src', U);` },
  setAttributeNode: {
    code: `var i = document.createElement('img'); var a = document.createAttribute('src'); a.value = U; i.setAttributeNode(a); box.append(i);`,
  },
  'attributes.setNamedItem': {
    code: `var i = document.createElement('img'); var a = document.createAttribute('src'); a.value = U; i.attributes.setNamedItem(a); box.append(i);`,
  },
  'getAttributeNode("src").value =': {
    code: `var i = document.createElement('img'); i.setAttribute('src', '/dist/none.gif'); box.append(i); i.getAttributeNode('src').value = U;`,
  },
  'a URL object whose toString changes between calls': {
    code: `var n = 0; var i = new Image(); i.src = { toString: function () { return n++ ? U : '/dist/none.gif'; } };`,
    afterGrant: false,
    convertedOnce: true,
  },
  'an attribute name whose toString changes between calls': {
    code: `var n = 0; var i = new Image(); i.setAttribute({ toString: function () { return n++ ? 'src' : 'data-x'; } }, U);`,
    afterGrant: false,
    convertedOnce: true,
  },
  'SVG <script href> made with createElementNS': {
    code: `var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg'); box.append(svg);
      var sc = document.createElementNS('http://www.w3.org/2000/svg', 'script'); sc.setAttribute('href', J); svg.append(sc);`,
  },
  'SVG <script> href.baseVal': {
    code: `var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg'); box.append(svg);
      var sc = document.createElementNS('http://www.w3.org/2000/svg', 'script'); sc.href.baseVal = J; svg.append(sc);`,
  },
  'a relative src, then a <base href> to a held host': {
    code: `var sc = document.createElement('script'); sc.src = 't.js';
      var b = document.createElement('base'); b.href = 'https://cdn.tracker.test/'; document.head.prepend(b); document.head.append(sc);`,
    afterGrant: false,
  },
  'the src setter of a fresh iframe’s prototype': {
    code: `${FRAME} var set = Object.getOwnPropertyDescriptor(f.contentWindow.HTMLImageElement.prototype, 'src').set;
      var i = document.createElement('img'); set.call(i, U); box.append(i);`,
  },
  'a script created in an about:blank iframe, appended to the page': {
    code: `${FRAME} var sc = f.contentDocument.createElement('script'); sc.src = J; document.body.append(sc);`,
  },
  'a friendly iframe written into (document.write)': {
    code: `${FRAME} f.contentDocument.open(); f.contentDocument.write('<img src="' + U + '">'); f.contentDocument.close();`,
  },
  'a friendly iframe’s innerHTML': { code: `${FRAME} f.contentDocument.body.innerHTML = '<img src="' + U + '">';` },
  'a friendly iframe’s fetch': { code: `${FRAME} f.contentWindow.fetch(U).catch(function () {});`, afterGrant: false },
  'HTML string: <image src>': { code: `box.innerHTML = '<image src="' + U + '">';` },
  'HTML string: SVG <image href>': { code: `box.innerHTML = '<svg><image href="' + U + '"></image></svg>';` },
  'HTML string: foreignObject content in an SVG context': {
    code: `var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg'); box.append(svg);
      svg.innerHTML = '<foreignObject><img src="' + U + '"></foreignObject>';`,
  },
  'HTML string: srcdoc': { code: `box.innerHTML = '<iframe srcdoc="<img src=' + U + '>"></iframe>';` },
  'srcdoc set by script': {
    code: `var fr = document.createElement('iframe'); fr.srcdoc = '<img src="' + U + '">'; box.append(fr);`,
  },
  'blockList path written /%74/': { code: `new Image().src = 'https://paths.example/%74/p.gif';` },
  'blockList path written /T/': { code: `new Image().src = 'https://paths.example/T/p.gif';` },
  'DOMParser output adopted': {
    code: `var d = new DOMParser().parseFromString('<img src="' + U + '">', 'text/html'); box.append(d.body.firstChild);`,
  },
  'Document.parseHTMLUnsafe output adopted': {
    code: `var d = Document.parseHTMLUnsafe('<img src="' + U + '">'); box.append(d.body.firstChild);`,
  },
  setHTMLUnsafe: { code: `box.setHTMLUnsafe('<img src="' + U + '">');` },
  srcset: { code: `var i = new Image(); i.srcset = U + ' 1x';` },
  '<picture> <source srcset>': {
    code: `var p = document.createElement('picture'); var so = document.createElement('source'); so.srcset = U;
      p.append(so, document.createElement('img')); box.append(p);`,
  },
  '<embed src>': { code: `var e = document.createElement('embed'); e.src = U; box.append(e);` },
  '<object data>': { code: `var o = document.createElement('object'); o.data = U; box.append(o);` },
  '<video poster>': { code: `var v = document.createElement('video'); v.poster = U; box.append(v);` },
  '<input type=image>': {
    code: `var n = document.createElement('input'); n.type = 'image'; n.src = U; box.append(n);`,
  },
  'new Audio(url)': { code: `window.audio = new Audio('https://media.tracker.test/a.mp3');` },
};

describe('finding 4: auto-blocking bypasses by DOM APIs', () => {
  for (const [name, { code, afterGrant = true, convertedOnce = false }] of Object.entries(BYPASSES))
    it(`${name}: ${convertedOnce ? 'the browser converts it once' : 'requests without Consentry'}; held with it${afterGrant ? ', loaded once granted' : ''}`, async () => {
      await withoutConsentry(script(code));
      if (convertedOnce) {
        await fence(s.page);
        expect(held()).toEqual([]);
      } else await poll(() => held().length).toBeGreaterThan(0);
      await withConsentry(script(code));
      expect(held()).toEqual([]);
      expect(s.errors).toEqual([]);
      if (!afterGrant) return;
      await grant();
      await poll(() => held().length).toBeGreaterThan(0);
    });

  // Scripts of the HTML itself: the preload scanner may fetch them; they must not run.
  const PARSED: Record<string, string> = {
    'type=" text/javascript"': `<script type=" text/javascript" src="${JS}"></script>`,
    'type="text/jscript"': `<script type="text/jscript" src="${JS}"></script>`,
    'type="text/javascript1.5"': `<script type="text/javascript1.5" src="${JS}"></script>`,
    'type="text/livescript"': `<script type="text/livescript" src="${JS}"></script>`,
    'language="javascript"': `<script language="javascript" src="${JS}"></script>`,
    'SVG <script href>': `<svg><script href="${JS}"></script></svg>`,
  };
  for (const [name, html] of Object.entries(PARSED))
    it(`a script of the page's HTML with ${name}: runs without Consentry; never runs before consent with it, runs once after`, async () => {
      await withoutConsentry(html);
      await poll(() => ranScripts(s.page)).toEqual([JS]);
      await withConsentry(html);
      expect(await ranScripts(s.page)).toEqual([]);
      await grant();
      await poll(() => ranScripts(s.page)).toEqual([JS]);
    });
});
