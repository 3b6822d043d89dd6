// Sizes embed placeholders without style attributes or <style> elements, which a strict CSP
// blocks: a constructed stylesheet adopted by the document is not subject to `style-src`
// (CSSOM, drafts.csswg.org/cssom/#dom-cssstylesheet-cssstylesheet).

const SIZE = 'data-consentry-size';
const BASE =
  '[data-consentry-placeholder]{box-sizing:border-box;max-width:100%;display:flex;flex-direction:column;' +
  'align-items:center;justify-content:center;gap:.5em;padding:1em;text-align:center;background:#8882;border:1px solid #8886}';
const sheets: WeakMap<Document, { sheet: CSSStyleSheet; sizes: Set<string> }> = new WeakMap();

/** Gives `box` the rendered size of `iframe` (measured before it is hidden), as a minimum height so text never overflows. */
export function sizeLike(box: Element, iframe: HTMLElement): void {
  try {
    const doc = box.ownerDocument;
    let adopted = sheets.get(doc);
    if (!adopted) {
      const sheet = new (doc.defaultView as typeof globalThis).CSSStyleSheet();
      sheet.replaceSync(BASE);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      sheets.set(doc, (adopted = { sheet, sizes: new Set() }));
    }
    const { offsetWidth: w, offsetHeight: h } = iframe;
    const size = w + 'x' + h;
    if (!w || !h) return;
    box.setAttribute(SIZE, size);
    if (!adopted.sizes.has(size)) {
      adopted.sizes.add(size);
      adopted.sheet.insertRule(`[${SIZE}="${size}"]{width:${w}px;min-height:${h}px}`);
    }
  } catch {
    // No constructable stylesheets (older browsers): the placeholder keeps its natural size.
  }
}
