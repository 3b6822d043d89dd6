/** Languages shipped as separate files (`i18n/<lang>.js` next to the UI); English is built in. */
export const LANGUAGES = ['de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'ar'];

/** Right-to-left languages (Arabic, Hebrew, Persian, Urdu) get a mirrored layout. */
export const isRtl = (lang: string): boolean => /^(ar|he|fa|ur)\b/.test(lang);
