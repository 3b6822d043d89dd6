// Runs the configured presets: `setup` at start, `load` once their category is granted,
// `onChange` on every change. A failing preset or vendor script never breaks the others.
import { pageScriptLoader } from './page-script-loader';
import { createPageState, type PresetScript } from './page-state';
import type { ScriptLoader } from '../core/script-loader';
import type { Consent, ConsentState, PresetContext, ResolvedPreset } from '../core/types';
import { internalsOf } from '../core/internals';

export interface StartPresetsOptions {
  /** The runtime's script loader; default: one of its own that puts `nonce` on every vendor script. */
  loadScript?: ScriptLoader;
  /** Put on every vendor script when no `loadScript` is given; defaults to the instance's own nonce. */
  nonce?: string;
  /** Collects every vendor script a preset loads, with its loading (auto-blocking skips copies of them). */
  presetScripts?: PresetScript[];
  /**
   * The page the presets run in: the `window` they are given, whose document's base URL resolves
   * their script URLs. Default: the global `window`. The default `loadScript` inserts into the
   * global document, so a page of one's own comes with a `loadScript` of its own.
   */
  page?: Window;
}

type Step = 'setup' | 'load' | 'onChange';

/**
 * Starts every preset of `internalsOf(consent).presets`: `setup` at once, `load` when its category is first
 * granted, `onChange` whenever its category is granted or withdrawn. Google presets under
 * `googleConsentMode: { mode: 'advanced' }` load at once, with the denied defaults that
 * `startGoogleConsentMode` (called first) pushed. Returns a function that stops listening, so
 * nothing loads after it.
 * ```ts
 * startGoogleConsentMode(consent); const stop = startPresets(consent, { loadScript })
 * ```
 */
export function startPresets(consent: Consent, options: StartPresetsOptions = {}): () => void {
  if (consent.error) return () => {};
  const loadScript =
    options.loadScript || pageScriptLoader(createPageState(), options.nonce || internalsOf(consent).nonce);
  // `true`, `false` and an absent option have no mode: basic. (Read from an object only: `true.mode`
  // would be looked up on Object.prototype, where another script may have put one.)
  const option = internalsOf(consent).config.googleConsentMode;
  const advanced = typeof option == 'object' && option.mode == 'advanced';
  const loaded = new Set<ResolvedPreset>();

  const run = (preset: ResolvedPreset, step: Step, state: ConsentState, previous?: ConsentState): void => {
    const { entry, definition, category } = preset;
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
          const loading = loadScript(category, src, attrs);
          options.presetScripts?.push({
            url: new URL(src, (options.page || window).document.baseURI),
            loaded: loading,
          });
          loading.catch((error: Error) =>
            console.error(`consentry: preset "${definition.name}" could not load ${src}`, error),
          );
          return loading;
        },
        window: (options.page || window) as PresetContext['window'],
      });
    } catch (error) {
      console.error(`consentry: preset "${definition.name}" failed in ${step}`, error);
    }
  };

  const loadGranted = (state: ConsentState): void => {
    for (const preset of internalsOf(consent).presets) {
      if (loaded.has(preset)) continue;
      if (!state[preset.category] && !(advanced && preset.definition.google)) continue;
      loaded.add(preset);
      run(preset, 'load', state);
    }
  };

  const state = consent.state;
  for (const preset of internalsOf(consent).presets) run(preset, 'setup', state);
  loadGranted(state);
  // Vendors hear about a change of their category before a newly granted tag loads, so a
  // grant reaches their consent API ahead of the tag's first event. Both before the decision is
  // stored: the tag's request does not wait for the cookie write.
  return internalsOf(consent).onVendorChange((next, previous) => {
    for (const preset of internalsOf(consent).presets)
      if (next[preset.category] != previous[preset.category]) run(preset, 'onChange', next, previous);
    loadGranted(next);
  });
}
