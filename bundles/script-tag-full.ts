// dist/consentry.full.js: consentry.js with the UI, the embed placeholders and the withdrawal
// clean-up built in, for sites that want one file and no request when the banner shows.
import { clearCategory } from '../src/browser/clear-category';
import { startConsentLog } from '../src/browser/consent-log/start-consent-log';
import { syncAcrossTabs } from '../src/browser/cross-tab';
import { embedHolder } from '../src/browser/embed-holder';
import { startGoogleConsentMode } from '../src/browser/google-consent-mode';
import { checkPageConfig } from '../src/script-tag/check-page-config';
import { bootScriptTag } from '../src/script-tag/boot';
import { startAutoBlockEarly } from '../src/script-tag/early-auto-block';
import { CHUNK_INTEGRITY } from './chunk-integrity';
import { builtInPresets } from '../presets/built-in';
import { LANGUAGES } from '../ui/i18n/languages';
import { mountUI } from '../ui/mount-ui';
import { mountReopenButton } from '../ui/reopen-button';

bootScriptTag({
  registry: builtInPresets,
  mountUI,
  mountReopenButton,
  validate: checkPageConfig,
  autoBlock: startAutoBlockEarly,
  parts: {
    consentMode: startGoogleConsentMode,
    crossTab: syncAcrossTabs,
    log: startConsentLog,
    embeds: embedHolder,
    clearCategory,
  },
  languages: LANGUAGES,
  chunkIntegrity: CHUNK_INTEGRITY,
});
