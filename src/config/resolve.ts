// Turns a valid config into the resolved lists the state, gating and UI work from.
import type { CategoryInfo, ConsentConfig, PresetEntry, PresetRegistry, ResolvedPreset } from '../types';
import { categoryNames, definitionOf } from './validate';

export const resolveCategories = (config: ConsentConfig): CategoryInfo[] =>
  categoryNames(config).map((name) => {
    // Own properties only: a category may be named like an Object.prototype member (`constructor`).
    const declared =
      config.categories && {}.hasOwnProperty.call(config.categories, name) ? config.categories[name] : undefined;
    // Texts stay undefined unless configured: the UI fills them from its translations.
    const { label, description, sale = name == 'advertising', cookies = [], google = [], links } = declared ?? {};
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
