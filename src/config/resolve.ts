// Turns a valid config into the resolved lists the state, gating and UI work from.
import type { CategoryInfo, ConsentConfig, PresetEntry, PresetRegistry, ResolvedPreset } from '../types';
import { BUILT_IN_CATEGORIES, definitionOf } from './validate';

export function resolveCategories(config: ConsentConfig): CategoryInfo[] {
  const declared = config.categories ?? {};
  return [...new Set([...BUILT_IN_CATEGORIES, ...Object.keys(declared)])].map((name) => {
    const given = declared[name] ?? {};
    // Texts stay undefined unless configured: the UI fills them from its translations.
    return {
      name,
      label: given.label,
      description: given.description,
      sale: name !== 'essential' && (given.sale ?? name === 'advertising'),
      locked: name === 'essential',
      cookies: given.cookies ?? [],
      google: given.google ?? [],
    };
  });
}

export function resolvePresets(config: ConsentConfig, registry?: PresetRegistry): ResolvedPreset[] {
  return (config.presets ?? []).map((entry) => {
    const definition = definitionOf(entry as PresetEntry, registry)!;
    return { entry, definition, category: entry.category ?? definition.category };
  });
}
