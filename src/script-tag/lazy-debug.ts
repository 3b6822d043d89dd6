// The script tag's `Consentry.debug()`: fetches consentry-debug.js (next to consentry.js) on
// the first call, so the report costs nothing on pages that never ask for it.
import type { Consent } from '../core/types';
import type { DebugPage } from '../browser/debug-report';
import { internalsOf } from '../core/internals';
import { registered } from './chunk-registry';
import { insertChunk, type ChunkFolder } from './load-chunk';

/**
 * `debug` for `window.Consentry`: resolves once the report is printed, never rejects.
 * ```ts
 * Object.assign(consent, { debug: lazyDebug(consent, folder, () => page) })
 * ```
 * `page` gives what the runtime found on the page so far (vendor scripts outside gating).
 */
export const lazyDebug =
  (consent: Consent, folder: ChunkFolder, page: () => DebugPage = () => ({})): (() => Promise<void>) =>
  async () => {
    try {
      if (!registered('debugReport')) await insertChunk(folder, 'consentry-debug.js', internalsOf(consent).nonce);
      registered('debugReport')!(consent, page());
    } catch (error) {
      console.error('consentry: could not load consentry-debug.js', error);
    }
  };
