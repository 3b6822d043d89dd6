// dist/consentry.full.js: consentry.js with the UI built in, for sites that want one file and
// no request when the banner shows.
import { installAutoBlock } from '../src/browser/autoblock/install-auto-block';
import { startConsentLog } from '../src/browser/consent-log/start-consent-log';
import { validateConfig } from '../src/core/config/validate';
import { bootScriptTag } from '../src/script-tag/boot';
import { builtInPresets } from '../presets/built-in';
import { LANGUAGES } from '../ui/i18n/languages';
import { mountUI } from '../ui/mount-ui';
import { mountReopenButton } from '../ui/reopen-button';

bootScriptTag({
  registry: builtInPresets,
  mountUI,
  mountReopenButton,
  validate: validateConfig,
  installAutoBlock,
  startConsentLog,
  languages: LANGUAGES,
});
