// Resolves the texts the UI shows: English, then the chosen translation, then the site's
// `ui.texts` for that language. A language that cannot be found or fetched falls back to
// English with one console warning, never a blank banner (LANDSCAPE.md §3, item 15).
import type { MountOptions } from '../types';
import { en, type Texts } from './en';
import { LANGUAGES } from './languages';

export interface LoadedTexts {
  lang: string;
  /** English, overlaid by the translation and by `own`. */
  t: Texts;
  /** The site's own texts for this language: they win over labels from the config too. */
  own: Record<string, string>;
}

// The script-tag UI finds its translation files next to itself: `<its folder>/i18n/de.js`.
const script = typeof document < 'u' && (document.currentScript as HTMLScriptElement | null);
const nearby = script ? script.src.replace(/[^/]*$/, 'i18n/') : '';

/** Keeps string values only: texts come from JSON a person edits, or from a fetched file. */
const strings = (value: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(value || {})) if (typeof text == 'string') out[key] = text;
  return out;
};

/**
 * Picks the first wanted tag that has texts, whole or as its primary subtag (`de-AT` → `de`);
 * `auto` (the default) reads `<html lang>`, then the browser's languages. A shipped language
 * comes from `i18n/<lang>.js`, which registers itself on `window.ConsentryUI.i18n`.
 */
export async function loadTexts(options: MountOptions): Promise<LoadedTexts> {
  const site: Record<string, unknown> = options.texts || {};
  const { lang: wanted, i18nBase = nearby } = options;
  const tags = (wanted && wanted != 'auto' ? [wanted] : [document.documentElement.lang, ...navigator.languages]).map((tag) => String(tag).toLowerCase());
  const ui = ((window as any).ConsentryUI ||= {});
  let lang = '';
  for (const tag of tags)
    for (const each of [tag, tag.split('-')[0]!]) lang ||= each == 'en' || site[each] || LANGUAGES.includes(each) ? each : '';
  const shipped = LANGUAGES.includes(lang);
  if (shipped && !(ui.i18n && ui.i18n[lang]) && i18nBase)
    await new Promise((done) => {
      const tag = document.createElement('script');
      tag.nonce = options.nonce || '';
      tag.onload = tag.onerror = done;
      tag.src = i18nBase + lang + '.js';
      document.head.appendChild(tag);
    });
  const translation = strings(shipped && ui.i18n && ui.i18n[lang]);
  if (lang ? shipped && !translation.title : tags[0]) {
    console.warn(`consentry: no "${lang || tags[0]}" translation available, showing English`);
    // The language stays only if the site has texts for it, so `lang` on the banner is true.
    if (!site[lang]) lang = '';
  }
  const own = strings(site[(lang ||= 'en')]);
  return { lang, t: { ...en, ...translation, ...own }, own };
}
