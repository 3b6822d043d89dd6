// Held-embed placeholders in the page's language (chosen as the UI chooses it): the site's own
// `ui.texts` at once, and the shipped translation (`i18n/<lang>.js`, next to consentry.js)
// fetched only when a placeholder is on a page in one of those languages.
import { loadTranslation, type ChunkFolder } from './load-chunk';
import type { Gate } from '../browser/gate';
import type { Consent } from '../core/types';
import { internalsOf } from '../core/internals';
import { pageLanguage } from '../browser/page-language';
import { hasOwn } from '../core/has-own';

/** The site's own texts for the page language (`ui.texts.de`); without `ui.texts`, none, and no language is looked up. */
export const configuredTexts = (consent: Consent, shipped: readonly string[]): Record<string, string> => {
  const texts = internalsOf(consent).config.ui?.texts;
  if (!texts) return {};
  const language = pageLanguage(consent, shipped);
  return { ...(hasOwn(texts, language) ? texts[language] : undefined) };
};

/**
 * Fetches the page language's translation for embed placeholders, once one is shown.
 * `shipped`: the languages with a file in `i18n/` next to the script tag.
 */
export function translateEmbeds(
  runtime: Gate,
  consent: Consent,
  folder: ChunkFolder,
  shipped: readonly string[],
): void {
  const load = (): void => {
    if (!runtime.placeholders) return;
    // Looked up only now: most pages hold no embed.
    const language = pageLanguage(consent, shipped);
    if (!shipped.includes(language)) return;
    loadTranslation(folder, language, internalsOf(consent).nonce).then(
      (texts) => runtime.setTexts({ ...texts, ...configuredTexts(consent, shipped) }),
      () => console.warn(`consentry: no ${language} texts for embed placeholders; showing English`),
    );
  };
  // Without the folder of its own file (see own-script.ts) it fetches nothing: English stays.
  if (!folder.url) return;
  if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', load);
  else load();
}
