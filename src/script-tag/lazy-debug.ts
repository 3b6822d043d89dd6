// The script tag's `Consentry.debug()`: fetches consentry-debug.js (next to consentry.js) on
// the first call, so the report costs nothing on pages that never ask for it.
import { insertScript } from '../browser/insert-script';
import type { Consent } from '../core/types';
import { internalsOf } from '../core/internals';
import { chunkURL } from './own-script';

type DebugWindow = Window & { ConsentryDebug?: { report(consent: Consent): void } };

/**
 * `debug` for `window.Consentry`: resolves once the report is printed, never rejects.
 * ```ts
 * Object.assign(consent, { debug: lazyDebug(consent, base) })
 * ```
 */
export const lazyDebug =
  (consent: Consent, base: string): (() => Promise<void>) =>
  () => {
    const win = window as DebugWindow;
    const ready = win.ConsentryDebug
      ? Promise.resolve()
      : Promise.resolve()
          .then(() => chunkURL(base, 'consentry-debug.js'))
          .then((url) => insertScript(url, undefined, internalsOf(consent).nonce));
    return ready
      .then(() => win.ConsentryDebug!.report(consent))
      .catch((error) => console.error('consentry: could not load consentry-debug.js', error));
  };
