// The config validator as a separate file, `consentry-check.js`, for script-tag files made by
// `consentry build`: their built-in config was checked before deployment, so they carry no
// validator, and fetch this one only when the page overrides that config with its own.
import type { validateConfig } from '../core/config/validate';
import { registered } from './chunk-registry';
import { insertChunk, type ChunkFolder } from './load-chunk';

/** The validator `consentry-check.js` registers, loaded from `folder` the first time. */
export async function loadConfigCheck(folder: ChunkFolder, nonce?: string): Promise<typeof validateConfig> {
  if (!registered('validateConfig')) await insertChunk(folder, 'consentry-check.js', nonce);
  const validate = registered('validateConfig');
  if (!validate) throw new Error(`consentry: ${folder.url}consentry-check.js did not register the config check`);
  return validate;
}
