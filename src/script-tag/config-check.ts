// The config check as a separate file, `consentry-check.js`, for script-tag files made by
// `consentry build`: their built-in config was checked before deployment, so they carry no
// validator, and fetch this one only when the page overrides that config with its own.
import type { checkPageConfig } from './check-page-config';
import { registered } from './chunk-registry';
import { insertChunk, type ChunkFolder } from './load-chunk';

/** The check `consentry-check.js` registers, loaded from `folder` the first time. */
export async function loadConfigCheck(folder: ChunkFolder, nonce?: string): Promise<typeof checkPageConfig> {
  if (!registered('checkPageConfig')) await insertChunk(folder, 'consentry-check.js', nonce);
  const validate = registered('checkPageConfig');
  if (!validate) throw new Error(`consentry: ${folder.url}consentry-check.js did not register the config check`);
  return validate;
}
