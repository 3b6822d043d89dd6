import type { PresetDefinition, PresetRegistry } from 'consentry';

type Factory = { definition: PresetDefinition };

/**
 * A registry (JSON `name` → definition) from lists of preset factories. Lists, not spread
 * arguments: a pure call of plain identifiers is what lets bundlers drop an unused registry.
 */
/* @__NO_SIDE_EFFECTS__ */
export function byName(...lists: Factory[][]): PresetRegistry {
  const registry: PresetRegistry = {};
  for (const list of lists) for (const { definition } of list) registry[definition.name] = definition;
  return registry;
}
