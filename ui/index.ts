// Public entry of `consentry/ui`: only re-exports.
export { mountUI } from './mount-ui';
export { mountReopenButton } from './reopen-button';
export type { MountOptions, UIHandle } from './types';
export type { Texts } from './i18n/en';
