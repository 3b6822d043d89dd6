import languages from './languages.json';

/**
 * Languages shipped as separate files (`i18n/<lang>.js` next to the UI); English is built in.
 * languages.json is the one list: the build makes a file of each (bundles/i18n/<lang>.ts), and
 * `consentry/i18n` imports each (index.ts; a test keeps the two equal).
 */
export const LANGUAGES: readonly string[] = languages;

/** Right-to-left languages (Arabic, Hebrew, Persian, Urdu) get a mirrored layout. */
export const isRtl = (lang: string): boolean => /^(ar|he|fa|ur)\b/.test(lang);
