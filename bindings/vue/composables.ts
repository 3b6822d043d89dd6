// The composables: the app's instance as computed refs, so templates re-render when a decision
// changes.
import { computed, getCurrentInstance, inject, onMounted, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue';
import type { RegisteredCategory, Signals } from 'consentry';
import type { ConsentActions, ConsentView } from '../shared/actions';
import { BINDING, type VueBinding } from './plugin';

/** The plugin's binding; `what` names the caller in the error without one. */
export function useBinding(what: string): VueBinding {
  const binding = inject(BINDING, null);
  if (!binding) throw new Error(`consentry/vue: ${what} needs app.use(createConsentPlugin(…))`);
  // After hydration, the instance's own state (a no-op in a single-page app).
  if (getCurrentInstance()) onMounted(binding.goLive);
  return binding;
}

/** The snapshot's fields as refs, and the actions. */
export interface ConsentRefs extends ConsentActions {
  state: ComputedRef<ConsentView['state']>;
  decided: ComputedRef<boolean>;
  needsPrompt: ComputedRef<boolean>;
  signals: ComputedRef<Signals>;
}

/**
 * The visitor's decision and what to change it with.
 * ```ts
 * const { decided, needsPrompt, acceptAll, rejectAll, showPreferences } = useConsent()
 * ```
 */
export function useConsent(): ConsentRefs {
  const { snapshot, actions } = useBinding('useConsent()');
  return {
    state: computed(() => snapshot.value.state as ConsentView['state']),
    decided: computed(() => snapshot.value.decided),
    needsPrompt: computed(() => snapshot.value.needsPrompt),
    signals: computed(() => snapshot.value.signals),
    ...actions,
  };
}

/** Whether `category` (a name, ref or getter) is granted now (false for a name the config does not have). */
export function useGranted(category: MaybeRefOrGetter<RegisteredCategory>): ComputedRef<boolean> {
  const { snapshot } = useBinding('useGranted()');
  return computed(() => snapshot.value.state[toValue(category)] === true);
}
