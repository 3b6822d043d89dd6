import type { Consent } from '../core/types';

type DataLayerWindow = Window & typeof globalThis & { dataLayer?: unknown[] };

/**
 * Tells the page about every change: `consentry:change` on `window` with
 * `detail: { state, previous, record }`, then `{ event: 'consentry_update', consentry: state }`
 * pushed to `dataLayer` (for tag managers). Returns a function that stops it.
 */
export function announceChanges(consent: Consent, win: DataLayerWindow): () => void {
  return consent.on('change', (state, previous) => {
    const detail = { state, previous, record: consent.record };
    win.dispatchEvent(new win.CustomEvent('consentry:change', { detail }));
    // Last: a broken dataLayer (page code) throws here, and the instance logs what its listeners throw.
    win.dataLayer = win.dataLayer || [];
    win.dataLayer.push({ event: 'consentry_update', consentry: state });
  });
}
