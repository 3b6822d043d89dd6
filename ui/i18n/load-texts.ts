// Resolves the texts the UI shows: English, then the chosen translation, then the site's
// `ui.texts` for that language. A language without texts falls back to English with a
// console warning, never a blank banner (the failure vanilla-cookieconsent users report in
// github.com/orestbida/cookieconsent/issues/715: no modal when a translation is missing).
import { pickLanguage, wantedLanguages, type Consent } from 'consentry';
import type { MountOptions } from '../types';
import { en, type Texts } from './en';
import { LANGUAGES } from './languages';

export interface LoadedTexts {
  lang: string;
  /** English, overlaid by the translation and by `own`. */
  strings: Texts;
  /** The site's own texts for this language: they win over labels from the config too. */
  own: Record<string, string>;
}

/** Keeps string values only: texts come from JSON a person edits, or from a fetched file. */
const strings = (value: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(value || {}).filter((entry) => typeof entry[1] == 'string'));

/** The texts a bundled app's `loadLanguage` resolves to; one that throws or rejects gives none. */
async function importTexts(load: NonNullable<MountOptions['loadLanguage']>, lang: string): Promise<unknown> {
  try {
    return await load(lang);
  } catch {
    return undefined;
  }
}

/**
 * Picks the first wanted tag that has texts, whole or as its primary subtag (`de-AT` → `de`);
 * `auto` (the default) reads `<html lang>`, then the browser's languages. A shipped language
 * comes from `options.loadLanguage` (bundled apps), else from `<i18nBase><lang>.js`, which
 * registers itself on `window.ConsentryParts.i18n` (the script tag's chunk registry,
 * src/script-tag/chunk-registry.ts); the consent instance inserts it like any essential script
 * (with the nonce).
 */
export async function loadTexts(consent: Consent, options: MountOptions): Promise<LoadedTexts> {
  const site: Record<string, unknown> = options.texts || {};
  const tags = wantedLanguages(options.lang);
  const has = (lang: string): unknown => lang == 'en' || site[lang] || LANGUAGES.includes(lang);
  const registered = (): Record<string, Record<string, string> | undefined> =>
    (window as { ConsentryParts?: { i18n?: Record<string, Record<string, string>> } }).ConsentryParts?.i18n || {};
  let lang = pickLanguage(tags, has) || 'en';
  const shipped = LANGUAGES.includes(lang);
  // A bundled app imports the translation (`consentry/i18n`); the script tag fetches its file.
  const bundled = shipped && options.loadLanguage ? await importTexts(options.loadLanguage, lang) : undefined;
  if (!bundled && !registered()[lang] && shipped && options.i18nBase)
    await consent
      .loadScript('essential', options.i18nBase + lang + '.js', { charset: 'utf-8', nonce: options.nonce || '' })
      .catch(() => {});
  const translation = strings(bundled || registered()[lang]);
  let hint = '';
  if (!translation.title && !site[lang]) {
    // A bundled app that gave no source of translations: say where they come from.
    if (shipped && !options.loadLanguage && !options.i18nBase) hint = " (pass loadLanguage from 'consentry/i18n')";
    lang = 'en';
  }
  if (tags[0] && !tags[0].startsWith(lang)) console.warn(`consentry: no ${tags[0]} texts, using ${lang}${hint}`);
  const own = strings(site[lang]);
  return { lang, strings: { ...en, ...translation, ...own }, own };
}
