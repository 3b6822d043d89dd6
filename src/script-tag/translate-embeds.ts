// Held-embed placeholders in the page's language: the site's own `ui.texts` at once, and the
// shipped translation (`i18n/<lang>.js`, next to consentry.js) fetched only when a placeholder
// is on a page in one of those languages.
import { insertScript } from '../dom/insert-script';
import type { Gate } from '../gating/start-runtime';
import type { Consent } from '../types';
import { internalsOf } from '../internals';

/**
 * Languages with a translation file in dist/i18n/ (English is built in). The core cannot import
 * the UI's list (ui/i18n/languages.ts); a test keeps the two equal.
 */
export const SHIPPED = 'de fr es it nl pt pl sv da ar'.split(' ');

/** `ui.lang`, else `<html lang>`, else the browser's language: `de-AT` → [`de-at`, `de`]. */
export function pageLanguage(consent: Consent): [string, string] {
  const chosen = internalsOf(consent).config.ui?.lang;
  const lang = (
    chosen && chosen != 'auto' ? chosen : document.documentElement.lang || navigator.language || 'en'
  ).toLowerCase();
  return [lang, lang.split('-')[0]!];
}

/** The site's own texts for the page language (`ui.texts.de`, then `ui.texts['de-at']`). */
export const configuredTexts = (consent: Consent): Record<string, string> => {
  const texts = internalsOf(consent).config.ui?.texts;
  const [lang, base] = pageLanguage(consent);
  return { ...texts?.[base], ...texts?.[lang] };
};

export function translateEmbeds(runtime: Gate, consent: Consent, base: string): void {
  const [, language] = pageLanguage(consent);
  const registered = () => (window as any).ConsentryUI?.i18n?.[language];
  const load = (): void => {
    if (!runtime.placeholders) return;
    const texts = registered()
      ? Promise.resolve()
      : insertScript(`${base}i18n/${language}.js`, undefined, internalsOf(consent).nonce);
    texts.then(
      () => runtime.setTexts({ ...registered(), ...configuredTexts(consent) }),
      () => console.warn(`consentry: no ${language} texts for embed placeholders; showing English`),
    );
  };
  if (!SHIPPED.includes(language)) return;
  if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', load);
  else load();
}
