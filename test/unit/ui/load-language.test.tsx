// Translations in bundled apps: `mountUI(consent, { loadLanguage })` with `loadLanguage` from
// `consentry/i18n` imports the page's language; without any source the warning says what to pass.
import { afterEach, describe, expect, it, vi } from 'vitest';
import de from '../../../ui/i18n/de';
import { en } from '../../../ui/i18n/en';
import { loadLanguage } from '../../../ui/i18n/index';
import { LANGUAGES } from '../../../ui/i18n/languages';
import { action, banner, setup } from './setup';

afterEach(() => vi.restoreAllMocks());

const title = () => banner()?.querySelector('h2')?.textContent;

describe('loadLanguage (consentry/i18n)', () => {
  it('loads every shipped language, and nothing for others', async () => {
    for (const lang of LANGUAGES) expect((await loadLanguage(lang))?.title, lang).toMatch(/\S/);
    expect(await loadLanguage('de')).toEqual(de);
    expect(await loadLanguage('ja')).toBeUndefined();
    expect(await loadLanguage('constructor')).toBeUndefined();
  });

  it('gives a lang="de" page German through mountUI, with no script inserted', async () => {
    document.documentElement.lang = 'de';
    const asked: string[] = [];
    const counted = (lang: string) => {
      asked.push(lang);
      return loadLanguage(lang);
    };
    await setup({}, { loadLanguage: counted });
    await vi.waitFor(() => expect(title()).toBe(de.title));
    expect(action('accept-all').textContent).toBe(de.acceptAll);
    expect(asked).toEqual(['de']);
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('falls back to English when the import fails, and does not ask for English', async () => {
    document.documentElement.lang = 'fr';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await setup({}, { loadLanguage: () => Promise.reject(new Error('chunk failed')) });
    await vi.waitFor(() => expect(title()).toBe(en.title));
    expect(warn.mock.calls.map((call) => call[0])).toEqual(['consentry: no fr texts, using en']);
    const throwing = () => {
      throw new Error('not a function that returns a promise');
    };
    await setup({}, { loadLanguage: throwing });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(2));
    const asked: string[] = [];
    document.documentElement.lang = 'en';
    await setup({}, { loadLanguage: async (lang) => void asked.push(lang) });
    expect(asked).toEqual([]);
  });

  it('without loadLanguage or i18nBase, the warning says what to pass', async () => {
    document.documentElement.lang = 'de';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await setup();
    await vi.waitFor(() => expect(title()).toBe(en.title));
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      "consentry: no de texts, using en (pass loadLanguage from 'consentry/i18n')",
    ]);
  });
});
