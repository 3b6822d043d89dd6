// Public entry of `consentry/gpp`: the IAB GPP API (`window.__gpp`) for npm apps whose config has
// `gpp`. The script tag gets the same part from gpp.js or from `consentry build`.
import { startGpp as start } from './browser/gpp/start-gpp';
import type { Consent } from './core/types';

/** What `startGpp` returns. */
export interface GppHandle {
  /** Stops following the instance: `__gpp` keeps answering with the last signal. */
  stop(): void;
}

/**
 * Serves `window.__gpp` (IAB GPP CMP API v1.1) for `consent`, whose config has `gpp`: the
 * sections it asks for, from the consent state and Global Privacy Control, updated on every
 * decision and stored with it. Throws `ConsentConfigError` for an invalid `gpp`.
 * ```ts
 * import { createConsent, gate } from 'consentry'
 * import { startGpp } from 'consentry/gpp'
 *
 * const consent = createConsent({ mode: 'auto', gpp: { sections: 'auto' } })
 * gate(consent)
 * startGpp(consent)
 * ```
 */
export function startGpp(consent: Consent): GppHandle {
  return { stop: start(consent).stop };
}
