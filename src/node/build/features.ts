// What one site's script tag needs, read from its (valid) config: the presets it names and the
// optional runtime parts its options use. `consentry build` bundles exactly these.
import { hasOwn } from '../../core/has-own';
import type { ConsentConfig, PresetRegistry } from '../../core/types';

/**
 * The optional parts of the script-tag runtime that a site's build leaves out when its config
 * does not use them (besides the presets it does not name, and the config validator, which no
 * site build carries).
 */
export interface RuntimeFeatures {
  /** Holds known trackers inserted without markup (`autoBlock: true`). */
  autoBlock: boolean;
  /** Google Consent Mode: a Google preset or `googleConsentMode`, unless it is `false`. */
  consentMode: boolean;
  /** The proof-of-consent log (`log`). */
  log: boolean;
  /** Keeps the site's other open tabs in step; every config uses it (no option turns it off). */
  crossTab: boolean;
  /** The IAB GPP API, `__gpp` (`gpp`). */
  gpp: boolean;
}

export interface SiteNeeds {
  /** Preset names, in config order, each once. */
  presets: string[];
  features: RuntimeFeatures;
}

/** The presets and runtime parts `config` uses (`registry`: the definitions, to tell Google presets). */
export function siteNeeds(config: ConsentConfig, registry: PresetRegistry = {}): SiteNeeds {
  const presets: string[] = [];
  for (const entry of config.presets ?? []) {
    const name = (entry as { name: string }).name;
    if (!presets.includes(name)) presets.push(name);
  }
  // As startGoogleConsentMode decides at run time (src/browser/google-consent-mode.ts).
  const option = config.googleConsentMode;
  const google = presets.some((name) => hasOwn(registry, name) && registry[name]!.google === true);
  return {
    presets,
    features: {
      autoBlock: config.autoBlock === true,
      consentMode: option !== false && (!!option || google),
      log: !!config.log,
      crossTab: true,
      gpp: config.gpp !== undefined,
    },
  };
}
