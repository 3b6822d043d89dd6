// What the bindings' `useConsent()` returns besides the snapshot: the instance's decisions, typed
// by the registered config's category names.
import type { Consent, ConsentState, ConsentSnapshot, DecisionSource, RegisteredCategory } from 'consentry';

/** One choice per category, for `update()`: `{ analytics: true }`. */
export type CategoryChoices = Partial<Record<RegisteredCategory, boolean>>;

/** The snapshot with the registered config's category names. */
export interface ConsentView extends ConsentSnapshot {
  /** Every category's effective decision: `{ essential: true, analytics: false, … }`. */
  state: ConsentState & Record<RegisteredCategory, boolean>;
}

/** The decisions `useConsent()` can make, and the instance they act on. */
export interface ConsentActions {
  /** Grants every category a signal does not deny (`source` defaults to `api`; a custom banner passes `banner`). */
  acceptAll(source?: DecisionSource): void;
  /** Denies every non-essential category. */
  rejectAll(source?: DecisionSource): void;
  /** An explicit choice per category (others keep their state); it may grant what a signal denied. */
  update(choices: CategoryChoices, source?: DecisionSource): void;
  /** Opens the preferences dialog, loading the UI first (needs `ui` on the provider or plugin). */
  showPreferences(): void;
  /** The consent instance itself, for the rest of its API (`whenGranted`, `loadScript`, `reset`, `record`). */
  consent: Consent;
}

/** The instance's decisions as functions a component can hand on (bound, never `this`-dependent). */
export const actionsOf = (consent: Consent, showPreferences: () => void): ConsentActions => ({
  acceptAll: (source) => consent.acceptAll(source),
  rejectAll: (source) => consent.rejectAll(source),
  update: (choices, source) => consent.update(choices as Record<string, boolean>, source),
  showPreferences,
  consent,
});
