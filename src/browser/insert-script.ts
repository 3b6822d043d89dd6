import { scriptURL } from './trusted-types';

/**
 * The one way Consentry inserts an external script (vendor tags, `consent.loadScript`, the UI
 * chunk, translations): at the end of <head>, with `attrs` copied as attributes and the nonce set
 * as a property, because browsers hide the nonce attribute once parsed
 * (html.spec.whatwg.org/multipage/urls-and-fetching.html#nonce-attributes).
 * Resolves when it has loaded; rejects with an Error naming the URL when it fails (blocked,
 * 404, refused by CSP). The rejection is marked as handled, so a caller that does not wait for
 * the result (a preset's fire-and-forget tag) causes no "unhandled rejection" in the page.
 * `inserted` collects the element, so auto-blocking can tell the runtime's own scripts apart.
 * The URL goes through the `consentry` Trusted Types policy (trusted-types.ts). `attrs` are read
 * as own properties: what another script put on Object.prototype is no attribute.
 */
export function insertScript(
  src: string,
  attrs?: Record<string, string>,
  nonce?: string,
  doc: Document = document,
  inserted?: WeakSet<Element>,
): Promise<void> {
  const loaded = new Promise<void>((resolve, reject) => {
    const script = doc.createElement('script');
    for (const name of Object.keys(attrs || {})) script.setAttribute(name, attrs![name]!);
    if (nonce) script.nonce = nonce;
    inserted?.add(script);
    script.onload = () => resolve();
    script.onerror = () => reject(Error(`consentry: failed to load ${src}`));
    script.src = scriptURL(src) as string;
    (doc.head || doc.documentElement).appendChild(script);
  });
  loaded.catch(() => {});
  return loaded;
}
