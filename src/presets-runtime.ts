// Runs the configured presets: `setup` at start, `load` once their category is granted,
// `onChange` on every change. A failing preset or vendor script never breaks the others.
import { insertScript } from './dom/insert-script';
import { ran } from './gating/page-state';
import type { Consent, ConsentState, PresetContext, ResolvedPreset } from './types';

export interface StartPresetsOptions {
  /** Put on every vendor script; defaults to the instance's own nonce. */
  nonce?: string;
}

type Step = 'setup' | 'load' | 'onChange';

/**
 * Starts every preset of `consent.presets`: `setup` at once, `load` when its category is first
 * granted, `onChange` whenever its category is granted or withdrawn. Google presets under
 * `googleConsentMode: { mode: 'advanced' }` load at once, with the denied defaults that
 * `startGoogleConsentMode` (called first) pushed.
 * ```ts
 * startGoogleConsentMode(consent); startPresets(consent, { nonce })
 * ```
 */
export function startPresets(consent: Consent, options: StartPresetsOptions = {}): void {
  if (consent.error) return;
  const nonce = options.nonce || consent.nonce;
  // `true`, `false` and an absent option have no mode: basic.
  const advanced = (consent.config.googleConsentMode as { mode?: string } | undefined)?.mode == 'advanced';
  const loaded = new Set<ResolvedPreset>();

  const run = (
    { entry, definition, category }: ResolvedPreset,
    step: Step,
    state: ConsentState,
    previous?: ConsentState,
  ): void => {
    try {
      definition[step]?.({
        entry,
        category,
        consent,
        state,
        previous,
        granted: !!state[category],
        // A configured `src` was validated as a URL by the core.
        src: (url) => entry.src || url,
        loadScript(src, attrs) {
          ran.add(category); // withdrawing the category reloads the page: a vendor script cannot be unloaded
          // A blocked or failing vendor script is logged and then never settles, so code chained
          // on it does not run and no rejection goes unhandled.
          return insertScript(src, attrs, nonce).catch((error: Error) => {
            console.error(`consentry: preset "${definition.name}" could not load ${src}`, error);
            return new Promise<void>(() => {});
          });
        },
        window: window as PresetContext['window'],
      });
    } catch (error) {
      console.error(`consentry: preset "${definition.name}" failed in ${step}`, error);
    }
  };

  const loadGranted = (state: ConsentState): void => {
    for (const preset of consent.presets)
      if (!loaded.has(preset) && (state[preset.category] || (advanced && preset.definition.google)))
        (loaded.add(preset), run(preset, 'load', state));
  };

  const state = consent.state;
  for (const preset of consent.presets) run(preset, 'setup', state);
  loadGranted(state);
  // Vendors hear about a change of their category before a newly granted tag loads, so a
  // grant reaches their consent API ahead of the tag's first event.
  consent.on('change', (next, previous) => {
    for (const preset of consent.presets)
      if (next[preset.category] != previous[preset.category]) run(preset, 'onChange', next, previous);
    loadGranted(next);
  });
}
