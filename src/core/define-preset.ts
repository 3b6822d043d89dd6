import type { PresetDefinition, PresetEntry, PresetRef } from './types';

/** Key under which a factory-built preset entry carries its definition (not serialised to JSON). */
export const PRESET: unique symbol = Symbol.for('consentry.preset') as any;

/** Options a preset factory takes: its own options plus the common `category` and `src`. */
export type PresetOptions<O> = O & {
  /** Moves the preset to another category (declared under `categories`); default: the preset's own. */
  category?: string;
  /** Loads the vendor script from this URL instead (self-hosted agent, first-party tagging domain). */
  src?: string;
};

/**
 * Turns a preset definition into a typed factory whose result goes into `config.presets`.
 * ```ts
 * const hotjar = definePreset<{ id: string }>({ name: 'hotjar', ... })
 * createConsent({ presets: [hotjar({ id: '123' })] })
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function definePreset<O extends object>(
  definition: PresetDefinition,
): ((options: PresetOptions<O>) => PresetRef) & { definition: PresetDefinition } {
  const factory = (options: PresetOptions<O>): PresetRef =>
    ({ ...(options as unknown as PresetEntry), name: definition.name, [PRESET]: definition }) as PresetRef;
  return Object.assign(factory, { definition });
}
