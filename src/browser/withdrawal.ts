import type { Consent } from '../core/types';
import { clearCategory } from './clear-category';
import { CONSENT } from './held-markup';
import type { PageState } from './page-state';
import { internalsOf } from '../core/internals';

/**
 * Keeps an unloaded embed away. Removing `src` navigates the iframe to about:blank, but Chromium
 * lets an embed that is just committing win that race and run on, hidden. So the next load that
 * shows anything else sends it away once more (once: a sandboxed iframe's about:blank is never
 * readable). The iframe stays in place: detaching it instead leaves such an embed running for a
 * while, outside the page.
 */
function keepBlank(this: HTMLIFrameElement): void {
  // `contentDocument` is null while a cross-origin document is in the iframe.
  if (this.src || this.contentDocument?.URL == 'about:blank') return;
  this.removeEventListener('load', keepBlank);
  this.contentWindow!.location.replace('about:blank');
}

/**
 * On withdrawal of a category: deletes its cookies and storage keys, unloads its marked-up
 * embeds (without `src` they are held markup again, and markup gating puts them back behind
 * their placeholder), and reloads the page once the other listeners have run if its scripts
 * ran here, since scripts cannot be unloaded (`reloadOnRevoke`, default true).
 * Returns a function that stops it.
 */
export function handleWithdrawal(consent: Consent, pageState: PageState, doc: Document): () => void {
  const win = doc.defaultView!;
  return consent.on('change', (state, previous) => {
    let reload = false;
    for (const category in previous) {
      if (!previous[category] || state[category]) continue;
      clearCategory(consent, category, win);
      for (const iframe of doc.querySelectorAll(`iframe[${CONSENT}][data-src][src]`)) {
        if (iframe.getAttribute(CONSENT) != category) continue;
        iframe.removeAttribute('src');
        iframe.addEventListener('load', keepBlank);
      }
      if (pageState.ranCategories.has(category)) reload = true;
    }
    // After the other listeners (vendor opt-outs, the UI, the change event) have run.
    if (reload && internalsOf(consent).config.reloadOnRevoke !== false) setTimeout(() => win.location.reload());
  });
}
