// The texts of the bindings' placeholder, the same as gate()'s placeholder for held iframes
// (src/browser/embed-holder.ts): `{category}` replaced by the category's configured label, else
// its translated one (`advertisingLabel` in `consentry/i18n/<lang>`), else its name.
import { internalsOf, PLACEHOLDER_TEXTS, type Consent, type PlaceholderTexts } from 'consentry';

/** Placeholder texts, and category labels as `<category>Label`: a language of `consentry/i18n` fits as it is. */
export type PlaceholderTextsOption = Partial<PlaceholderTexts> & Record<string, string | undefined>;

export function placeholderTexts(
  consent: Consent,
  category: string,
  given: Array<PlaceholderTextsOption | undefined>,
): PlaceholderTexts {
  const texts: PlaceholderTextsOption = { ...PLACEHOLDER_TEXTS };
  for (const layer of given) for (const key in layer) if (typeof layer[key] == 'string') texts[key] = layer[key];
  const label =
    internalsOf(consent)?.categories.find((info) => info.name == category)?.label ||
    texts[category + 'Label'] ||
    category;
  const fill = (text: string | undefined): string => String(text).replace('{category}', label);
  return {
    embedBlocked: fill(texts.embedBlocked),
    embedAllow: fill(texts.embedAllow),
    embedOnce: fill(texts.embedOnce),
  };
}
