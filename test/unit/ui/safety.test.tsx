// Hostile or broken input never executes and never throws into the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsent } from '../../../src/index';
import { en } from '../../../ui/i18n/en';
import { mountUI } from '../../../ui/index';
import { safeUrl } from '../../../ui/safe-url';
import { nextTask } from '../helpers';
import { action, banner, dialog, host, setup } from './setup';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

afterEach(() => {
  vi.restoreAllMocks();
  delete (window as any).__pwned;
});

describe('hostile strings', () => {
  it('every text from ui.texts is rendered as text, never as markup', async () => {
    const texts = Object.fromEntries(Object.keys(en).map((key) => [key, `${HOSTILE} ${key}`]));
    const { handle } = await setup({ mode: 'opt-out' }, { texts: { en: texts }, reopenButton: true });
    handle.showPreferences();
    const shadow = host().shadowRoot!;
    expect(shadow.querySelector('img, script')).toBeNull();
    expect(banner()!.querySelector('h2')!.textContent).toBe(`${HOSTILE} title`);
    expect(dialog()!.textContent).toContain(`${HOSTILE} prefsTitle`);
    expect(dialog()!.querySelector('[aria-label]')!.getAttribute('aria-label')).toBe(`${HOSTILE} close`);
    expect((window as any).__pwned).toBeUndefined();
  });

  it('category labels and descriptions from the config are text too', async () => {
    const { handle } = await setup({ categories: { analytics: { label: HOSTILE, description: HOSTILE } } });
    handle.showPreferences();
    expect(host().shadowRoot!.querySelector('img, script')).toBeNull();
    expect(dialog()!.textContent).toContain(HOSTILE);
  });

  it.each([
    'javascript:window.__pwned=1',
    'JavaScript:window.__pwned=1',
    ' javascript:window.__pwned=1',
    'java\nscript:window.__pwned=1',
    'java\tscript:window.__pwned=1',
    '\u0000javascript:window.__pwned=1',
    'data:text/html,<script>window.__pwned=1</script>',
    'vbscript:msgbox(1)',
  ])('privacyPolicyUrl %j gives no link', async (url) => {
    await setup({}, { privacyPolicyUrl: url });
    expect(banner()!.querySelector('a')).toBeNull();
  });
});

describe('safeUrl', () => {
  it.each([
    'https://example.com/privacy',
    'http://example.com',
    '/privacy',
    'privacy.html',
    './a:b',
    '?x=1',
    '#policy',
    '//example.com/p',
    'mailto:dpo@example.com',
    'HTTPS://EXAMPLE.COM',
  ])('keeps %j', (url) => expect(safeUrl(url)).toBe(url));
  it.each(['javascript:alert(1)', 'data:,x', 'file:///etc/passwd', 'ftp://x', 'java\r\nscript:x', 42, null, {}])(
    'drops %j',
    (url) => expect(safeUrl(url)).toBeUndefined(),
  );
});

describe('broken input', () => {
  it('a consent instance without a config does not throw into the page', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handle = mountUI({} as any);
    expect(() => {
      handle.show();
      handle.showPreferences();
      handle.hide();
      handle.destroy();
    }).not.toThrow();
    expect(error).toHaveBeenCalled();
  });

  it('a root that cannot hold a shadow root logs and returns a handle that does nothing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handle = mountUI(createConsent({}), { root: document.createElement('input') });
    expect(() => handle.showPreferences()).not.toThrow();
    expect(error.mock.calls[0]![0]).toMatch(/could not mount/);
  });

  it("an invalid config (the script tag's denied instance) still renders and never grants", async () => {
    const { deniedConsent } = await import('../../../src/script-tag/denied-consent');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const consent = deniedConsent(new Error('bad config'));
    const handle = mountUI(consent, { reopenButton: true });
    await nextTask();
    handle.show();
    action('accept-all').click();
    expect(consent.state).toEqual({ essential: true, analytics: false, advertising: false });
    expect(error).toHaveBeenCalled();
    handle.destroy();
  });

  it('blocked cookies: decisions still apply for the page', async () => {
    const jar = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    Object.defineProperty(document, 'cookie', { configurable: true, get: () => '', set: () => {} });
    try {
      const { consent } = await setup();
      action('accept-all').click();
      expect(consent.granted('analytics')).toBe(true);
    } finally {
      Object.defineProperty(document, 'cookie', jar);
      delete (document as any).cookie;
    }
  });
});
