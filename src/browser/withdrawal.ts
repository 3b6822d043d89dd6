import type { Consent } from '../core/types';
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
 * Deletes what a withdrawn category left behind (`clearCategory` in clear-category.ts). The
 * script tag fetches it the first time a category is withdrawn, so it returns a promise there.
 */
export type ClearCategory = (consent: Consent, category: string, win: Window) => void | Promise<void>;

/**
 * On withdrawal of a category: unloads its marked-up embeds at once (without `src` they are held
 * markup again, and markup gating puts them back behind their placeholder), deletes its cookies
 * and storage keys (`clear`), and reloads the page once the other listeners have run and the
 * clean-up is done if its scripts ran here, since scripts cannot be unloaded (`reloadOnRevoke`,
 * default true). Returns a function that stops it.
 */
export function handleWithdrawal(
  consent: Consent,
  pageState: PageState,
  doc: Document,
  clear: ClearCategory,
): () => void {
  const win = doc.defaultView!;
  return consent.on('change', (state, previous) => {
    let reload = false;
    const cleaning: Array<void | Promise<void>> = [];
    for (const category in previous) {
      if (!previous[category] || state[category]) continue;
      for (const iframe of doc.querySelectorAll(`iframe[${CONSENT}][data-src][src]`)) {
        if (iframe.getAttribute(CONSENT) != category) continue;
        iframe.removeAttribute('src');
        iframe.addEventListener('load', keepBlank);
      }
      cleaning.push(clear(consent, category, win));
      if (pageState.ranCategories.has(category)) reload = true;
    }
    if (!reload || internalsOf(consent).config.reloadOnRevoke === false) return;
    // After the other listeners (vendor opt-outs, the UI, the change event) have run, and after
    // the clean-up; a clean-up that could not run does not keep the withdrawn scripts running.
    void Promise.allSettled(cleaning).then(() => setTimeout(() => win.location.reload()));
  });
}
