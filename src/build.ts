// Entry of `consentry/build` (Node): a site's own script-tag file from its config.
import { fileURLToPath } from 'node:url';
import type { ConsentConfig, PresetRegistry } from './core/types';
import { buildScriptTag as build, type BuildResult } from './node/build/build-script-tag';

export type { BuildResult } from './node/build/build-script-tag';
export type { RuntimeFeatures } from './node/build/features';

export interface BuildScriptTagOptions {
  /** Every preset the config may name: `presetRegistry` from `consentry/presets`, plus your own. */
  registry: PresetRegistry;
  /** The file to write, e.g. `public/consentry.js`; the UI chunk and language files go next to it. */
  outFile: string;
  /** The URL the printed tag loads the file from. @default the output file's name */
  src?: string;
  /** The package's dist/ folder. @default the one this module is installed in */
  distDir?: string;
}

/**
 * Writes one site's script-tag file: only the presets and runtime parts `config` uses, the
 * config built in (checked here, so the file carries no validator), with `consentry-ui.js` and
 * the language files next to it. Throws a `ConsentConfigError` for an invalid config.
 * ```ts
 * import { buildScriptTag } from 'consentry/build'
 * import { presetRegistry } from 'consentry/presets'
 * const { tag } = await buildScriptTag(config, { registry: presetRegistry, outFile: 'public/consentry.js' })
 * ```
 */
export function buildScriptTag(config: ConsentConfig, options: BuildScriptTagOptions): Promise<BuildResult> {
  return build(config, { distDir: fileURLToPath(new URL('.', import.meta.url)), ...options });
}
