// `consentry build consent.json -o public/consentry.js`: checks the config like `consentry check`
// (same messages, exit 1 when invalid), then writes the site's own script-tag file and prints
// the tag to paste.
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { buildScriptTag } from '../build/build-script-tag';
import type { PresetRegistry } from '../../core/types';
import { checkFile } from './check';

export interface BuildDeps {
  registry: PresetRegistry;
  schema?: Record<string, unknown>;
  /** The package's dist/ folder (the runtime module and the files copied next to the output). */
  distDir: string;
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

/** `consentry-ui.js, i18n/ (10 files), presets/ (12 files)`: files by name, folders by count. */
function listFiles(files: string[]): string {
  const counts = new Map<string, number>();
  for (const file of files) {
    const [first, ...rest] = file.split(sep);
    const name = rest.length ? first + '/' : file;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => (name.endsWith('/') ? `${name} (${count} files)` : name)).join(', ');
}
/** The optional runtime parts a config may leave out, as the summary names them. */
const OPTIONAL_PARTS = [
  ['autoBlock', 'auto-blocking'],
  ['consentMode', 'Google Consent Mode'],
  ['log', 'the consent log'],
] as const;

/** Exit code 0 when the file was written; 1 when the config is unreadable or invalid, or the build failed. */
export async function buildFile(
  file: string,
  outFile: string,
  src: string | undefined,
  deps: BuildDeps,
): Promise<number> {
  if ((await checkFile(file, deps)) !== 0) return 1;
  const config = JSON.parse((await readFile(resolve(deps.cwd, file), 'utf8')).replace(/^\uFEFF/, ''));
  try {
    const result = await buildScriptTag(config, {
      registry: deps.registry,
      distDir: deps.distDir,
      outFile: resolve(deps.cwd, outFile),
      src,
    });
    const otherPresets = Object.keys(deps.registry).length - result.presets.length;
    const parts = (used: boolean) =>
      OPTIONAL_PARTS.filter(([feature]) => result.features[feature] === used).map(([, name]) => name);
    const carried = [result.presets.length ? result.presets.join(', ') : 'no presets', ...parts(true)];
    const leftOut = [`${otherPresets} other presets`, ...parts(false)];
    deps.out(
      `wrote ${outFile} (${kb(result.bytes)}, ${kb(result.gzipBytes)} gzip): ${carried.join(', ')}; ` +
        `left out ${leftOut.join(', ')} and the config validator`,
    );
    const copied = result.files.slice(1).map((path) => relative(dirname(result.files[0]!), path));
    if (copied.length) deps.out(`copied next to it: ${listFiles(copied)}`);
    deps.out(
      result.features.autoBlock
        ? 'paste this tag first in <head> (auto-blocking must run before any other script):'
        : 'paste this tag in <head> (defer: it never holds up the page, and still holds everything until consent):',
    );
    deps.out(`  ${result.tag}`);
    return 0;
  } catch (error) {
    deps.err(`consentry build: ${(error as Error).message}`);
    return 1;
  }
}
