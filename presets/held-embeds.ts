// Shared by the embed presets: changes the URL of held iframes (markup waiting for consent,
// `<iframe data-consent="…" data-src="…">`) before gating gives it to them.
const HELD_IFRAME = 'iframe[data-src]';

/**
 * Rewrites the `data-src` of every held iframe whose URL matches `pattern`, now and for
 * iframes the page adds later. Called from a preset's `setup`, which runs before gating starts
 * watching the page, so the rewrite always comes first.
 */
export function rewriteHeldEmbeds(doc: Document, pattern: RegExp, rewrite: (url: string) => string): void {
  const fix = (iframe: Element): void => {
    const url = iframe.getAttribute('data-src')!;
    if (pattern.test(url)) iframe.setAttribute('data-src', rewrite(url));
  };
  const fixUnder = (node: Node): void => {
    if (node.nodeType != 1) return;
    const el = node as Element;
    if (el.matches(HELD_IFRAME)) fix(el);
    for (const iframe of el.querySelectorAll(HELD_IFRAME)) fix(iframe);
  };
  fixUnder(doc.documentElement);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) fixUnder(node);
  }).observe(doc.documentElement, { childList: true, subtree: true });
}
