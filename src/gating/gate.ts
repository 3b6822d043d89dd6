import { startGoogleConsentMode } from '../google-consent-mode';
import { startPresets } from '../presets-runtime';
import { syncAcrossTabs } from '../browser/cross-tab';
import type { Consent } from '../types';
import { activateElement } from './activate-element';
import { clearCategory } from './clear-category';
import { embedHolder } from './embed-holder';
import { CONSENT, findHeld } from './held-markup';
import { ran } from './page-state';
import type { PlaceholderTexts } from './placeholder';

export interface GateOptions {
  /** Put on every activated script; default: the instance's nonce, else the held element's own. */
  nonce?: string;
  /** Translated placeholder texts (the script tag passes the page language's). */
  texts?: Partial<PlaceholderTexts>;
  /** The document to gate; default `document`. */
  root?: Document;
}

export interface Gate {
  /** Activates or holds the marked-up elements under `root` now (the observer finds added ones by itself). */
  scan(root?: ParentNode): void;
  /** Stops watching the page and consent changes; what already ran stays. */
  stop(): void;
  /** Replaces the placeholder texts (a translation loaded later); shown placeholders update by the end of the task. */
  setTexts(texts: Partial<PlaceholderTexts>): void;
  /** True when at least one iframe is held behind a placeholder (placed by the end of the task). */
  readonly placeholders: boolean;
}

type Win = Window & typeof globalThis & { dataLayer?: unknown[] };

/**
 * Keeps an unloaded embed away. Removing `src` navigates the iframe to about:blank, but Chromium
 * lets an embed that is just committing win that race and run on, hidden. So the next load that
 * shows anything else sends it away once more (once: a sandboxed iframe's about:blank is never
 * readable). The iframe stays in place: detaching it instead leaves such an embed running for a
 * while, outside the page.
 */
function keepBlank(this: HTMLIFrameElement): void {
  // `contentDocument` is null while a cross-origin document is in the iframe.
  if (!this.src && this.contentDocument?.URL != 'about:blank')
    (this.removeEventListener('load', keepBlank), this.contentWindow!.location.replace('about:blank'));
}

/**
 * The browser runtime, called once after `createConsent`: pushes Google Consent Mode defaults,
 * starts the presets, activates held markup whose category is granted (in document order,
 * also for elements added later), shows placeholders for held iframes, and on withdrawal
 * deletes the category's cookies and storage keys, then reloads if its scripts ran.
 * Every change fires `consentry:change` on `window` and pushes `consentry_update` to `dataLayer`.
 * Throws `consentry: gate() needs a browser` when called without a DOM (server-side rendering).
 * ```ts
 * const consent = createConsent(config)
 * gate(consent)
 * ```
 */
export function gate(consent: Consent, options: GateOptions = {}): Gate {
  // On the server there is no page to gate: say so, instead of "document is not defined".
  if (!options.root && typeof document == 'undefined') throw new Error('consentry: gate() needs a browser');
  const doc = options.root || document;
  const win = doc.defaultView as Win;
  const nonce = options.nonce || consent.nonce;
  const embeds = embedHolder(consent, options.texts);
  // One chain per category: its elements activate in order, and a script that never loads
  // holds back only its own category.
  const chains: Record<string, Promise<unknown>> = {};
  const queued = new WeakSet<Element>();
  const pending: Element[] = [];

  startGoogleConsentMode(consent);
  startPresets(consent, { nonce });
  const unsync = syncAcrossTabs(consent);

  const activate = (el: Element): void => {
    const category = el.getAttribute(CONSENT)!;
    if (queued.has(el)) return;
    if (consent.granted(category)) {
      queued.add(el);
      chains[category] = (chains[category] || Promise.resolve())
        .then(() => {
          queued.delete(el);
          if (!el.isConnected) return;
          if (!consent.granted(category)) return activate(el); // withdrawn while it waited
          embeds.unhold(el);
          if (el.localName == 'script') ran.add(category);
          return activateElement(el, nonce);
        })
        .catch((error) => console.error('consentry: could not activate', el, error));
    } else if (el.localName == 'iframe' && el.isConnected) embeds.hold(el as HTMLIFrameElement);
  };

  // While the page is parsed, a script's text may still be arriving: it is complete once a
  // node follows it. Until then it and everything after it wait, so document order holds.
  const complete = (node: Node | null): boolean => {
    while (node && !node.nextSibling) node = node.parentNode;
    return !!node;
  };
  const flush = (): void => {
    for (let el; (el = pending[0]) && (doc.readyState != 'loading' || el.localName != 'script' || complete(el)); )
      activate(pending.shift()!);
  };
  const scan = (root: ParentNode = doc): void => {
    pending.push(...findHeld(root as Node));
    flush();
  };

  const off = consent.on('change', (state, previous) => {
    let reload = false;
    for (const category in previous)
      if (previous[category] && !state[category]) {
        clearCategory(consent, category, win);
        // Embeds can be unloaded: without `src` they are held markup again, and the scan below
        // puts them back behind their placeholder. Scripts cannot be unloaded (reload).
        for (const iframe of doc.querySelectorAll(`iframe[${CONSENT}][data-src][src]`))
          if (iframe.getAttribute(CONSENT) == category)
            (iframe.removeAttribute('src'), iframe.addEventListener('load', keepBlank));
        reload = reload || ran.has(category);
      }
    scan();
    // After the other listeners (vendor opt-outs, the UI) have run.
    if (reload && consent.config.reloadOnRevoke !== false) setTimeout(() => win.location.reload());
    win.dispatchEvent(new win.CustomEvent('consentry:change', { detail: { state, previous, record: consent.record } }));
    // Last: a broken dataLayer (page code) throws here, and the instance logs what its listeners throw.
    (win.dataLayer = win.dataLayer || []).push({ event: 'consentry_update', consentry: state });
  });

  const observer = new win.MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) pending.push(...findHeld(node));
    flush();
    embeds.prune();
  });
  observer.observe(doc, { childList: true, subtree: true });
  doc.addEventListener('DOMContentLoaded', flush);
  scan();

  return {
    scan,
    setTexts: embeds.retext,
    get placeholders() {
      return embeds.holding;
    },
    stop() {
      off();
      unsync();
      observer.disconnect();
      doc.removeEventListener('DOMContentLoaded', flush);
    },
  };
}
