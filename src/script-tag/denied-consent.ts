// What the script tag exposes when the config is invalid: the same API with everything
// non-essential denied and every decision ignored, so host code calling it never crashes
// and nothing non-essential can load (fail closed).
import { resolveCategories } from '../core/config/resolve';
import { INTERNALS } from '../core/internals';
import { SCRIPT_LOADER, type RuntimeConsent } from '../core/script-loader';
import { readSignals } from '../core/signals';
import type { Consent } from '../core/types';
import { whenGranted } from '../core/when-granted';

export function deniedConsent(error: Error, nonce?: string): Consent {
  const categories = resolveCategories({});
  const state = Object.fromEntries(categories.map((category) => [category.name, category.locked]));
  const now = Date.now();
  const granted = (category: string): boolean => category === 'essential';
  const ignore = (): void => console.error('consentry: invalid config, decision ignored');
  const consent: RuntimeConsent = {
    get state() {
      return { ...state };
    },
    decided: false,
    needsPrompt: false,
    signals: readSignals(),
    mode: 'opt-in',
    get record() {
      return {
        id: '',
        revision: 0,
        createdAt: now,
        updatedAt: now,
        choices: { analytics: false, advertising: false },
        source: 'default' as const,
      };
    },
    signalDenied: [],
    error,
    // Nothing changes on this instance, so no listener is ever called.
    [INTERNALS]: { config: {}, categories, presets: [], nonce, onVendorChange: () => () => {} },
    granted,
    acceptAll: ignore,
    rejectAll: ignore,
    update: ignore,
    reset: ignore,
    refresh: () => {},
    on: () => () => {},
    // Nothing changes on this instance: only essential runs, at once.
    whenGranted: (category, run) => whenGranted(consent, category, run),
    // Denied categories wait forever, as they would until granted; essential loads through the runtime.
    loadScript(category, src, attrs) {
      const load = consent[SCRIPT_LOADER];
      if (!granted(category)) return new Promise(() => {});
      if (load) return load(category, src, attrs);
      return Promise.reject(Error(`consentry: loadScript(${src}) needs the browser runtime`));
    },
  };
  return consent;
}
