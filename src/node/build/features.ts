// What one site's script tag needs, read from its (valid) config: the presets it names and the
// optional runtime parts its options use. `consentry build` bundles exactly these.
import type { ConsentConfig } from '../../core/types';

/**
 * The optional parts of the script-tag runtime that a site's build leaves out when its config
 * does not use them (besides the presets it does not name, and the config validator, which no
 * site build carries).
 */
export interface RuntimeFeatures {
  /** Holds known trackers inserted without markup (`autoBlock: true`). */
  autoBlock: boolean;
  /** Sends each decision to the records service (`log`). */
  log: boolean;
}

export interface SiteNeeds {
  /** Preset names, in config order, each once. */
  presets: string[];
  features: RuntimeFeatures;
}

/** The presets and runtime parts `config` uses. */
export function siteNeeds(config: ConsentConfig): SiteNeeds {
  const presets: string[] = [];
  for (const entry of config.presets ?? []) {
    const name = (entry as { name: string }).name;
    if (!presets.includes(name)) presets.push(name);
  }
  return { presets, features: { autoBlock: config.autoBlock === true, log: !!config.log } };
}
