// Which language the page is in, chosen the same way by the UI (banner and dialog) and by the
// script tag (embed placeholders), so the two never show different languages.

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
