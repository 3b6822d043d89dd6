// Drives one preset definition the way the runtime does, against a plain-object window,
// so each test sees exactly which vendor calls happen in which order.
import type { Consent, ConsentState, PresetContext, PresetDefinition, PresetEntry } from '../../../src/index';

export interface PresetRun {
  window: Record<string, any>;
  /** Script URLs the preset asked to load, in order. */
  scripts: string[];
  /** Grants or denies the preset's category, as a consent change would (onChange only on a flip). */
  set(granted: boolean): void;
}

/** Converts queued `arguments` objects (and nested ones) to plain arrays for comparison. */
export const plain = (queue: ArrayLike<unknown>): unknown[] =>
  Array.from(queue, (item) =>
    Object.prototype.toString.call(item) == '[object Arguments]' ? Array.from(item as ArrayLike<unknown>) : item,
  );

export function runPreset(
  definition: PresetDefinition,
  options: Record<string, unknown>,
  {
    granted = false,
    mode = 'opt-in',
    window = {} as Record<string, any>,
    consent = { mode } as Consent,
  }: { granted?: boolean; mode?: string; window?: Record<string, any>; consent?: Consent } = {},
): PresetRun {
  const entry = { name: definition.name, ...options } as PresetEntry;
  const category = entry.category ?? definition.category;
  const scripts: string[] = [];
  let state: ConsentState = { essential: true, [category]: granted };
  let loaded = false;
  const ctx = (previous?: ConsentState): PresetContext => ({
    entry,
    category,
    consent,
    state,
    previous,
    granted: state[category] === true,
    src: (url) => (entry.src as string | undefined) ?? url,
    loadScript(src) {
      scripts.push(src);
      return Promise.resolve();
    },
    window: window as PresetContext['window'],
  });
  const load = () => {
    if (!state[category] || loaded) return;
    loaded = true;
    definition.load(ctx());
  };
  definition.setup?.(ctx());
  load();
  return {
    window: window as PresetContext['window'],
    scripts,
    set(next) {
      const previous = state;
      state = { ...state, [category]: next };
      if (previous[category] != next) definition.onChange?.(ctx(previous));
      load();
    },
  };
}
