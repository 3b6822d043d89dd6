// Public entry of `consentry`: only re-exports. Importing it touches no DOM global.
export { createConsent } from './create-consent';
export type { CreateConsentOptions } from './create-consent';
export { ConsentConfigError } from './config/errors';
export { validateConfig } from './config/validate';
export { definePreset, PRESET } from './define-preset';
export { gate } from './gating';
export type { Gate, GateOptions, PlaceholderTexts } from './gating';
export { checkOption } from './check-option';
export { pageGtag } from './google-consent-mode';
export type { Gtag } from './google-consent-mode';
export type { PresetOptions } from './define-preset';
export type * from './types';
// What ui/ and presets/ share with the runtime beyond the public API (left out of the published types).
export { internalsOf } from './internals';
export type { ConsentInternals } from './internals';
export { pickLanguage, wantedLanguages } from './page-language';
export { onPreferencesOpeners } from './dom/preferences-openers';
