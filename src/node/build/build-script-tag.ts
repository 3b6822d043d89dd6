// `consentry build`: one site's script-tag file, with only the presets and runtime parts its
// config uses and the config built in. The config is validated here, once, before deployment,
// so the file carries no validator. Uses esbuild, an optional peer dependency.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ConsentConfigError } from '../../core/config/errors';
import { validateConfig } from '../../core/config/validate';
import { checkGpp } from '../../core/gpp/check';
import type { ConsentConfig, PresetRegistry } from '../../core/types';
import { companionFiles } from '../companion-files';
import { chunkIntegrityOf, integrityOf } from '../integrity';
import { siteNeeds, type RuntimeFeatures } from './features';
import { exportName, scriptTagEntry } from './script-tag-entry';

export interface BuildOptions {
  /** Every preset the config may name, by JSON name (`presetRegistry` from `consentry/presets`). */
  registry: PresetRegistry;
  /** The file to write, e.g. `public/consentry.js`; the files it may fetch go next to it (companion-files.ts). */
  outFile: string;
  /** The package's dist/ folder, holding the runtime module and the files copied next to the output. */
  distDir: string;
  /** The `src` to print in the tag; default: the output file's name. */
  src?: string;
}

export interface BuildResult {
  /** Every file written, the script-tag file first. */
  files: string[];
  /** Bytes of the script-tag file, and gzip -9 of it. */
  bytes: number;
  gzipBytes: number;
  /** Subresource Integrity of the script-tag file (`sha384-…`). */
  integrity: string;
  /** The `<script>` element to paste: `defer` unless auto-blocking needs it to run first. */
  tag: string;
  presets: string[];
  features: RuntimeFeatures;
}

type Esbuild = typeof import('esbuild');

/** esbuild, or an error saying how to add it: runtime users of the package never need it. */
async function loadEsbuild(): Promise<Esbuild> {
  try {
    return await import('esbuild');
  } catch {
    throw new Error('consentry build needs esbuild: install it next to consentry with `npm i -D esbuild`.');
  }
}

/**
 * Validates `config` (throwing a `ConsentConfigError` with the checker's paths and messages) and
 * writes the site's script-tag file. Deterministic: the same config and package give the same bytes.
 * ```ts
 * const { tag } = await buildScriptTag(json, { registry: presetRegistry, outFile: 'public/consentry.js', distDir })
 * ```
 */
export async function buildScriptTag(config: ConsentConfig, options: BuildOptions): Promise<BuildResult> {
  const issues = validateConfig(config, options.registry, checkGpp);
  if (issues.length) throw new ConsentConfigError(issues);
  const { presets, features } = siteNeeds(config, options.registry);
  const { $schema: _editorsOnly, ...builtIn } = config;
  const esbuild = await loadEsbuild();
  const runtime = join(options.distDir, 'build/runtime.mjs');
  if (!existsSync(runtime)) throw new Error(`consentry build: ${runtime} is missing (is the package built?)`);
  const gppRuntime = join(options.distDir, 'build/gpp.mjs');

  // The file checks each companion it fetches against the hash of the copy written next to it
  // (Subresource Integrity): a chunk altered on the server or a CDN is refused. Add-on presets are
  // not fetched by the file (the page's own tags add them), so they need no hash in it.
  const fetched = companionFiles(options.distDir).filter((file) => !file.startsWith('presets/'));
  const chunkIntegrity = Object.fromEntries(
    fetched.map((file) => [file, chunkIntegrityOf(readFileSync(join(options.distDir, file)))]),
  );
  const result = await esbuild.build({
    stdin: {
      contents: scriptTagEntry({
        runtime,
        gppRuntime,
        presetExports: presets.map(exportName),
        features,
        config: builtIn,
        chunkIntegrity,
      }),
      resolveDir: options.distDir,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;

  const outFile = resolve(options.outFile);
  const outDir = dirname(outFile);
  // Every file the page may fetch from the output's folder goes next to it, unless the output
  // is written into the package's own dist/. Listed first: a missing one fails before any write.
  const companions = resolve(options.distDir) === outDir ? [] : companionFiles(options.distDir);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(outFile, code);
  const files = [outFile];
  for (const file of companions) {
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    copyFileSync(join(options.distDir, file), join(outDir, file));
    files.push(join(outDir, file));
  }

  const integrity = integrityOf(code);
  const src = options.src ?? basename(outFile);
  // Only auto-blocking and the `__gpp` stub (ad tags look for it when they run) must run before
  // the parser meets the page's other tags; everything else holds what it must without blocking
  // rendering.
  const when = features.autoBlock || features.gpp ? '' : ' defer';
  return {
    files,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    integrity,
    tag: `<script${when} src="${src}" integrity="${integrity}" crossorigin="anonymous"></script>`,
    presets,
    features,
  };
}
