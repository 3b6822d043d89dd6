// Fetches one of the script tag's part files from its own folder (see chunk-registry.ts) the first
// time a page needs it, and returns what the file registered.
import { insertScript } from '../browser/insert-script';
import { registered, type ChunkParts } from './chunk-registry';
import { chunkURL } from './own-script';

/**
 * The part `file` registers, loaded from `base` (next to the script tag's own file) unless it is
 * registered already. Rejects when the file cannot be loaded or did not register the part.
 * ```ts
 * const create = await loadChunk(base, 'consentry-embeds.js', 'embedHolder', nonce)
 * ```
 */
export async function loadChunk<Part extends keyof ChunkParts>(
  base: string,
  file: string,
  part: Part,
  nonce?: string,
): Promise<ChunkParts[Part]> {
  if (!registered(part)) await insertScript(chunkURL(base, file), undefined, nonce);
  const value = registered(part);
  if (!value) throw new Error(`consentry: ${base}${file} did not register ${part}`);
  return value;
}
