// dist/consentry-log.js: the proof-of-consent log, fetched by the script tag for a config with
// `log` (a site's own build whose config logs carries it instead).
import { startConsentLog } from '../src/browser/consent-log/start-consent-log';
import { register } from '../src/script-tag/chunk-registry';

register('consentLog', startConsentLog);
