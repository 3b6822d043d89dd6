// What a <ConsentProvider> hands down: its instance as an external store for
// useSyncExternalStore (react.dev/reference/react/useSyncExternalStore), the actions, and the
// placeholder texts.
import { createContext, useContext } from 'react';
import type { Consent, ConsentSnapshot } from 'consentry';
import { actionsOf, type ConsentActions } from '../shared/actions';
import type { PlaceholderTextsOption } from '../shared/placeholder-texts';
import { sameSnapshot, snapshotOf, undecidedSnapshot } from '../shared/snapshot';

export interface ConsentBinding {
  subscribe(onChange: () => void): () => void;
  /** The instance's state; the same object until it changes, as React requires. */
  getSnapshot(): ConsentSnapshot;
  /** What the server rendered with: the initial state given, else nothing granted. */
  getServerSnapshot(): ConsentSnapshot;
  actions: ConsentActions;
  texts: PlaceholderTextsOption | undefined;
}

export const ConsentContext = /* @__PURE__ */ createContext<ConsentBinding | null>(null);

/** The binding of the nearest provider; `what` names the caller in the error without one. */
export function useBinding(what: string): ConsentBinding {
  const binding = useContext(ConsentContext);
  if (!binding) throw new Error(`consentry/react: ${what} needs a <ConsentProvider> above it`);
  return binding;
}

export function createBinding(
  consent: Consent,
  initial: ConsentSnapshot | undefined,
  showPreferences: () => void,
  texts: PlaceholderTextsOption | undefined,
): ConsentBinding {
  let current = snapshotOf(consent);
  const server = initial ?? undecidedSnapshot(consent);
  return {
    subscribe: (onChange) => consent.on('change', onChange),
    getSnapshot() {
      const next = snapshotOf(consent);
      if (!sameSnapshot(next, current)) current = next;
      return current;
    },
    getServerSnapshot: () => server,
    actions: actionsOf(consent, showPreferences),
    texts,
  };
}
