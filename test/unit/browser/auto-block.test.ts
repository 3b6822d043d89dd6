import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installAutoBlock } from '../../../src/browser/autoblock/install-auto-block';
import { createConsent, definePreset, type Consent } from '../../../src/index';
import { createPageState, type PageState } from '../../../src/browser/page-state';
import { clearCookies } from '../helpers';

const tag = definePreset<{ id: string }>({
  name: 'tag',
  label: 'Tag',
  category: 'analytics',
  hosts: ['www.tags.test/tag.js', 'collect.tags.test'],
  cookies: [],
  options: ['id'],
  validate: () => [],
  load: () => {},
});
const TAG = 'https://www.tags.test/tag.js?id=1';
const tag_ = tag;
const PIXEL = 'https://px.ads.test/p/1.gif';

let consent: Consent;
let uninstall: () => void;
let pageState: PageState;
const undo: Array<() => void> = [];
const start = () => {
  consent = createConsent({
    mode: 'opt-in',
    presets: [tag({ id: '1' })],
    blockList: [{ host: 'ads.test', path: '/p', category: 'advertising' }],
  });
  pageState = createPageState();
  const autoBlock = installAutoBlock({ pageState });
  autoBlock.follow(consent);
  uninstall = autoBlock.uninstall;
  return consent;
};
/** Wraps a prototype's `src` setter the way other libraries do, recording what reaches it. */
const recordSrc = (proto: object, seen: string[]) => {
  const own = Object.getOwnPropertyDescriptor(proto, 'src')!;
  Object.defineProperty(proto, 'src', {
    ...own,
    set(value: string) {
      seen.push(value);
      own.set!.call(this, value);
    },
  });
  undo.push(() => Object.defineProperty(proto, 'src', own));
};

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  uninstall?.();
  for (const step of undo.splice(0).reverse()) step();
  vi.restoreAllMocks();
  clearCookies();
  document.head.innerHTML = document.body.innerHTML = '';
});

describe('installAutoBlock', () => {
  it('holds a loader’s script created with createElement until its category is granted, then gives it its URL', () => {
    start();
    const script = document.createElement('script');
    const onload = () => {};
    script.async = true;
    script.onload = onload;
    script.src = TAG;
    document.head.append(script);
    expect(script.hasAttribute('src')).toBe(false);
    consent.update({ advertising: true });
    expect(script.hasAttribute('src')).toBe(false);
    consent.update({ analytics: true });
    expect(script.getAttribute('src')).toBe(TAG);
    // The same element, so the loader's own handlers still fire.
    expect(script.onload).toBe(onload);
  });

  it('marks the category of a released script as run, so withdrawing it reloads the page', () => {
    start();
    const script = document.createElement('script');
    script.src = TAG;
    const pixel = new Image();
    pixel.src = PIXEL;
    expect([...pageState.ranCategories]).toEqual([]);
    consent.acceptAll();
    expect(script.getAttribute('src')).toBe(TAG);
    // Images cannot run code: only the script's category counts.
    expect([...pageState.ranCategories]).toEqual(['analytics']);
  });

  it('holds setAttribute("src"), iframes and new Image()', () => {
    start();
    const script = document.createElement('script');
    script.setAttribute('SRC', TAG);
    const frame = document.createElement('iframe');
    frame.src = 'https://collect.tags.test/frame';
    const pixel = new Image();
    pixel.src = PIXEL;
    expect([script, frame, pixel].map((el) => el.hasAttribute('src'))).toEqual([false, false, false]);
    consent.acceptAll();
    expect([script.getAttribute('SRC'), frame.src, pixel.src]).toEqual([TAG, 'https://collect.tags.test/frame', PIXEL]);
  });

  it('parses what could hide a blocked host: escapes, tabs, a <base> for relative URLs', () => {
    start();
    const base = document.head.appendChild(
      Object.assign(document.createElement('base'), { href: 'https://www.tags.test/' }),
    );
    const urls = [
      'https://www.tags%2Etest/tag.js',
      'ht\ttps://www.ta\tgs.test/tag.js',
      ' https://www.tags.test/tag.js',
      'HTTPS://WWW.TAGS.TEST/tag.js',
      'tag.js',
    ];
    const scripts = urls.map((url) => Object.assign(document.createElement('script'), { src: url }));
    expect(scripts.map((s) => s.hasAttribute('src'))).toEqual([false, false, false, false, false]);
    base.remove();
  });

  it('lets through first-party URLs, other hosts and granted categories at once', () => {
    start().update({ analytics: true });
    const urls = ['/js/app.js', 'https://cdn.example/lib.js', 'https://www.tags.test/other.js', TAG];
    const scripts = urls.map((url) => Object.assign(document.createElement('script'), { src: url }));
    expect(scripts.map((s) => s.getAttribute('src'))).toEqual(urls);
    const pixel = document.createElement('img');
    pixel.setAttribute('src', 'https://px.ads.test/other.gif');
    expect(pixel.getAttribute('src')).toBe('https://px.ads.test/other.gif');
  });

  it('releases held elements in the order they were held, through wrappers installed before and after it', () => {
    const before: string[] = [];
    recordSrc(HTMLScriptElement.prototype, before);
    start();
    const after: string[] = [];
    const setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (name: string, value: string) {
      after.push(`${name}=${value}`);
      return setAttribute.call(this, name, value);
    };
    undo.push(() => (Element.prototype.setAttribute = setAttribute));
    const urls = [1, 2, 3].map((n) => `${TAG}&n=${n}`);
    const a = document.createElement('script');
    a.src = urls[0]!;
    const b = document.createElement('script');
    b.setAttribute('src', urls[1]!);
    const c = document.createElement('script');
    c.src = urls[2]!;
    expect(before).toEqual([]);
    consent.acceptAll();
    expect(before).toEqual([urls[0], urls[2]]);
    expect(after).toEqual([`src=${urls[1]}`, `src=${urls[1]}`]); // the page's call, then the release
    expect([a, b, c].map((s) => s.getAttribute('src'))).toEqual(urls);
  });

  it('coexists with another library wrapping document.createElement', () => {
    const createElement = document.createElement;
    document.createElement = function (this: Document, ...args: Parameters<Document['createElement']>) {
      const el = createElement.apply(this, args);
      el.setAttribute('data-wrapped', '');
      return el;
    } as Document['createElement'];
    undo.push(() => (document.createElement = createElement));
    start();
    const script = document.createElement('script');
    script.src = TAG;
    expect(script.hasAttribute('data-wrapped')).toBe(true);
    expect(script.hasAttribute('src')).toBe(false);
    consent.acceptAll();
    expect(script.getAttribute('src')).toBe(TAG);
  });

  it('forgets a hold when the page gives the element another URL', () => {
    start();
    const script = document.createElement('script');
    script.src = TAG;
    script.src = '/js/local.js';
    consent.acceptAll();
    expect(script.getAttribute('src')).toBe('/js/local.js');
  });

  it('fails closed: when its own check throws, the element stays held and the page sees no error', () => {
    start();
    vi.spyOn(consent, 'granted').mockImplementation(() => {
      throw new Error('broken');
    });
    const script = document.createElement('script');
    expect(() => (script.src = TAG)).not.toThrow();
    expect(() => script.setAttribute('src', TAG)).not.toThrow();
    expect(script.hasAttribute('src')).toBe(false);
    vi.mocked(consent.granted).mockRestore();
    consent.acceptAll();
    expect(script.hasAttribute('src')).toBe(false);
  });

  it('holds a URL naming a blocked host that it cannot parse', () => {
    start();
    const script = document.createElement('script');
    script.src = 'https://www.tags.test:99999/tag.js';
    consent.acceptAll();
    expect(script.hasAttribute('src')).toBe(false);
  });

  it('keeps the native behaviour of setAttribute for other attributes and bad calls', () => {
    start();
    const el = document.createElement('script');
    el.setAttribute('data-x', '1');
    expect(el.getAttribute('data-x')).toBe('1');
    expect(() => (el.setAttribute as (n: string) => void)('src')).toThrow(/2 arguments/);
  });

  it('uninstalls: the prototypes are restored and new URLs pass', () => {
    const own = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src');
    const setAttribute = Element.prototype.setAttribute;
    start();
    uninstall();
    expect(Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src')).toEqual(own);
    expect(Element.prototype.setAttribute).toBe(setAttribute);
    const script = document.createElement('script');
    script.src = TAG;
    expect(script.getAttribute('src')).toBe(TAG);
  });
});

describe('before a valid config decides', () => {
  const provisional = [
    { host: 'www.tags.test', path: '/tag.js', category: '' },
    { host: 'other.test', path: '', category: '' },
  ];
  const script = (url: string) => Object.assign(document.createElement('script'), { src: url });

  it('holds every host of the given rules, whatever the category, until follow() gets the config', () => {
    const autoBlock = installAutoBlock({ rules: provisional });
    uninstall = autoBlock.uninstall;
    const tag = script(TAG);
    const other = script('https://other.test/o.js');
    const unrelated = script('https://cdn.example/lib.js');
    expect([tag, other, unrelated].map((el) => el.getAttribute('src'))).toEqual([
      null,
      null,
      'https://cdn.example/lib.js',
    ]);
    consent = createConsent({ mode: 'opt-in', presets: [tag_({ id: '1' })] });
    autoBlock.follow(consent);
    // The config names tags.test (analytics), not other.test: that one goes at once.
    expect([tag.getAttribute('src'), other.getAttribute('src')]).toEqual([null, 'https://other.test/o.js']);
    consent.update({ analytics: true });
    expect(tag.getAttribute('src')).toBe(TAG);
  });

  it('releaseAll() lets everything go in order and stops holding (a config with auto-blocking off)', () => {
    const released: string[] = [];
    recordSrc(HTMLScriptElement.prototype, released);
    const autoBlock = installAutoBlock({ rules: provisional });
    uninstall = autoBlock.uninstall;
    const first = script(TAG);
    const second = script('https://other.test/o.js');
    expect(released).toEqual([]);
    autoBlock.releaseAll();
    expect(released).toEqual([TAG, 'https://other.test/o.js']);
    expect([first.getAttribute('src'), second.getAttribute('src')]).toEqual([TAG, 'https://other.test/o.js']);
    expect(script('https://other.test/later.js').getAttribute('src')).toBe('https://other.test/later.js');
  });

  it('never releases a copy of a script a preset loaded: same host and path, the preset’s query included', () => {
    const pageState = createPageState();
    pageState.presetScripts.push({ url: new URL('https://www.tags.test/tag.js?id=1'), loaded: Promise.resolve() });
    const autoBlock = installAutoBlock({ pageState });
    uninstall = autoBlock.uninstall;
    consent = createConsent({ mode: 'opt-in', presets: [tag_({ id: '1' })] });
    autoBlock.follow(consent);
    const copy = script('//www.tags.test/tag.js?id=1&extra=x');
    const otherId = script('https://www.tags.test/tag.js?id=2');
    const image = Object.assign(document.createElement('img'), { src: 'https://www.tags.test/tag.js?id=1' });
    consent.acceptAll();
    expect([copy.getAttribute('src'), otherId.getAttribute('src'), image.getAttribute('src')]).toEqual([
      null,
      'https://www.tags.test/tag.js?id=2',
      'https://www.tags.test/tag.js?id=1',
    ]);
  });
});
