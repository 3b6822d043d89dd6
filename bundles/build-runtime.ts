// dist/build/runtime.mjs: what `consentry build` bundles a site's own script-tag file from.
// Every runtime part and preset is here; the site's bundle keeps only what its config uses
// (src/node/build/script-tag-entry.ts writes the entry that imports them). GPP comes from
// dist/build/gpp.mjs (bundles/build-gpp.ts), imported only for configs with `gpp`.
export { startAutoBlockEarly } from '../src/script-tag/early-auto-block';
export { bootScriptTag } from '../src/script-tag/boot';
export { startGoogleConsentMode } from '../src/browser/google-consent-mode';
export { syncAcrossTabs } from '../src/browser/cross-tab';
export { startConsentLog } from '../src/browser/consent-log/start-consent-log';
export * from '../presets/index';
export { LANGUAGES } from '../ui/i18n/languages';
export { mountReopenButton } from '../ui/reopen-button';
