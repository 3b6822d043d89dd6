import { cloneScript } from '../clone-script';
import type { Intercept } from './hold-src';

const BLOCKED = 'javascript/blocked';

/**
 * Holds `<script src>` elements of the HTML itself, which no setter sees. At a script's end
 * tag the parser delivers pending mutation records before it prepares the script, so a
 * non-script `type` set here stops it from executing (whatwg/html#7882, yett's
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
        const script = node as HTMLScriptElement;
        const type = script.localName == 'script' && script.hasAttribute('src') ? script.getAttribute('type') : BLOCKED;
        // Only JavaScript would run: a missing or empty type, a JavaScript MIME type, `module`.
        if (type && !/^(module|(text|application)\/(x-)?(java|ecma)script)$/i.test(type)) continue;
        const release = (): void => script.replaceWith(cloneScript(script, type, nonce()));
        if (intercept(script, script.src, release)) script.type = BLOCKED;
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
