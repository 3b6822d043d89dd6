import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsent, definePreset, gate, type Consent, type ConsentConfig, type Gate } from '../../../src/index';
import { clearCookies, nextTask } from '../helpers';

const ga = definePreset<{ id: string }>({
  name: 'ga-like',
  label: 'GA-like',
  category: 'analytics',
  hosts: [],
  cookies: [
    { name: '_ga', purpose: 'p', lifetime: '2 years' },
    { name: '_ga_*', purpose: 'p', lifetime: '2 years' },
    { name: '_vendor_*', purpose: 'p', lifetime: '100 days', storage: 'localStorage' },
  ],
  options: ['id'],
  validate: () => [],
  load: () => {},
});

let consent: Consent;
let gated: Gate;
const start = (config: ConsentConfig = {}, options = {}) => {
  consent = createConsent({ mode: 'opt-in', ...config });
  gated = gate(consent, options);
  return consent;
};
const scripts = () => Array.from(document.querySelectorAll('script')).map((s) => s.getAttribute('src') || s.text);

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  gated?.stop();
  clearCookies();
  localStorage.clear();
  document.head.innerHTML = document.body.innerHTML = '';
  delete (window as { dataLayer?: unknown }).dataLayer;
});

describe('markup gating', () => {
  it('leaves held markup alone until its category is granted', async () => {
    document.body.innerHTML = `
      <script type="text/plain" data-consent="analytics" data-src="https://cdn.vendor.test/a.js"></script>
      <img data-consent="advertising" data-src="https://pixel.test/p.gif" alt="">`;
    start();
    await nextTask();
    expect(document.querySelector('script')!.type).toBe('text/plain');
    expect(document.querySelector('script')!.hasAttribute('src')).toBe(false);
    expect(document.querySelector('img')!.hasAttribute('src')).toBe(false);
  });

  it('activates in document order, an inline script only after the external one before it has loaded', async () => {
    document.body.innerHTML = `
      <script type="text/plain" data-consent="analytics" data-src="https://cdn.vendor.test/lib.js"></script>
      <script type="text/plain" data-consent="analytics">"useLib"</script>
      <script type="text/plain" data-consent="analytics" data-src="https://cdn.vendor.test/async.js" async></script>
      <img data-consent="analytics" data-src="https://pixel.test/p.gif" alt="">`;
    start().acceptAll();
    await nextTask();
    // lib.js is in the page, the inline script still waits for it.
    const lib = document.querySelector<HTMLScriptElement>('script[src="https://cdn.vendor.test/lib.js"]')!;
    expect(lib.type).toBe('');
    expect(scripts()).toEqual(['https://cdn.vendor.test/lib.js', '"useLib"', '']);
    expect(document.querySelector<HTMLScriptElement>('script[type="text/plain"]')!.text).toBe('"useLib"');
    lib.dispatchEvent(new Event('load'));
    await nextTask();
    expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(0);
    expect(scripts()).toEqual(['https://cdn.vendor.test/lib.js', '"useLib"', 'https://cdn.vendor.test/async.js']);
    expect(document.querySelector('img')!.getAttribute('src')).toBe('https://pixel.test/p.gif');
  });

  it('goes on after a script fails to load', async () => {
    document.body.innerHTML = `
      <script type="text/plain" data-consent="analytics" src="https://cdn.vendor.test/missing.js"></script>
      <script type="text/plain" data-consent="analytics">"after"</script>`;
    start().acceptAll();
    await nextTask();
    document.querySelector('script[src]')!.dispatchEvent(new Event('error'));
    await nextTask();
    expect(document.querySelector('script')!.type).toBe('');
    expect(document.querySelectorAll('script:not([type="text/plain"])')).toHaveLength(2);
  });

  it('keeps one category waiting on a slow script without holding back another', async () => {
    document.body.innerHTML = `
      <script type="text/plain" data-consent="analytics" data-src="https://cdn.vendor.test/slow.js"></script>
      <script type="text/plain" data-consent="analytics">"analytics"</script>
      <script type="text/plain" data-consent="advertising">"ads"</script>`;
    start().acceptAll();
    await nextTask();
    expect(scripts()).toContain('"ads"');
    expect(document.querySelector<HTMLScriptElement>('script[type="text/plain"]')!.text).toBe('"analytics"');
  });

  it('copies every attribute, data-type as the type and the nonce as a property', async () => {
    document.body.innerHTML = `<script type="text/plain" data-consent="analytics" data-type="module" data-src="https://cdn.vendor.test/m.js"
      defer integrity="sha384-abc" crossorigin="anonymous" referrerpolicy="no-referrer" data-extra="1"></script>`;
    const held = document.querySelector('script')!;
    held.nonce = 'n0nce';
    start().acceptAll();
    await nextTask();
    const script = document.querySelector('script')!;
    expect(script).not.toBe(held);
    expect(script.type).toBe('module');
    expect(script.getAttribute('src')).toBe('https://cdn.vendor.test/m.js');
    for (const [name, value] of [
      ['defer', ''],
      ['integrity', 'sha384-abc'],
      ['crossorigin', 'anonymous'],
      ['referrerpolicy', 'no-referrer'],
      ['data-extra', '1'],
      ['data-consent', 'analytics'],
    ])
      expect(script.getAttribute(name!)).toBe(value);
    expect(script.nonce).toBe('n0nce');
  });

  it('prefers the nonce given to gate over the element’s own', async () => {
    document.body.innerHTML = `<script type="text/plain" data-consent="analytics">"x"</script>`;
    document.querySelector('script')!.nonce = 'page';
    start({}, { nonce: 'configured' }).acceptAll();
    await nextTask();
    expect(document.querySelector('script')!.nonce).toBe('configured');
  });

  it('never turns a javascript: data-src into an iframe src', async () => {
    document.body.innerHTML = `<iframe data-consent="analytics" data-src="java&#9;script:parent.hacked=1"></iframe><iframe data-consent="analytics" data-src="/ok"></iframe>`;
    start().acceptAll();
    await nextTask();
    expect(Array.from(document.querySelectorAll('iframe'), (f) => f.getAttribute('src'))).toEqual([null, '/ok']);
  });

  it('never activates a category that does not exist, nor markup without a category', async () => {
    document.body.innerHTML = `<script type="text/plain" data-consent="nope">"x"</script><script type="text/plain" data-consent="">"y"</script>`;
    start().acceptAll();
    await nextTask();
    expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(2);
  });

  it('activates elements added later when granted, and holds them when not', async () => {
    start().acceptAll();
    await nextTask();
    document.body.insertAdjacentHTML('beforeend', '<div><img data-consent="analytics" data-src="/a.gif" alt=""></div>');
    await nextTask();
    expect(document.querySelector('img')!.getAttribute('src')).toBe('/a.gif');
    consent.update({ analytics: false });
    document.body.insertAdjacentHTML('beforeend', '<img id="late" data-consent="analytics" data-src="/b.gif" alt="">');
    await nextTask();
    expect(document.getElementById('late')!.hasAttribute('src')).toBe(false);
    consent.update({ analytics: true });
    await nextTask();
    expect(document.getElementById('late')!.getAttribute('src')).toBe('/b.gif');
  });

  it('while the page is parsed, waits until a held script is complete (a node follows it) and keeps later elements behind it', async () => {
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    try {
      start().acceptAll();
      const held = document.createElement('script');
      held.type = 'text/plain';
      held.setAttribute('data-consent', 'analytics');
      held.text = '"first half';
      document.body.append(held);
      await nextTask();
      held.text += ' and second half"';
      document.body.insertAdjacentHTML('beforeend', '<img data-consent="analytics" data-src="/after.gif" alt="">');
      await nextTask();
      expect(scripts()).toEqual(['"first half and second half"']);
      expect(document.querySelector('script')!.type).toBe('');
      expect(document.querySelector('img')!.getAttribute('src')).toBe('/after.gif');

      // The last element of a page is complete at DOMContentLoaded.
      document.body.insertAdjacentHTML(
        'beforeend',
        '<script type="text/plain" data-consent="analytics">"last"</script>',
      );
      await nextTask();
      expect(document.querySelector('script:last-child')!.getAttribute('type')).toBe('text/plain');
      document.dispatchEvent(new Event('DOMContentLoaded'));
      await nextTask();
      expect(scripts()).toEqual(['"first half and second half"', '"last"']);
    } finally {
      delete (document as { readyState?: string }).readyState;
    }
  });

  it('scan() gates a subtree the observer cannot see, such as a shadow root', async () => {
    start().acceptAll();
    const host = document.body.appendChild(document.createElement('div'));
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<img data-consent="analytics" data-src="/s.gif" alt="">';
    gated.scan(shadow);
    await nextTask();
    expect(shadow.querySelector('img')!.getAttribute('src')).toBe('/s.gif');
  });

  it('stops watching after stop()', async () => {
    start();
    gated.stop();
    consent.acceptAll();
    document.body.innerHTML = '<img data-consent="analytics" data-src="/a.gif" alt="">';
    await nextTask();
    expect(document.querySelector('img')!.hasAttribute('src')).toBe(false);
  });
});

describe('embed placeholders', () => {
  const embed =
    '<iframe data-consent="advertising" data-src="https://video.test/embed/1" title="Our video" width="560" height="315"></iframe>';
  const box = () => document.querySelector<HTMLElement>('[data-consentry-placeholder]');
  const button = (text: string) => Array.from(document.querySelectorAll('button')).find((b) => b.textContent === text)!;

  it('shows what is blocked, named after the embed, with the iframe hidden', async () => {
    document.body.innerHTML = embed;
    start();
    await nextTask();
    expect(box()!.getAttribute('data-consentry-placeholder')).toBe('advertising');
    expect(box()!.getAttribute('role')).toBe('group');
    expect(box()!.getAttribute('aria-label')).toBe('Our video');
    expect(box()!.querySelector('p')!.textContent).toBe('This content is blocked until you allow advertising');
    expect(Array.from(box()!.querySelectorAll('button'), (b) => [b.type, b.textContent])).toEqual([
      ['button', 'Allow advertising'],
      ['button', 'Load this once'],
    ]);
    expect(box()!.nextElementSibling).toBe(document.querySelector('iframe'));
    expect(document.querySelector('iframe')!.hidden).toBe(true);
    expect(box()!.hasAttribute('style')).toBe(false);
  });

  it('uses the category label and translated texts, never as markup', async () => {
    document.body.innerHTML = embed;
    start({ categories: { advertising: { label: '<b>Ads</b>' } } }, { texts: { embedAllow: 'Autoriser {category}' } });
    await nextTask();
    expect(button('Autoriser <b>Ads</b>')).toBeTruthy();
    expect(box()!.querySelector('b')).toBeNull();
  });

  it('"Load this once" loads this embed only, without a decision', async () => {
    document.body.innerHTML = embed + embed;
    start();
    await nextTask();
    button('Load this once').click();
    const [first, second] = Array.from(document.querySelectorAll('iframe'));
    expect(first!.getAttribute('src')).toBe('https://video.test/embed/1');
    expect(first!.hidden).toBe(false);
    expect(second!.hasAttribute('src')).toBe(false);
    expect(document.querySelectorAll('[data-consentry-placeholder]')).toHaveLength(1);
    expect(consent.decided).toBe(false);
  });

  it('"Allow" grants the category, recorded as the visitor’s choice, and loads every embed of it', async () => {
    document.body.innerHTML = embed + embed;
    start();
    await nextTask();
    button('Allow advertising').click();
    await nextTask();
    expect(consent.granted('advertising')).toBe(true);
    expect(consent.granted('analytics')).toBe(false);
    expect(consent.record!.source).toBe('preferences');
    expect(box()).toBeNull();
    expect(Array.from(document.querySelectorAll('iframe'), (f) => f.getAttribute('src'))).toEqual([
      'https://video.test/embed/1',
      'https://video.test/embed/1',
    ]);
  });

  it('goes back behind its placeholder on withdrawal', async () => {
    document.body.innerHTML = embed;
    start().acceptAll();
    await nextTask();
    expect(document.querySelector('iframe')!.hasAttribute('src')).toBe(true);
    consent.rejectAll();
    await nextTask();
    expect(document.querySelector('iframe')!.hasAttribute('src')).toBe(false);
    expect(box()).not.toBeNull();
  });

  it('takes translated texts that arrive later (setTexts), and says whether any placeholder shows', async () => {
    document.body.innerHTML = embed;
    start();
    await nextTask();
    expect(gated.placeholders).toBe(true);
    gated.setTexts({
      embedBlocked: 'Bloqué tant que vous n’autorisez pas {category}',
      embedAllow: 'Autoriser {category}',
      advertisingLabel: 'la publicité',
    } as never);
    expect(gated.placeholders).toBe(true);
    await nextTask(); // placeholders go in at the end of the task
    expect(box()!.querySelector('p')!.textContent).toBe('Bloqué tant que vous n’autorisez pas la publicité');
    expect(Array.from(box()!.querySelectorAll('button'), (b) => b.textContent)).toEqual([
      'Autoriser la publicité',
      'Load this once',
    ]);
    expect(document.querySelectorAll('[data-consentry-placeholder]')).toHaveLength(1);
    consent.acceptAll();
    await nextTask();
    expect(gated.placeholders).toBe(false);
  });

  it('measures every held iframe before it places any placeholder: one layout, however many embeds', async () => {
    document.body.innerHTML = embed.repeat(5);
    start().acceptAll();
    await nextTask();
    const placedWhenMeasured: number[] = [];
    Object.defineProperty(HTMLIFrameElement.prototype, 'offsetWidth', {
      configurable: true,
      get() {
        placedWhenMeasured.push(document.querySelectorAll('[data-consentry-placeholder]').length);
        return 560;
      },
    });
    try {
      consent.rejectAll();
    } finally {
      delete (HTMLIFrameElement.prototype as { offsetWidth?: number }).offsetWidth;
    }
    expect(placedWhenMeasured).toEqual([0, 0, 0, 0, 0]);
    expect(gated.placeholders).toBe(true);
    await nextTask();
    expect(document.querySelectorAll('[data-consentry-placeholder]')).toHaveLength(5);
    expect(Array.from(document.querySelectorAll('iframe'), (f) => f.hidden)).toEqual([true, true, true, true, true]);
  });

  it('is removed with its iframe', async () => {
    document.body.innerHTML = `<div id="w">${embed}</div>`;
    start();
    await nextTask();
    document.querySelector('iframe')!.remove();
    await nextTask();
    expect(box()).toBeNull();
  });
});

describe('on every change', () => {
  it('fires consentry:change and pushes consentry_update to dataLayer', async () => {
    start();
    const events: CustomEvent[] = [];
    addEventListener('consentry:change', (e) => events.push(e as CustomEvent), { once: true });
    (window as { dataLayer?: unknown[] }).dataLayer = [{ existing: true }];
    consent.update({ analytics: true });
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toEqual({
      state: { essential: true, analytics: true, advertising: false },
      previous: { essential: true, analytics: false, advertising: false },
      record: consent.record,
    });
    expect((window as { dataLayer?: unknown[] }).dataLayer).toEqual([
      { existing: true },
      { event: 'consentry_update', consentry: { essential: true, analytics: true, advertising: false } },
    ]);
  });

  it('creates dataLayer when missing, and survives one that throws', () => {
    start();
    consent.acceptAll();
    expect((window as { dataLayer?: unknown[] }).dataLayer).toHaveLength(1);
    (window as { dataLayer?: unknown }).dataLayer = {
      push: () => {
        throw new Error('broken GTM');
      },
    };
    expect(() => consent.rejectAll()).not.toThrow();
  });
});

describe('withdrawal', () => {
  it('deletes the cookies and storage keys the category’s presets and config declare, and nothing else', () => {
    start({ presets: [ga({ id: 'G-1' })], categories: { analytics: { cookies: ['site_stat', 'exp_*'] } } });
    consent.acceptAll();
    for (const name of ['_ga', '_ga_ABC', '_gax', 'site_stat', 'exp_1', 'other']) document.cookie = `${name}=1; path=/`;
    localStorage.setItem('_vendor_state', '1');
    localStorage.setItem('exp_2', '1');
    localStorage.setItem('keep', '1');
    sessionStorage.setItem('exp_3', '1');
    consent.update({ analytics: false });
    expect(
      document.cookie
        .split('; ')
        .map((pair) => pair.split('=')[0])
        .sort(),
    ).toEqual(['_gax', 'consentry', 'other']);
    expect(Object.keys(localStorage)).toEqual(['keep']);
    expect(Object.keys(sessionStorage)).toEqual([]);
  });

  it('never deletes the consent cookie, even when a pattern matches it', () => {
    start({ categories: { analytics: { cookies: ['cons*'] } } });
    consent.acceptAll();
    consent.rejectAll();
    expect(document.cookie).toMatch(/(^|; )consentry=/);
    expect(consent.decided).toBe(true);
  });

  it('does not throw when storage is blocked', () => {
    start({ categories: { analytics: { cookies: ['x*'] } } });
    consent.acceptAll();
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(() => consent.rejectAll()).not.toThrow();
  });
});

describe('stop()', () => {
  it('stops every part: after it, a decision loads no preset or held markup, tells neither Consent Mode nor the page', async () => {
    const loaded = vi.fn();
    const tag = definePreset<{ id: string }>({
      name: 'tag',
      label: 'Tag',
      category: 'analytics',
      google: true,
      hosts: [],
      cookies: [],
      options: ['id'],
      validate: () => [],
      load: loaded,
    });
    document.body.innerHTML = '<script type="text/plain" data-consent="analytics">window.__heldRan = true</script>';
    start({ presets: [tag({ id: '1' })] });
    const pushed = (window as { dataLayer?: unknown[] }).dataLayer!.length;
    const changes = vi.fn();
    window.addEventListener('consentry:change', changes);
    gated.stop();
    consent.acceptAll();
    await nextTask();
    expect(loaded).not.toHaveBeenCalled();
    expect(document.querySelector('script')!.type).toBe('text/plain');
    expect((window as { dataLayer?: unknown[] }).dataLayer).toHaveLength(pushed); // no consent update, no consentry_update
    expect(changes).not.toHaveBeenCalled();
    await expect(consent.loadScript('analytics', 'https://cdn.vendor.test/a.js')).rejects.toThrow('browser runtime');
    window.removeEventListener('consentry:change', changes);
  });

  it('a second gate() after stop() starts afresh and works', async () => {
    start();
    gated.stop();
    gated = gate(consent);
    document.body.innerHTML = '<img data-consent="analytics" data-src="/a.gif" alt="">';
    consent.acceptAll();
    await nextTask();
    expect(document.querySelector('img')!.getAttribute('src')).toBe('/a.gif');
  });
});

describe('a category named like an Object.prototype member', () => {
  it('works like any other: its markup activates, the page hears of the change, nothing throws', async () => {
    document.body.innerHTML = `<img data-consent="constructor" data-src="/c.gif" alt="">
      <script type="text/plain" data-consent="constructor">window.__constructorRan = true</script>`;
    const changes = vi.fn();
    window.addEventListener('consentry:change', changes);
    start({ categories: { constructor: { cookies: ['c_*'] } } });
    expect(() => consent.update({ constructor: true })).not.toThrow();
    await nextTask();
    expect(document.querySelector('img')!.getAttribute('src')).toBe('/c.gif');
    expect(scripts()).toEqual(['window.__constructorRan = true']);
    expect(document.querySelector('script[type="text/plain"]')).toBeNull();
    expect(changes).toHaveBeenCalledOnce();
    expect((window as { dataLayer?: Array<{ event?: string }> }).dataLayer!.at(-1)).toEqual({
      event: 'consentry_update',
      consentry: expect.objectContaining({ constructor: true }),
    });
    expect(errors).not.toHaveBeenCalled();
    window.removeEventListener('consentry:change', changes);
  });
});
