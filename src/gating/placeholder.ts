import { sizeLike } from './placeholder-size';

/** Texts of an embed's placeholder; `{category}` is replaced by the category's label. */
export interface PlaceholderTexts {
  embedBlocked: string;
  embedAllow: string;
  embedOnce: string;
}

export const PLACEHOLDER_TEXTS: PlaceholderTexts = {
  embedBlocked: 'This content is blocked until you allow {category}',
  embedAllow: 'Allow {category}',
  embedOnce: 'Load this once',
};

/**
 * The box shown in place of a held iframe: what is blocked and why, a button that allows the
 * category and one that loads this embed only. It carries the iframe's title as its name, so
 * a screen reader says which embed it stands for.
 */
export function placeholder(
  iframe: HTMLElement,
  category: string,
  label: string,
  texts: PlaceholderTexts,
  allow: () => void,
  once: () => void,
): HTMLElement {
  const doc = iframe.ownerDocument;
  const make = (tag: string, text: string, click?: () => void): HTMLElement => {
    const el = doc.createElement(tag);
    el.textContent = text.replace('{category}', label);
    if (click) (el as HTMLButtonElement).type = 'button', el.addEventListener('click', click);
    return el;
  };
  const box = doc.createElement('div');
  box.setAttribute('data-consentry-placeholder', category);
  box.setAttribute('role', 'group');
  if (iframe.title) box.setAttribute('aria-label', iframe.title);
  box.append(make('p', texts.embedBlocked), make('button', texts.embedAllow, allow), make('button', texts.embedOnce, once));
  sizeLike(box, iframe);
  return box;
}
