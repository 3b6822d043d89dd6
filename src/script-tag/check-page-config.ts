// How the script tag checks a config the page gives (`data-config`, `window.consentryConfig`, a
// JSON file): the validator, then each problem an add-on file would fix said in terms of that
// file. The generic files carry it; a file made by `consentry build`, whose own config was checked
// at build time, fetches it in `consentry-check.js` only when the page overrides that config.
import { validateConfig } from '../core/config/validate';
import type { ConfigIssue, PresetRegistry } from '../core/types';
import { explainAddOnFiles } from './add-on-files';
import type { GppPart } from './gpp-part';

/** A config with `gpp` on a page without the GPP part: which file brings it in. */
const GPP_MISSING: ConfigIssue[] = [
  {
    path: 'gpp',
    message: 'GPP is not loaded: add <script src=".../gpp.js"></script> (next to consentry.js) before consentry.js',
  },
];

/**
 * Every problem of `config` for this page, with its path: `registry` holds the presets the page
 * has, `gpp` the GPP part when the page has one. Empty when the config may be used.
 */
export function checkPageConfig(config: unknown, registry: PresetRegistry, gpp?: GppPart): ConfigIssue[] {
  return explainAddOnFiles(validateConfig(config, registry, gpp ? gpp.check : () => GPP_MISSING), config);
}
