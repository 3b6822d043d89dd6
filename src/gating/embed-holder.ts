import type { Consent } from '../types';
import { activateElement } from './activate-element';
import { CONSENT } from './held-markup';
import { loadOnce } from './page-state';
import { placeholder, type PlaceholderTexts } from './placeholder';

export interface EmbedHolder {
  /** Hides a held iframe behind its placeholder (once). */
  hold(iframe: HTMLIFrameElement): void;
  /** Removes the placeholder and shows the iframe again. */
  unhold(iframe: Element): void;
  /** Drops the placeholders of iframes the page removed. */
  prune(): void;
  /** Shows every placeholder again with other texts (a translation that arrived later). */
  retext(texts: PlaceholderTexts): void;
}

/**
 * Placeholders for held iframes. The iframe stays in the page, hidden, so frameworks that
 * own it keep their references; "Allow" grants the category (the visitor's explicit choice),
 * "Load this once" loads this iframe only.
 */
export function embedHolder(consent: Consent, texts: PlaceholderTexts): EmbedHolder {
  const shown = new Map<Element, Element>();
  const unhold = (iframe: Element): void => {
    const box = shown.get(iframe);
    if (box) box.remove(), ((iframe as HTMLElement).hidden = false), shown.delete(iframe);
  };
  const holder: EmbedHolder = {
    hold(iframe) {
      if (shown.has(iframe)) return;
      const category = iframe.getAttribute(CONSENT)!;
      // The configured label, else the translation's (`advertisingLabel`), else the name.
      const label = consent.categories.find((c) => c.name == category)?.label || (texts as unknown as Record<string, string>)[category + 'Label'] || category;
      const box = placeholder(iframe, category, label, texts, () => consent.update({ [category]: true }, 'preferences'), () => {
        loadOnce.add(iframe);
        unhold(iframe);
        activateElement(iframe);
        iframe.focus(); // the button that had focus is gone
      });
      iframe.before(box);
      iframe.hidden = true;
      shown.set(iframe, box);
    },
    unhold,
    prune() {
      for (const [iframe, box] of shown) if (!iframe.isConnected) box.remove(), shown.delete(iframe);
    },
    retext(next) {
      texts = next;
      for (const iframe of [...shown.keys()]) unhold(iframe), holder.hold(iframe as HTMLIFrameElement);
    },
  };
  return holder;
}
