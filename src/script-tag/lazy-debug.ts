// The script tag's `Consentry.debug()`: fetches consentry-debug.js (next to consentry.js) on
// the first call, so the report costs nothing on pages that never ask for it.
import { insertScript } from '../browser/insert-script';
import type { Consent } from '../core/types';
import type { DebugPage } from '../browser/debug-report';
import { internalsOf } from '../core/internals';
import { registered } from './chunk-registry';
import { chunkURL } from './own-script';

/**
 * `debug` for `window.Consentry`: resolves once the report is printed, never rejects.
 * ```ts
 * Object.assign(consent, { debug: lazyDebug(consent, base, () => page) })
 * ```
 * `page` gives what the runtime found on the page so far (vendor scripts outside gating).
 */
export const lazyDebug =
  (consent: Consent, base: string, page: () => DebugPage = () => ({})): (() => Promise<void>) =>
  async () => {
    try {
      if (!registered('debugReport'))
        await insertScript(chunkURL(base, 'consentry-debug.js'), undefined, internalsOf(consent).nonce);
      registered('debugReport')!(consent, page());
    } catch (error) {
      console.error('consentry: could not load consentry-debug.js', error);
    }
  };
