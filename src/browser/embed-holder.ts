import type { Consent } from '../core/types';
import { activateElement } from './activate-element';
import { CONSENT } from './held-markup';
import type { PageState } from './page-state';
import { PLACEHOLDER_TEXTS, type PlaceholderTexts } from './placeholder';
import { placeholderSizer } from './placeholder-size';
import { internalsOf } from '../core/internals';

export interface EmbedHolder {
  /** Hides a held iframe behind its placeholder (once). */
  hold(iframe: HTMLIFrameElement): void;
  /** Removes the placeholder and shows the iframe again. */
  unhold(iframe: Element): void;
  /** Drops the placeholders of iframes the page removed. */
  prune(): void;
  /** Shows every placeholder again with other texts (a translation that arrived later). */
  retext(texts: Partial<PlaceholderTexts>): void;
  /** True while at least one iframe is held (its placeholder may go in at the end of the task). */
  readonly holding: boolean;
}

/** Makes the placeholders of one runtime: `embedHolder`, or a stand-in that fetches it when first needed. */
export type EmbedHolderFactory = (
  consent: Consent,
  pageState: PageState,
  texts?: Partial<PlaceholderTexts>,
) => EmbedHolder;

/**
 * Placeholders for held iframes: a box saying what is blocked and why, a button that allows the
 * category (the visitor's explicit choice) and one that loads this iframe only. The box carries
 * the iframe's title as its name, so a screen reader says which embed it stands for. The iframe
 * stays in the page, hidden, so frameworks that own it keep their references.
 */
export const embedHolder: EmbedHolderFactory = (consent, pageState, given) => {
  let texts = { ...PLACEHOLDER_TEXTS, ...given };
  const shown = new Map<Element, Element>();
  const sizeLike = placeholderSizer();
  const unhold = (iframe: Element): void => {
    const box = shown.get(iframe);
    if (!box) return;
    box.remove();
    (iframe as HTMLElement).hidden = false;
    shown.delete(iframe);
  };
  const hold = (iframe: HTMLIFrameElement): void => {
    if (shown.has(iframe)) return;
    const doc = iframe.ownerDocument;
    const category = iframe.getAttribute(CONSENT)!;
    // The configured label, else the translation's (`advertisingLabel`), else the name.
    const label =
      internalsOf(consent).categories.find((info) => info.name == category)?.label ||
      (texts as unknown as Record<string, string>)[category + 'Label'] ||
      category;
    const box = doc.createElement('div');
    // Texts go in as text, never as markup: labels and translations come from config.
    const add = (tag: string, text: string, click?: () => void): void => {
      const el = box.appendChild(doc.createElement(tag));
      el.textContent = text.replace('{category}', label);
      if (!click) return;
      (el as HTMLButtonElement).type = 'button';
      el.addEventListener('click', click);
    };
    box.setAttribute('data-consentry-placeholder', category);
    box.setAttribute('role', 'group');
    if (iframe.title) box.setAttribute('aria-label', iframe.title);
    add('p', texts.embedBlocked);
    add('button', texts.embedAllow, () => consent.update({ [category]: true }, 'preferences'));
    add('button', texts.embedOnce, () => {
      pageState.loadedOnce.add(iframe);
      unhold(iframe);
      activateElement(iframe);
      iframe.focus(); // the button that had focus is gone
    });
    sizeLike(box, iframe);
    shown.set(iframe, box);
    // Placed after this task's other holds have measured their iframes: placing one box before
    // measuring the next iframe would lay the page out again for each (40 embeds: 250–600 ms).
    queueMicrotask(() => {
      if (shown.get(iframe) != box || !iframe.isConnected) return;
      iframe.before(box);
      iframe.hidden = true;
    });
  };
  return {
    hold,
    unhold,
    prune() {
      for (const iframe of shown.keys()) if (!iframe.isConnected) unhold(iframe);
    },
    retext(next) {
      texts = { ...texts, ...next };
      for (const iframe of [...shown.keys()]) {
        unhold(iframe);
        hold(iframe as HTMLIFrameElement);
      }
    },
    get holding() {
      return shown.size > 0;
    },
  };
};
