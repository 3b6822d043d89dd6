// Public entry of `consentry`: only re-exports. Importing it touches no DOM global.
export { createConsent } from './core/create-consent';
export type { CreateConsentOptions } from './core/create-consent';
export { ConsentConfigError } from './core/config/errors';
export { validateConfig } from './core/config/validate';
export type { GppCheck } from './core/config/validate';
export { decisionFromCookie } from './core/decision-from-cookie';
export type { ConsentSnapshot, RequestSignals } from './core/decision-from-cookie';
export type { Register, RegisteredCategory } from './core/register';
export { definePreset, PRESET } from './core/define-preset';
export { gate } from './browser/gate';
export type { Gate, GateOptions } from './browser/gate';
export { PLACEHOLDER_TEXTS } from './browser/placeholder';
export type { PlaceholderTexts } from './browser/placeholder';
export { checkOption } from './core/check-option';
export { pageGtag } from './browser/google-consent-mode';
export type { Gtag } from './browser/google-consent-mode';
export type { PresetOptions } from './core/define-preset';
export type * from './core/types';
export type { ImpressionEvent, LogAction, LogRecord } from './core/log/record';
// What ui/ and presets/ share with the runtime beyond the public API (left out of the published types).
export { internalsOf } from './core/internals';
export type { ConsentInternals } from './core/internals';
export type { Decision } from './core/log/record';
export { pickLanguage, wantedLanguages } from './browser/page-language';
export { onPreferencesOpeners } from './browser/preferences-openers';
