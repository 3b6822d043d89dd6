import type { PresetRegistry } from '../src/index';
import { addOnPresets } from './add-ons';
import { builtInFactories } from './built-in';
import { byName } from './by-name';

/**
 * Every shipped preset (all twenty) by its JSON `name`, for configs that name presets instead
 * of importing factories (`consent.json`, the CLI). Kept apart from the factories, so an npm
 * user who imports one preset does not bundle the others.
 * ```ts
 * createConsent(json, { registry: presetRegistry })
 * ```
 */
export const presetRegistry: PresetRegistry = /* @__PURE__ */ byName(builtInFactories, addOnPresets);
