// Whether Consentry's banner or preferences dialog is on screen, for the GPP API's
// cmpDisplayStatus. Read from the UI's stable hooks (`[data-consentry-banner]`,
// `[data-consentry-preferences]`) inside its host element's open shadow root, so the UI needs
// no code for GPP and sites without GPP carry none.
const SHOWN = '[data-consentry-banner],[data-consentry-preferences]';

/** Whether the banner or dialog is rendered anywhere in `root` or in the shadow roots of its children. */
function shown(root: ParentNode): boolean {
  if (root.querySelector(SHOWN)) return true;
  for (const element of root.querySelectorAll('consentry-ui'))
    if (element.shadowRoot && element.shadowRoot.querySelector(SHOWN)) return true;
  return false;
}

/**
 * Calls `report(visible)` now and whenever the UI shows or hides its banner or dialog; returns
 * the function that stops watching.
 */
export function watchDisplay(doc: Document, report: (visible: boolean) => void): () => void {
  const observers: MutationObserver[] = [];
  const watched = new WeakSet<Node>();
  const check = (): void => {
    // A UI host that appeared since: watch inside its shadow root too.
    for (const element of doc.querySelectorAll('consentry-ui'))
      if (element.shadowRoot && !watched.has(element.shadowRoot)) observe(element.shadowRoot);
    report(shown(doc));
  };
  const observe = (root: Node): void => {
    watched.add(root);
    const observer = new MutationObserver(check);
    observer.observe(root, { childList: true, subtree: true });
    observers.push(observer);
  };
  observe(doc.documentElement);
  check();
  return () => {
    for (const observer of observers) observer.disconnect();
  };
}
