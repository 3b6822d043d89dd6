// Public entry of `consentry/vue`: only re-exports. Importing it touches no DOM global.
export { createConsentPlugin } from './plugin';
export type { ConsentPluginOptions } from './plugin';
export { useConsent, useGranted } from './composables';
export type { ConsentRefs } from './composables';
export { Consent, ConsentPlaceholder } from './consent';
export type { ConsentActions, ConsentView, CategoryChoices } from '../shared/actions';
export type { PageRuntimeOptions } from '../shared/page-runtime';
export type { PlaceholderTextsOption } from '../shared/placeholder-texts';
