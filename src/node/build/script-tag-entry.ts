// The source of a site's own script-tag file (`consentry build`): the presets and runtime parts
// its config uses, and its config built in. What it does not import, the bundler does not ship.
import type { ConsentConfig } from '../../core/types';
import type { RuntimeFeatures } from './features';

export interface EntrySpec {
  /** Module the runtime parts come from (dist/build/runtime.mjs for `consentry build`). */
  runtime: string;
  /** Module the GPP part comes from (dist/build/gpp.mjs), imported only for `features.gpp`. */
  gppRuntime: string;
  /** Preset factory export names (`googleAnalytics`), imported from `runtime` too. */
  presetExports: string[];
  features: RuntimeFeatures;
  /** Built into the file; a `data-config` on the tag still overrides it (validated then). */
  config?: ConsentConfig;
  /** The integrity of each file copied next to the site's file (src/script-tag/load-chunk.ts). */
  chunkIntegrity?: Record<string, string>;
}

/** `google-analytics` → `googleAnalytics`: the preset factory's export name. */
export const exportName = (presetName: string): string =>
  presetName.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/**
 * ES module source that boots the script tag with exactly the parts in `spec`. Parts left out
 * are never imported, so the bundler does not ship them.
 */
export function scriptTagEntry(spec: EntrySpec): string {
  const { features } = spec;
  // Each optional runtime part the config uses: its name in the boot's `parts`, and its export.
  const parts = [
    features.consentMode && ['consentMode', 'startGoogleConsentMode'],
    features.crossTab && ['crossTab', 'syncAcrossTabs'],
    features.log && ['log', 'startConsentLog'],
  ].filter((part): part is string[] => !!part);
  const imports = ['bootScriptTag', 'mountReopenButton', 'LANGUAGES', ...spec.presetExports];
  if (features.autoBlock) imports.push('startAutoBlockEarly');
  imports.push(...parts.map(([, exported]) => exported!));
  const registry = spec.presetExports.map((name) => `[${name}.definition.name]: ${name}.definition`);
  const lines = [
    `import { ${imports.join(', ')} } from ${JSON.stringify(spec.runtime)};`,
    spec.features.gpp ? `import { createGppPart } from ${JSON.stringify(spec.gppRuntime)};` : '',
    'bootScriptTag({',
    `  registry: { ${registry.join(', ')} },`,
    '  mountReopenButton,',
    '  languages: LANGUAGES,',
    features.autoBlock ? '  autoBlock: startAutoBlockEarly,' : '',
    `  parts: { ${parts.map(([name, exported]) => `${name}: ${exported}`).join(', ')} },`,
    // Made as the file runs, before the boot: `__gpp` exists from the first moment.
    features.gpp ? '  gpp: createGppPart(),' : '',
    spec.config ? `  config: ${JSON.stringify(spec.config)},` : '',
    spec.chunkIntegrity ? `  chunkIntegrity: ${JSON.stringify(spec.chunkIntegrity)},` : '',
    '});',
  ];
  return lines.filter(Boolean).join('\n') + '\n';
}
