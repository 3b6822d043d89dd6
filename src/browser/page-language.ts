// Which language the page is in, chosen the same way by the UI (banner and dialog) and by the
// script tag (embed placeholders) and the consent log, so they never name different languages.
import { hasOwn } from '../core/has-own';
import { internalsOf } from '../core/internals';
import type { Consent } from '../core/types';

/**
 * The languages the page asks for, most wanted first, lower-cased: the configured `ui.lang`
 * when it is set (and not `"auto"`), else `<html lang>`, then the browser's languages.
 * @internal
 */
export function wantedLanguages(configured?: string): string[] {
  const wanted =
    configured && configured != 'auto'
      ? [configured]
      : [document.documentElement.lang, ...(navigator.languages || [navigator.language])];
  return wanted.filter(Boolean).map((tag) => String(tag).toLowerCase());
}

/**
 * The first wanted language that `available` accepts, whole or as its primary subtag
 * (`de-at`, then `de`); undefined when none is.
 * @internal
 */
export function pickLanguage(wanted: string[], available: (lang: string) => unknown): string | undefined {
  return wanted.flatMap((tag) => [tag, tag.split('-')[0]!]).find((lang) => available(lang));
}

/**
 * The page's language as the UI shows it: the first wanted one that has texts, the site's own
 * (`ui.texts`) or a shipped translation (`shipped`; without the list, the first wanted
 * language's primary subtag); English otherwise.
 * @internal
 */
export function pageLanguage(consent: Consent, shipped?: readonly string[]): string {
  const { lang, texts } = internalsOf(consent).config.ui ?? {};
  const available = (language: string) =>
    language == 'en' ||
    (shipped ? shipped.includes(language) : !language.includes('-')) ||
    (texts && hasOwn(texts, language));
  return pickLanguage(wantedLanguages(lang), available) ?? 'en';
}
