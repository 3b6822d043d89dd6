// Carries decisions to the site's other open tabs without a reload: a BroadcastChannel message
// makes them read the shared cookie again; where BroadcastChannel is missing, a tab reads it
// again whenever it becomes visible.
import type { Consent } from '../core/types';
import { internalsOf } from '../core/internals';

/** Keeps `consent` in step with the site's other tabs; returns a function that stops it. */
export function syncAcrossTabs(consent: Consent): () => void {
  let channel: BroadcastChannel | undefined;
  let receiving = false;
  // `refresh` never throws: a bad cookie reads as no decision, and listeners' errors are caught.
  const refresh = (): void => {
    receiving = true;
    consent.refresh();
    receiving = false;
  };
  const onVisible = (): void => {
    if (document.visibilityState == 'visible') refresh();
  };
  try {
    channel = new BroadcastChannel('consentry:' + (internalsOf(consent).config.cookie?.name || 'consentry'));
    channel.onmessage = refresh;
  } catch {
    // No BroadcastChannel: the visibility fallback below still syncs.
  }
  document.addEventListener('visibilitychange', onVisible);
  // Tell the other tabs about decisions made here, not about ones received from them. The
  // channel is only closed after this listener is removed, so posting cannot throw.
  const unsubscribe = consent.on('change', () => {
    if (!receiving) channel?.postMessage(1);
  });
  return () => {
    unsubscribe();
    channel?.close();
    document.removeEventListener('visibilitychange', onVisible);
  };
}
