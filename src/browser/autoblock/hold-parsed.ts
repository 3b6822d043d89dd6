import { cloneScript } from '../clone-script';
import type { Intercept } from './hold-attributes';

const BLOCKED = 'javascript/blocked';
/** JavaScript MIME types (mimesniff.spec.whatwg.org/#javascript-mime-type) and `module`. */
const JAVASCRIPT =
  /^(module|(text|application)\/(x-)?(java|ecma)script|text\/(javascript1\.[0-5]|jscript|livescript))$/;

/**
 * Whether the browser would run `script` as JavaScript: its type as "prepare the script
 * element" derives it (html.spec.whatwg.org/multipage/scripting.html#prepare-the-script-element):
 * none, empty, or a `language` alone; whitespace around it ignored, case ignored.
 */
export function runsAsJavaScript(script: Element): boolean {
  const type = script.getAttribute('type');
  const language = script.getAttribute('language');
  if (type == '' || (type == null && !language)) return true;
  return JAVASCRIPT.test((type == null ? 'text/' + language : type.trim()).toLowerCase());
}

/**
 * Holds `<script src>` elements of the HTML itself (and SVG `<script href>`), which no setter
 * sees. At a script's end tag the parser delivers pending mutation records before it prepares
 * the script, so a non-script `type` set here stops it from executing (whatwg/html#7882, yett's
 * `src/observer.js`); the preload scanner may still have fetched it
 * (html.spec.whatwg.org/multipage/parsing.html#speculative-html-parsing).
 * A released script runs as a fresh copy in its place. Parser-inserted scripts only exist
 * while the document loads, so the observer stops at DOMContentLoaded.
 */
export function holdParsed(intercept: Intercept, nonce: () => string | undefined): () => void {
  if (document.readyState != 'loading') return () => {};
  const check = (records: MutationRecord[]): void => {
    for (const record of records)
      for (const node of record.addedNodes) {
        const script = node as Element;
        if (script.localName != 'script' || !runsAsJavaScript(script)) continue;
        const attribute = ['src', 'href', 'xlink:href'].find((name) => script.hasAttribute(name));
        if (!attribute) continue;
        const url = script.getAttribute(attribute)!;
        const type = script.getAttribute('type');
        const release = (): void => {
          const copy = cloneScript(script as HTMLScriptElement, type, nonce());
          copy.src = url;
          script.replaceWith(copy);
        };
        // Set as an attribute: an SVG script has no `type` property.
        if (intercept(script, attribute.replace('xlink:', ''), url, release)) script.setAttribute('type', BLOCKED);
      }
  };
  const observer = new MutationObserver(check);
  // Stopping twice (uninstalled, then DOMContentLoaded) does nothing the second time.
  const stop = (): void => {
    check(observer.takeRecords());
    observer.disconnect();
  };
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', stop);
  return stop;
}
