// The config validator as a separate file, `consentry-check.js`, for script-tag files made by
// `consentry build`: their built-in config was checked before deployment, so they carry no
// validator, and fetch this one only when the page overrides that config with its own.
import type { validateConfig } from '../core/config/validate';
import { insertScript } from '../browser/insert-script';
import { registered } from './chunk-registry';
import { chunkURL } from './own-script';

/** The validator `consentry-check.js` registers, loaded from `base` the first time. */
export async function loadConfigCheck(base: string, nonce?: string): Promise<typeof validateConfig> {
  if (!registered('validateConfig')) await insertScript(chunkURL(base, 'consentry-check.js'), undefined, nonce);
  const validate = registered('validateConfig');
  if (!validate) throw new Error(`consentry: ${base}consentry-check.js did not register the config check`);
  return validate;
}
