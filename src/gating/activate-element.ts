import { cloneScript } from '../dom/clone-script';

/**
 * Activates a held element. An iframe or image gets its `data-src` as `src`; a script is
 * replaced by a runnable copy (`cloneScript`) with `data-type` as its type (`module`).
 * Returns a promise settled when an external script without `async` has loaded or failed,
 * so that what follows it in the same category can depend on it.
 */
export function activateElement(el: Element, nonce?: string): Promise<unknown> | void {
  const src = el.getAttribute('data-src');
  if (el.localName != 'script') return void el.setAttribute('src', src!);
  const script = cloneScript(el as HTMLScriptElement, el.getAttribute('data-type'), nonce);
  if (src) script.src = src;
  else script.text = (el as HTMLScriptElement).text;
  const loaded =
    script.hasAttribute('src') && !script.hasAttribute('async') &&
    new Promise((done) => ['load', 'error'].map((event) => script.addEventListener(event, done)));
  el.replaceWith(script);
  return loaded || undefined;
}
