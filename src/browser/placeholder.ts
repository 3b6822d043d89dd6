/** Texts of an embed's placeholder; `{category}` is replaced by the category's label. */
export interface PlaceholderTexts {
  embedBlocked: string;
  embedAllow: string;
  embedOnce: string;
}

/** The English placeholder texts (translations: `consentry/i18n/<lang>`). */
export const PLACEHOLDER_TEXTS: PlaceholderTexts = {
  embedBlocked: 'This content is blocked until you allow {category}',
  embedAllow: 'Allow {category}',
  embedOnce: 'Load this once',
};
