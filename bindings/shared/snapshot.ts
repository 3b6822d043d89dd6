// The snapshot a framework renders from, read from the instance through its public API. Shared by
// the React and Vue bindings: the instance is the one source of truth, the snapshot a copy taken
// when it changes.
import type { Consent, ConsentSnapshot } from 'consentry';

/** The instance's state now. */
export const snapshotOf = (consent: Consent): ConsentSnapshot => ({
  state: consent.state,
  decided: consent.decided,
  needsPrompt: consent.needsPrompt,
  signals: consent.signals,
});

/**
 * What a page renders before it can read the visitor's decision (on the server, and while the
 * browser hydrates that server's HTML) when no initial state was given: every category of the
 * instance denied but `essential`, nothing decided, no prompt. Both sides compute the same, so
 * hydration matches; the real state follows right after.
 */
export function undecidedSnapshot(consent: Consent): ConsentSnapshot {
  const state: Record<string, boolean> = {};
  for (const name of Object.keys(consent.state)) state[name] = name == 'essential';
  return { state, decided: false, needsPrompt: false, signals: { gpc: false, dnt: false } };
}

/** Same decisions, flags and signals: a framework need not render again. */
export function sameSnapshot(a: ConsentSnapshot, b: ConsentSnapshot): boolean {
  const names = Object.keys(a.state);
  return (
    a.decided == b.decided &&
    a.needsPrompt == b.needsPrompt &&
    a.signals.gpc == b.signals.gpc &&
    a.signals.dnt == b.signals.dnt &&
    names.length == Object.keys(b.state).length &&
    names.every((name) => a.state[name] === b.state[name])
  );
}
