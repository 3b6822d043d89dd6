// Vendor snippets left in the HTML outside gating (src/browser/leftover-scripts.ts) are looked for
// by consentry-leftovers.js, fetched when the page has loaded and the browser is idle, never on the
// start-up path: on a page view that shows the banner (so a site's owner sees the warning on any
// first visit), and for `Consentry.debug()`. A returning visitor downloads none of it.
import type { LeftoverScript } from '../browser/leftover-scripts';
import type { Consent, PresetRegistry } from '../core/types';
import { loadChunk, type ChunkFolder } from './load-chunk';

/** What the look needs from the running page. */
export interface LeftoverLook {
  consent: Consent;
  /** Every preset definition the page knows, whose `hosts` name the vendors' scripts. */
  registry: PresetRegistry;
  /** The scripts the runtime inserted itself (the presets' own tags are not leftovers). */
  runtimeScripts: WeakSet<Element>;
}

export interface LazyLeftovers {
  /** The leftover vendor scripts now (fetches the file on the first call); rejects when it cannot be fetched. */
  find(): Promise<LeftoverScript[]>;
  /** Once the page has loaded and the browser is idle: looks, and warns once when there are any. */
  warnWhenIdle(): void;
}

/** The look for this page view, its file fetched from `folder` the first time it is needed, then kept. */
export function lazyLeftovers(folder: ChunkFolder, nonce: string | undefined, look: LeftoverLook): LazyLeftovers {
  const load = () => loadChunk(folder, 'consentry-leftovers.js', 'leftovers', nonce);
  const find = async (): Promise<LeftoverScript[]> =>
    (await load()).find(document, look.consent, look.registry, look.runtimeScripts);

  const scan = async (): Promise<void> => {
    try {
      const found = await find();
      // The file is registered by now: `load` answers without fetching it again.
      if (found.length) console.warn((await load()).warning(found));
    } catch (error) {
      console.error('consentry: could not look for vendor scripts outside gating', error);
    }
  };
  const warnWhenIdle = (): void => {
    // A tag whose own folder cannot be told (see own-script.ts) fetches nothing: a page that
    // inlines consentry.full.js gets no error for a look it never asked for. Consentry.debug() still says why.
    if (!folder.url) return;
    // requestIdleCallback is missing in Safari before 18.
    const idle = (): void => {
      if (window.requestIdleCallback) window.requestIdleCallback(() => void scan(), { timeout: 2000 });
      else setTimeout(() => void scan(), 1);
    };
    if (document.readyState == 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  };
  return { find, warnWhenIdle };
}
