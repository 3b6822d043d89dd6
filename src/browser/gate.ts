import type { Consent } from '../core/types';
import { startRuntime, type Gate, type GateOptions } from './start-runtime';

export type { Gate, GateOptions };

/**
 * The browser runtime, called once after `createConsent` (see `startRuntime` for its parts):
 * pushes Google Consent Mode defaults, starts the presets, activates held markup whose category
 * is granted (in document order, also for elements added later), shows placeholders for held
 * iframes, and on withdrawal deletes the category's cookies and storage keys, then reloads if
 * its scripts ran. Every change fires `consentry:change` on `window` and pushes
 * `consentry_update` to `dataLayer`. `stop()` stops all of it. Throws `consentry: gate() needs a
 * browser` when called without a DOM (server-side rendering).
 * ```ts
 * const consent = createConsent(config)
 * const runtime = gate(consent)
 * ```
 */
export function gate(consent: Consent, options: GateOptions = {}): Gate {
  // On the server there is no page to gate: say so, instead of "document is not defined".
  if (!options.root && typeof document == 'undefined') throw new Error('consentry: gate() needs a browser');
  return startRuntime(consent, options);
}
