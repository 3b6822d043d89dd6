// Presets that ship as add-on files next to consentry.js (dist/presets/<name>.js) instead of
// inside it, so a site downloads only the vendors it names. add-on-presets.json is the one list:
// the build makes a file of each (bundles/presets/<name>.ts), and presets/built-in.ts holds the rest.
import addOnPresets from './add-on-presets.json';

export const ADD_ON_PRESETS: readonly string[] = addOnPresets;

/**
 * For an add-on preset the config names but nobody registered: which file brings it in (script
 * tag) or what to pass (npm). Undefined for any other name.
 */
export const addOnHint = (name: string): string | undefined =>
  ADD_ON_PRESETS.includes(name)
    ? `preset "${name}" is not loaded: add <script src=".../presets/${name}.js"></script> (next to consentry.js) before consentry.js, ` +
      `or with npm pass { registry: presetRegistry } from "consentry/presets"`
    : undefined;
