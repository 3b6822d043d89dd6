// Entry of `consentry/build` (Node): a site's own script-tag file from its config.
import { fileURLToPath } from 'node:url';
import { buildScriptTag as build, type BuildOptions, type BuildResult } from './build-script-tag';

export type { BuildResult } from './build-script-tag';
export type { RuntimeFeatures } from './features';

export type BuildScriptTagOptions = Omit<BuildOptions, 'distDir'> & {
  /** The package's dist/ folder; default: the one this module was installed in. */
  distDir?: string;
};

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
export function buildScriptTag(
  config: Parameters<typeof build>[0],
  options: BuildScriptTagOptions,
): Promise<BuildResult> {
  return build(config, { distDir: fileURLToPath(new URL('.', import.meta.url)), ...options });
}
