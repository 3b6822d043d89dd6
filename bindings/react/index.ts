// Public entry of `consentry/react`: only re-exports. Importing it touches no DOM global.
export { ConsentProvider } from './provider';
export type { ConsentProviderOptions, ConsentProviderProps } from './provider';
export { useConsent, useGranted } from './hooks';
export { Consent, ConsentPlaceholder } from './consent';
export type { ConsentProps, ConsentPlaceholderProps } from './consent';
export type { ConsentActions, ConsentView, CategoryChoices } from '../shared/actions';
export type { PageRuntimeOptions } from '../shared/page-runtime';
export type { PlaceholderTextsOption } from '../shared/placeholder-texts';
