// The config validator as a separate file, `consentry-check.js`, for script-tag files made by
// `consentry build`: their built-in config was checked before deployment, so they carry no
// validator, and fetch this one only when the page overrides that config with its own.
import type { validateConfig } from '../core/config/validate';
import { insertScript } from '../browser/insert-script';
import { chunkURL } from './own-script';

type Validate = typeof validateConfig;

/** The validator `consentry-check.js` registers on `window.ConsentryUI`, loaded from `base`. */
export async function loadConfigCheck(base: string, nonce?: string): Promise<Validate> {
  const registered = (): Validate | undefined =>
    (window as { ConsentryUI?: { validateConfig?: Validate } }).ConsentryUI?.validateConfig;
  if (!registered()) await insertScript(chunkURL(base, 'consentry-check.js'), undefined, nonce);
  const validate = registered();
  if (!validate) throw new Error(`consentry: ${base}consentry-check.js did not register the config check`);
  return validate;
}
