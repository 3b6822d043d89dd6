// Drives one preset definition through the real presets runtime (`startPresets`), on a real
// consent instance, against a plain-object window standing in for the page, so each test sees
// exactly which vendor calls happen in which order.
import { createConsent, PRESET, type Consent, type PresetDefinition, type PresetEntry } from '../../../src/index';
import { startPresets } from '../../../src/browser/presets-runtime';

export interface PresetRun {
  window: Record<string, any>;
  /** The instance the preset runs on: its changes reach the preset as a site's would. */
  consent: Consent;
  /** Script URLs the preset asked to load, in order. */
  scripts: string[];
  /** Grants or denies the preset's category, as a visitor's choice would (onChange only on a flip). */
  set(granted: boolean): void;
}

let runs = 0;

export function runPreset(
  definition: PresetDefinition,
  options: Record<string, unknown>,
  { granted = false, window = {} as Record<string, any> }: { granted?: boolean; window?: Record<string, any> } = {},
): PresetRun {
  const entry = { ...options, name: definition.name, [PRESET]: definition } as PresetEntry;
  const category = entry.category ?? definition.category;
  // Each run stores its choices under a cookie of its own: no run starts from another's decision.
  const consent = createConsent({ mode: 'opt-in', cookie: { name: `run_preset_${++runs}` }, presets: [entry] });
  if (granted) consent.update({ [category]: true });
  const scripts: string[] = [];
  startPresets(consent, {
    page: window as Window & Record<string, any>,
    loadScript(_category, src) {
      scripts.push(src);
      return Promise.resolve();
    },
  });
  return {
    window,
    consent,
    scripts,
    set: (next) => consent.update({ [category]: next }),
  };
}
