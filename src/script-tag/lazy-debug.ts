// The script tag's `Consentry.debug()`: fetches consentry-debug.js (next to consentry.js) on
// the first call, so the report costs nothing on pages that never ask for it.
import { insertScript } from '../browser/insert-script';
import type { Consent } from '../core/types';
import { internalsOf } from '../core/internals';
import { registered } from './chunk-registry';
import { chunkURL } from './own-script';

/**
 * `debug` for `window.Consentry`: resolves once the report is printed, never rejects.
 * ```ts
 * Object.assign(consent, { debug: lazyDebug(consent, base) })
 * ```
 */
export const lazyDebug =
  (consent: Consent, base: string): (() => Promise<void>) =>
  async () => {
    try {
      if (!registered('debugReport'))
        await insertScript(chunkURL(base, 'consentry-debug.js'), undefined, internalsOf(consent).nonce);
      registered('debugReport')!(consent);
    } catch (error) {
      console.error('consentry: could not load consentry-debug.js', error);
    }
  };
