// dist/consentry.js: the generic script tag. It carries the eight built-in presets, auto-blocking,
// the config validator, Consent Mode, cross-tab sync and the reopen button; the UI
// (consentry-ui.js), the embed placeholders (consentry-embeds.js), the withdrawal clean-up
// (consentry-cleanup.js), the consent log (consentry-log.js), the debug report and the
// translations are fetched from its folder when a page needs them.
import { syncAcrossTabs } from '../src/browser/cross-tab';
import { startGoogleConsentMode } from '../src/browser/google-consent-mode';
import { checkPageConfig } from '../src/script-tag/check-page-config';
import { bootScriptTag } from '../src/script-tag/boot';
import { startAutoBlockEarly } from '../src/script-tag/early-auto-block';
import { CHUNK_INTEGRITY } from './chunk-integrity';
import { builtInPresets } from '../presets/built-in';
import { LANGUAGES } from '../ui/i18n/languages';
import { mountReopenButton } from '../ui/reopen-button';

bootScriptTag({
  registry: builtInPresets,
  mountReopenButton,
  validate: checkPageConfig,
  autoBlock: startAutoBlockEarly,
  parts: { consentMode: startGoogleConsentMode, crossTab: syncAcrossTabs },
  languages: LANGUAGES,
  chunkIntegrity: CHUNK_INTEGRITY,
});
