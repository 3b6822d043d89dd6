// dist/consentry.js: the generic script tag. It carries the eight built-in presets, auto-blocking,
// the config validator and the reopen button; the UI (consentry-ui.js), the debug report and the
// translations are fetched from its folder when a page needs them.
import { installAutoBlock } from '../src/browser/autoblock/install-auto-block';
import { startConsentLog } from '../src/browser/consent-log/start-consent-log';
import { validateConfig } from '../src/core/config/validate';
import { bootScriptTag } from '../src/script-tag/boot';
import { builtInPresets } from '../presets/built-in';
import { LANGUAGES } from '../ui/i18n/languages';
import { mountReopenButton } from '../ui/reopen-button';

bootScriptTag({
  registry: builtInPresets,
  mountReopenButton,
  validate: validateConfig,
  installAutoBlock,
  startConsentLog,
  languages: LANGUAGES,
});
