// GPP for the script tag: the part that `gpp.js` (the add-on file, loaded before consentry.js)
// registers, and that a site's own build (`consentry build`, for configs with `gpp`) carries.
// Making it installs the `__gpp` stub at once, so ad tags can call it while the config is read;
// the script tag then checks `gpp` with it and starts it for the instance.
import type { GppCheck } from '../core/config/validate';
import { checkGpp } from '../core/gpp/check';
import type { Consent } from '../core/types';
import { startGpp } from '../browser/gpp/start-gpp';
import { installGpp } from '../browser/gpp/api';
import { registered } from './chunk-registry';

export interface GppPart {
  /** Checks the config's `gpp` (paths under `gpp`). */
  check: GppCheck;
  /** Serves `__gpp` for the instance the script tag made. */
  start(consent: Consent): void;
}

/**
 * Installs the stub now and returns the part that serves the full API once the instance exists;
 * the part `gpp.js` registered already when there is one (its stub holds the calls made so far).
 */
export function createGppPart(): GppPart {
  const loaded = registered('gpp');
  if (loaded) return loaded;
  const api = installGpp(window);
  return {
    check: checkGpp,
    start: (consent) => void startGpp(consent, { api }),
  };
}
