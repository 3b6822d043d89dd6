import { cloneScript } from '../dom/clone-script';

/**
 * Activates a held element. An iframe or image gets its `data-src` as `src`; a script is
 * replaced by a runnable copy (`cloneScript`) with `data-type` as its type (`module`).
 * Returns a promise settled when an external script without `async` has loaded or failed,
 * so that what follows it in the same category can depend on it.
 */
export function activateElement(el: Element, nonce?: string): Promise<unknown> | void {
  const src = el.getAttribute('data-src');
  if (el.localName != 'script') {
    // A `javascript:` URL in an iframe would run in the page. Sanitizers that vet `src` let
    // `data-*` through, so `data-src` must not become a way around them.
    if (safeUrl(src!, el.baseURI)) el.setAttribute('src', src!);
    return;
  }
  const script = cloneScript(el as HTMLScriptElement, el.getAttribute('data-type'), nonce);
  if (src) script.src = src;
  else script.text = (el as HTMLScriptElement).text;
  const loaded =
    script.hasAttribute('src') && !script.hasAttribute('async') &&
    new Promise((done) => ['load', 'error'].map((event) => script.addEventListener(event, done)));
  el.replaceWith(script);
  return loaded || undefined;
}

const safeUrl = (url: string, base: string): boolean => {
  try {
    return new URL(url, base).protocol != 'javascript:';
  } catch {
    return false;
  }
};
