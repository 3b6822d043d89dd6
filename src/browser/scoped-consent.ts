import type { Consent } from '../core/types';
import { whenGranted } from '../core/when-granted';

export interface ScopedConsent {
  /** The same instance, except that its `on` and `whenGranted` subscriptions belong to the scope. */
  consent: Consent;
  /** Ends every subscription made through the scope. */
  dispose(): void;
}

/**
 * A view of `consent` for one part of the runtime that does not hand back a disposer of its own
 * (Google Consent Mode, the presets' own listeners): what it subscribes through the view ends
 * when the runtime stops. Everything else reads and decides on the instance itself.
 */
export function scopeConsent(consent: Consent): ScopedConsent {
  const subscriptions = new Set<() => void>();
  const on: Consent['on'] = (event, listener) => {
    const unsubscribe = consent.on(event, listener);
    subscriptions.add(unsubscribe);
    return () => {
      subscriptions.delete(unsubscribe);
      unsubscribe();
    };
  };
  const view: Consent = Object.create(consent, {
    on: { value: on },
    whenGranted: {
      value: (category: string, run: () => void) =>
        whenGranted({ granted: (name) => consent.granted(name), on }, category, run),
    },
  });
  return {
    consent: view,
    dispose() {
      for (const unsubscribe of subscriptions) unsubscribe();
      subscriptions.clear();
    },
  };
}
