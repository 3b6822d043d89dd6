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
 * Object.assign(consent, { debug: lazyDebug(consent, folder, async () => page) })
 * ```
 * `page` gives what the runtime finds on the page (vendor scripts outside gating), looked for
 * while the report's file loads. When it fails, the report is printed without it.
 */
export const lazyDebug =
  (consent: Consent, folder: ChunkFolder, page: () => Promise<DebugPage>): (() => Promise<void>) =>
  async () => {
    const found = page().catch((error: unknown) => {
      console.error('consentry: could not look through the page', error);
      return {};
    });
    try {
      if (!registered('debugReport')) await insertChunk(folder, 'consentry-debug.js', internalsOf(consent).nonce);
      registered('debugReport')!(consent, await found);
    } catch (error) {
      console.error('consentry: could not load consentry-debug.js', error);
    }
  };
