// The hooks: the nearest provider's instance, read through useSyncExternalStore, so a change of
// decision re-renders exactly the components that read it, and server rendering and hydration
// read the server's state.
import { useMemo, useSyncExternalStore } from 'react';
import type { RegisteredCategory } from 'consentry';
import type { ConsentActions, ConsentView } from '../shared/actions';
import { useBinding } from './context';

/**
 * The visitor's decision and what to change it with.
 * ```tsx
 * const { decided, acceptAll, rejectAll, showPreferences } = useConsent()
 * ```
 */
export function useConsent(): ConsentView & ConsentActions {
  const binding = useBinding('useConsent()');
  const snapshot = useSyncExternalStore(binding.subscribe, binding.getSnapshot, binding.getServerSnapshot);
  return useMemo(() => ({ ...(snapshot as ConsentView), ...binding.actions }), [snapshot, binding]);
}

/** Whether `category` is granted now (false for a name the config does not have). */
export function useGranted(category: RegisteredCategory): boolean {
  const binding = useBinding('useGranted()');
  return useSyncExternalStore(
    binding.subscribe,
    () => binding.getSnapshot().state[category] === true,
    () => binding.getServerSnapshot().state[category] === true,
  );
}
