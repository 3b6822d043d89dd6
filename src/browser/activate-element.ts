import { cloneScript } from './clone-script';
import { scriptURL } from './trusted-types';

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
    // `data-*` through, so `data-src` must not become a way around them. An unparseable URL
    // is left alone too.
    try {
      if (new URL(src!, el.baseURI).protocol != 'javascript:') el.setAttribute('src', src!);
    } catch {
      // Not a URL: nothing to load.
    }
    return;
  }
  const script = cloneScript(el as HTMLScriptElement, el.getAttribute('data-type'), nonce);
  if (src) script.src = scriptURL(src) as string;
  else script.text = (el as HTMLScriptElement).text;
  el.replaceWith(script);
  // Partytown reads scripts added later when told so (partytown.qwik.dev, "ptupdate").
  if (script.type == 'text/partytown') el.ownerDocument.defaultView?.dispatchEvent(new CustomEvent('ptupdate'));
  if (!script.hasAttribute('src') || script.hasAttribute('async')) return;
  return new Promise((settled) => {
    script.addEventListener('load', settled);
    script.addEventListener('error', settled);
  });
}
