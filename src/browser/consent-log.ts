// The proof-of-consent log as a part of the runtime: only a config with `log` needs it, so a site's
// own build without one does not carry it. What it sends is the log beacon's (core/log-beacon.ts).
import { internalsOf } from '../core/internals';
import { sendLog } from '../core/log-beacon';
import type { Consent, ConsentConfig } from '../core/types';

/**
 * Sends every decision made through `consent` to `config.log.endpoint`: the record plus the
 * page's URL, the mode and the signals. Decisions read from another tab are not sent again.
 * Returns the function that stops it.
 * ```ts
 * const stop = startConsentLog(consent, config)
 * ```
 */
export function startConsentLog(consent: Consent, config: ConsentConfig): () => void {
  const endpoint = config.log?.endpoint;
  const { onDecision } = internalsOf(consent);
  if (!endpoint || !onDecision) return () => {};
  return onDecision((record) => sendLog(endpoint, { ...record, mode: consent.mode, signals: consent.signals }));
}
