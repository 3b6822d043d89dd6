// Every file the script tag fetches from its own folder (the UI, the config check, the debug
// report, the translations, and any chunk added later) is loaded here, with Subresource
// Integrity (w3.org/TR/SRI/): the build computes each file's hash after building it and puts
// the map in the files that load them (rollup.config.mjs for dist/, `consentry build` for a
// site's file), so a chunk changed on the server or a CDN is refused by the browser, as the tag
// itself is when it carries `integrity`. A file missing from the map loads without a check.
import { insertScript } from '../browser/insert-script';
import { hasOwn } from '../core/has-own';
import { registered, type ChunkParts } from './chunk-registry';
import { chunkURL } from './own-script';

/** File name in the folder (`consentry-ui.js`, `i18n/de.js`) → its integrity (`sha256-…`). */
export type ChunkIntegrity = Readonly<Record<string, string>>;

/** Where the script tag's chunks come from. */
export interface ChunkFolder {
  /** The folder of the tag's own file; '' when it cannot be told (see own-script.ts): nothing is fetched then. */
  url: string;
  integrity: ChunkIntegrity;
}

/**
 * Inserts `file` from `folder` (with `attrs`) with its integrity (and `crossorigin="anonymous"`, which SRI
 * needs for a folder on another origin, such as a CDN) and the nonce; resolves once it has run.
 * Rejects when the folder is unknown, the file fails to load or its bytes do not match.
 * ```ts
 * await insertChunk(folder, 'consentry-ui.js', nonce)
 * ```
 */
export function insertChunk(
  folder: ChunkFolder,
  file: string,
  nonce?: string,
  attrs: Record<string, string> = {},
): Promise<void> {
  let url: string;
  try {
    url = chunkURL(folder.url, file);
  } catch (error) {
    return Promise.reject(error);
  }
  const integrity = hasOwn(folder.integrity, file) ? folder.integrity[file] : undefined;
  return insertScript(url, integrity ? { ...attrs, integrity, crossorigin: 'anonymous' } : attrs, nonce);
}

/**
 * The part `file` registers (see chunk-registry.ts), loaded from `folder` unless it is registered
 * already. Rejects when the file cannot be loaded, fails its integrity check, or did not register
 * the part.
 * ```ts
 * const create = await loadChunk(folder, 'consentry-embeds.js', 'embedHolder', nonce)
 * ```
 */
export async function loadChunk<Part extends keyof ChunkParts>(
  folder: ChunkFolder,
  file: string,
  part: Part,
  nonce?: string,
): Promise<ChunkParts[Part]> {
  if (!registered(part)) await insertChunk(folder, file, nonce);
  const value = registered(part);
  if (!value) throw new Error(`consentry: ${folder.url}${file} did not register ${part}`);
  return value;
}

/**
 * The shipped texts of `language` (`i18n/<language>.js`, which registers them), fetched once;
 * undefined when the file cannot be loaded.
 */
export async function loadTranslation(
  folder: ChunkFolder,
  language: string,
  nonce?: string,
): Promise<Record<string, string> | undefined> {
  // UTF-8 whatever the page's own encoding: the files hold Arabic, Greek, Polish… as is.
  if (!registered('i18n')?.[language]) await insertChunk(folder, `i18n/${language}.js`, nonce, { charset: 'utf-8' });
  return registered('i18n')?.[language];
}
