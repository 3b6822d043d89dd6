// What the runtime parts and the UI read from an instance beyond its public API: the resolved
// configuration. Kept off the public `Consent` interface (and out of the published declarations),
// so sites code against the documented API only.
import type { Decision } from './log/record';
import type { CategoryInfo, ChangeListener, Consent, ConsentConfig, ResolvedPreset } from './types';

/**
 * The resolved configuration of one instance.
 * @internal
 */
export interface ConsentInternals {
  /** The configuration as given (validated). */
  readonly config: ConsentConfig;
  /** Every category, `essential` first, with its texts as configured. */
  readonly categories: CategoryInfo[];
  /** The configured presets, each with its definition and category. */
  readonly presets: ResolvedPreset[];
  /** Put on every element the library inserts. */
  readonly nonce: string | undefined;
  /**
   * Calls `listener` after each decision made on this instance (not for changes read from the
   * cookie); returns the unsubscribe. The consent log subscribes; the invalid-config stand-in,
   * which takes no decisions, has none.
   */
  readonly onDecision?: (listener: (decision: Decision) => void) => () => void;
  /**
   * Like `on('change')`, but called before a decision made here is stored and before every
   * `on('change')` listener; returns the unsubscribe. For the parts that start and stop vendors
   * (Google Consent Mode, the presets): a granted vendor's request does not wait for the cookie
   * write.
   */
  readonly onVendorChange: (listener: ChangeListener) => () => void;
}

/**
 * Where an instance keeps its internals. `Symbol.for`, so the script tag's core and the UI chunk,
 * built as separate files, find the same key.
 * @internal
 */
export const INTERNALS: unique symbol = Symbol.for('consentry.internals') as never;

/**
 * An instance as `createConsent` (or the script tag's denied stand-in) makes it.
 * @internal
 */
export type InternalConsent = Consent & { readonly [INTERNALS]: ConsentInternals };

/**
 * The internals of an instance made by `createConsent` (or the script tag's denied stand-in).
 * @internal
 */
export function internalsOf(consent: Consent): ConsentInternals {
  return (consent as InternalConsent)[INTERNALS];
}
