import type { Consent } from '../core/types';
import { activateElement } from './activate-element';
import type { EmbedHolderFactory } from './embed-holder';
import { CONSENT, findHeld } from './held-markup';
import type { PageState } from './page-state';
import type { PlaceholderTexts } from './placeholder';

export interface MarkupGate {
  /** Activates or holds the marked-up elements under `root` now (the observer finds added ones by itself). */
  scan(root?: ParentNode): void;
  /** Replaces the placeholder texts; shown placeholders update by the end of the task. */
  setTexts(texts: Partial<PlaceholderTexts>): void;
  /** True when at least one iframe is held behind a placeholder (placed by the end of the task). */
  readonly placeholders: boolean;
  /** Stops watching the page and consent changes; what already ran stays. */
  stop(): void;
}

export interface MarkupGateOptions {
  doc: Document;
  pageState: PageState;
  /** Put on every activated script; else the held element's own. */
  nonce?: string;
  texts?: Partial<PlaceholderTexts>;
  /** Makes the placeholders of held iframes (`embedHolder`, or the script tag's lazily fetched one). */
  embeds: EmbedHolderFactory;
}

/**
 * Resolves in a later task. Chromium does not start loading an iframe whose `src` is set in the
 * microtasks that follow a mutation observer callback while the parser runs (it stays on
 * about:blank); set from a task, it loads. The checks after it run again, so a withdrawal in
 * between still holds the iframe.
 */
const nextTask = (): Promise<void> => new Promise((done) => setTimeout(done));

/**
 * Activates held markup (`data-consent`) whose category is granted, in document order, also for
 * elements added later, and shows placeholders for held iframes. One chain per category: its
 * elements activate in order, and a script that never loads holds back only its own category.
 */
export function gateMarkup(consent: Consent, options: MarkupGateOptions): MarkupGate {
  const { doc, pageState, nonce } = options;
  const embeds = options.embeds(consent, pageState, options.texts);
  // A Map, not an object: a category may be named like an Object.prototype member (`constructor`).
  const chains = new Map<string, Promise<unknown>>();
  const queued = new WeakSet<Element>();
  const pending: Element[] = [];

  const activate = (el: Element): void => {
    const category = el.getAttribute(CONSENT)!;
    if (queued.has(el)) return;
    if (!consent.granted(category)) {
      if (el.localName == 'iframe' && el.isConnected) embeds.hold(el as HTMLIFrameElement);
      return;
    }
    queued.add(el);
    const previous = chains.get(category) || Promise.resolve();
    const next = previous
      .then(() => (el.localName == 'iframe' && doc.readyState == 'loading' ? nextTask() : undefined))
      .then(() => {
        queued.delete(el);
        if (!el.isConnected) return;
        if (!consent.granted(category)) return activate(el); // withdrawn while it waited
        embeds.unhold(el);
        if (el.localName == 'script') pageState.ranCategories.add(category);
        return activateElement(el, nonce);
      })
      .catch((error) => console.error('consentry: could not activate', el, error));
    chains.set(category, next);
  };

  // While the page is parsed, a script's text may still be arriving: it is complete once a
  // node follows it. Until then it and everything after it wait, so document order holds.
  const isComplete = (node: Node | null): boolean => {
    while (node && !node.nextSibling) node = node.parentNode;
    return !!node;
  };
  const mayActivate = (el: Element): boolean =>
    doc.readyState != 'loading' || el.localName != 'script' || isComplete(el);
  const flush = (): void => {
    while (pending.length && mayActivate(pending[0]!)) activate(pending.shift()!);
  };
  const scan = (root: ParentNode = doc): void => {
    pending.push(...findHeld(root as Node));
    flush();
  };

  const unsubscribe = consent.on('change', () => scan());
  const observer = new (doc.defaultView as typeof globalThis).MutationObserver((records) => {
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
      unsubscribe();
      observer.disconnect();
      doc.removeEventListener('DOMContentLoaded', flush);
    },
  };
}
