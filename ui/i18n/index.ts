// `consentry/i18n`: the shipped translations for apps that bundle Consentry. Each language is
// its own dynamic import, so a bundler (Vite, webpack, rollup) makes one small chunk per
// language and the browser fetches only the page's. The script tag fetches `i18n/<lang>.js`
// instead; both are built from the same `ui/i18n/<lang>.ts`.
import type { LanguageTexts } from './en';

export type { EmbedTexts, LanguageTexts, Texts } from './en';

const TRANSLATIONS: Record<string, () => Promise<{ default: LanguageTexts }>> = {
  ar: () => import('./ar'),
  da: () => import('./da'),
  de: () => import('./de'),
  es: () => import('./es'),
  fr: () => import('./fr'),
  it: () => import('./it'),
  nl: () => import('./nl'),
  pl: () => import('./pl'),
  pt: () => import('./pt'),
  sv: () => import('./sv'),
};

/**
 * The texts of a shipped language, or undefined for any other (English is built into the UI).
 * Pass it to `mountUI`, which calls it with the language it picked for the page:
 * ```ts
 * import { loadLanguage } from 'consentry/i18n'
 * mountUI(consent, { loadLanguage })
 * ```
 */
export function loadLanguage(lang: string): Promise<LanguageTexts | undefined> {
  const load = {}.hasOwnProperty.call(TRANSLATIONS, lang) ? TRANSLATIONS[lang] : undefined;
  return load ? load().then((module) => module.default) : Promise.resolve(undefined);
}
