// Turns a valid config into the resolved lists the state, gating and UI work from. Apart from
// the validator (which uses the same name rules), so that code that never validates, such as a
// site's own build from `consentry build`, does not carry it.
import { PRESET } from '../define-preset';
import { isObject } from './is-object';
import type {
  CategoryInfo,
  ConsentConfig,
  PresetDefinition,
  PresetEntry,
  PresetRegistry,
  ResolvedPreset,
} from '../types';
import { hasOwn } from '../has-own';
import { noOptions } from './own-copy';

export const BUILT_IN_CATEGORIES = ['essential', 'analytics', 'advertising'];

/** The built-in categories, then those declared in `config.categories` (when it is an object). */
export const categoryNames = (config: unknown): string[] => [
  ...new Set([
    ...BUILT_IN_CATEGORIES,
    ...Object.keys(isObject(config) && isObject(config.categories) ? config.categories : {}),
  ]),
];

/** The preset definition an entry refers to: carried by a factory-built entry, else looked up by name. */
export const definitionOf = (entry: Record<string, unknown>, registry?: PresetRegistry): PresetDefinition | undefined =>
  (entry as { [PRESET]?: PresetDefinition })[PRESET] ??
  (registry && hasOwn(registry, entry.name as string) ? registry[entry.name as string] : undefined);

export const resolveCategories = (config: ConsentConfig): CategoryInfo[] =>
  categoryNames(config).map((name) => {
    // Own properties only: a category may be named like an Object.prototype member (`constructor`).
    const declared = config.categories && hasOwn(config.categories, name) ? config.categories[name] : undefined;
    // Texts stay undefined unless configured: the UI fills them from its translations.
    // An undeclared built-in category reads its texts and `sale` from nothing, not from Object.prototype.
    const {
      label,
      description,
      sale = name == 'advertising',
      cookies = [],
      google = [],
      links,
    } = declared ?? noOptions();
    return {
      name,
      label,
      description,
      sale: name != 'essential' && sale,
      locked: name == 'essential',
      cookies,
      google,
      links,
    };
  });

export const resolvePresets = (config: ConsentConfig, registry?: PresetRegistry): ResolvedPreset[] =>
  (config.presets ?? []).map((entry) => {
    const definition = definitionOf(entry as PresetEntry, registry)!;
    return { entry, definition, category: entry.category ?? definition.category };
  });
