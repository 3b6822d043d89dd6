// Languages: English built in, the others registered by their files; `ui.texts` overrides.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ar from '../../../ui/i18n/ar';
import de from '../../../ui/i18n/de';
import { en } from '../../../ui/i18n/en';
import fr from '../../../ui/i18n/fr';
import { LANGUAGES } from '../../../ui/i18n/languages';
import { stub } from '../helpers';
import { action, banner, dialog, host, setup } from './setup';

/** What a translation file does when it runs: register its texts. */
const register = (texts: Record<string, Record<string, string>>) => ((window as any).ConsentryParts = { i18n: texts });
const wrapper = () => host().shadowRoot!.firstElementChild as HTMLElement;
const title = () => banner()!.querySelector('h2')!.textContent;

afterEach(() => vi.restoreAllMocks());

describe('choosing the language', () => {
  it('is English by default, marked lang="en" dir="ltr"', async () => {
    await setup();
    expect(title()).toBe(en.title);
    expect([wrapper().lang, wrapper().dir]).toEqual(['en', 'ltr']);
  });

  it('uses a registered translation for ui.lang', async () => {
    register({ de });
    await setup({}, { lang: 'de' });
    expect(title()).toBe('Cookies auf dieser Website');
    expect(action('accept-all').textContent).toBe('Alle akzeptieren');
    expect(wrapper().lang).toBe('de');
  });

  it('falls back from a regional tag to its language: de-AT → de', async () => {
    register({ de });
    await setup({}, { lang: 'de-AT' });
    expect(wrapper().lang).toBe('de');
  });

  it('auto reads <html lang> first', async () => {
    register({ de, fr });
    document.documentElement.lang = 'fr-CA';
    stub(navigator, 'languages', ['de-DE']);
    await setup({}, { lang: 'auto' });
    expect(wrapper().lang).toBe('fr');
  });

  it('auto then tries the browser languages in order', async () => {
    register({ de });
    stub(navigator, 'languages', ['ja', 'de-CH', 'en']);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await setup();
    expect(wrapper().lang).toBe('de');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe('consentry: no ja texts, using de');
  });

  it('mirrors the layout for Arabic', async () => {
    register({ ar });
    await setup({}, { lang: 'ar' });
    expect([wrapper().lang, wrapper().dir]).toEqual(['ar', 'rtl']);
    expect(title()).toBe(ar.title);
  });

  it('a missing translation falls back to English with one console warning, never a blank banner', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await setup({}, { lang: 'ja' });
    expect(title()).toBe(en.title);
    expect(wrapper().lang).toBe('en');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe('consentry: no ja texts, using en');
  });

  it('a shipped language whose file is not available (no i18nBase) also falls back to English, once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await setup({}, { lang: 'pl' });
    expect(title()).toBe(en.title);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('a language only the site provides works through ui.texts, over English', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await setup({}, { lang: 'eo', texts: { eo: { title: 'Kuketoj en ĉi tiu retejo' } } });
    expect(title()).toBe('Kuketoj en ĉi tiu retejo');
    expect(action('accept-all').textContent).toBe('Accept all');
    expect(wrapper().lang).toBe('eo');
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('overriding texts', () => {
  it('ui.texts overrides any key for its language only', async () => {
    register({ de });
    const texts = { en: { title: 'We value your privacy' }, de: { rejectAll: 'Nein danke' } };
    await setup({}, { lang: 'de', texts });
    expect(title()).toBe('Cookies auf dieser Website');
    expect(action('reject-all').textContent).toBe('Nein danke');
  });

  it('category texts: ui.texts, then the config, then the translation', async () => {
    register({ de });
    await setup(
      { categories: { analytics: { label: 'Product analytics' }, functional: {} } },
      { lang: 'de', texts: { de: { advertisingLabel: 'Anzeigen', functionalLabel: 'Funktional' } } },
    );
    action('preferences').click();
    const label = (name: string) =>
      dialog()!.querySelector(`input[data-consentry-category="${name}"]`)!.closest('li')!.querySelector('label')!
        .textContent;
    expect(label('essential')).toBe('Notwendig');
    expect(label('analytics')).toBe('Product analytics');
    expect(label('advertising')).toBe('Anzeigen');
    expect(label('functional')).toBe('Funktional');
  });

  it('ignores texts that are not strings', async () => {
    await setup({}, { texts: { en: { title: { toString: () => 'x' } as any, text: 42 as any } } });
    expect(title()).toBe(en.title);
  });
});

describe('translation files', () => {
  const dir = join(__dirname, '../../../ui/i18n');
  const files = readdirSync(dir).filter((f) => /^[a-z]{2}\.ts$/.test(f) && f != 'en.ts');

  it('one file per shipped language, and one built file (bundles/i18n) of each', () => {
    expect(files.map((f) => f.slice(0, 2)).sort()).toEqual([...LANGUAGES].sort());
    const entries = readdirSync(join(__dirname, '../../../bundles/i18n')).map((f) => f.slice(0, 2));
    expect(entries.sort()).toEqual([...LANGUAGES].sort());
  });

  it('consentry/i18n imports the same languages for bundled apps', async () => {
    const { loadLanguage } = await import('../../../ui/i18n/index');
    for (const lang of LANGUAGES) expect((await loadLanguage(lang))?.title, lang).toMatch(/\S/);
    expect(await loadLanguage('xx')).toBeUndefined();
  });

  it.each(LANGUAGES)(
    '%s has every English key and the embed placeholder texts, each a non-empty string',
    async (lang) => {
      const texts = (await import(`../../../ui/i18n/${lang}.ts`)).default as Record<string, string>;
      // The placeholder texts' English lives in consentry.js (gating), not in the UI bundle.
      const placeholder = ['embedBlocked', 'embedAllow', 'embedOnce'];
      expect(Object.keys(texts).sort()).toEqual([...Object.keys(en), ...placeholder].sort());
      for (const key of placeholder.slice(0, 2)) expect(texts[key], key).toContain('{category}');
      for (const [key, text] of Object.entries(texts)) {
        expect(typeof text).toBe('string');
        expect(text.trim().length, key).toBeGreaterThan(0);
        expect(text, key).not.toBe(key);
      }
    },
  );
});
