// Partytown (partytown.qwik.dev) runs `<script type="text/partytown">` in a web worker, where no
// page patch sees its requests: such a script must wait before Partytown reads it. Partytown
// reads them at DOMContentLoaded, when its worker starts, on the `ptupdate` event, and from a
// mutation observer of its own; this module's listeners and observer come first (registered
// before Partytown's snippet runs), so a held script is hidden by then.

const PARTYTOWN = 'text/partytown';
const HIDDEN = 'consentry/partytown';

/**
 * Hides each `text/partytown` script of the page for which `hold(script, release)` returns true
 * (its `type` changed, so Partytown's `script[type="text/partytown"]` no longer finds it);
 * `release` gives it its type back and tells Partytown with `ptupdate`, its documented event
 * for scripts added later. Returns an undo.
 */
export function holdPartytown(hold: (script: HTMLScriptElement, release: () => void) => boolean): () => void {
  const check = (script: HTMLScriptElement): void => {
    const release = (): void => {
      script.type = PARTYTOWN;
      window.dispatchEvent(new CustomEvent('ptupdate'));
    };
    if (hold(script, release)) script.type = HIDDEN;
  };
  const scan = (root: ParentNode = document): void => {
    const node = root as Element;
    if (node.localName == 'script' && (node as HTMLScriptElement).type == PARTYTOWN) check(node as HTMLScriptElement);
    else if (node.firstElementChild || root == document)
      for (const script of root.querySelectorAll<HTMLScriptElement>(`script[type="${PARTYTOWN}"]`)) check(script);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node.nodeType == 1) scan(node as Element);
  });
  observer.observe(document, { childList: true, subtree: true });
  const scanAll = (): void => scan();
  document.addEventListener('DOMContentLoaded', scanAll);
  window.addEventListener('ptupdate', scanAll);
  return () => {
    observer.disconnect();
    document.removeEventListener('DOMContentLoaded', scanAll);
    window.removeEventListener('ptupdate', scanAll);
  };
}
