// Sizes embed placeholders without style attributes or <style> elements, which a strict CSP
// blocks: a constructed stylesheet adopted by the document is not subject to `style-src`
// (CSSOM, drafts.csswg.org/cssom/#dom-cssstylesheet-cssstylesheet).

const SIZE = 'data-consentry-size';
const BASE =
  '[data-consentry-placeholder]{box-sizing:border-box;max-width:100%;display:flex;flex-flow:column;' +
  'align-items:center;justify-content:center;gap:.5em;padding:1em;text-align:center;background:#8882;border:1px solid #8886}';
/** One sheet per document: a constructed sheet can only be adopted by its own window's documents. */
const sheets: WeakMap<Document, CSSStyleSheet> = new WeakMap();

/** Gives `box` the rendered size of `iframe` (measured before it is hidden), as a minimum height so text never overflows. */
export function sizeLike(box: Element, iframe: HTMLElement): void {
  const doc = box.ownerDocument;
  const { offsetWidth: w, offsetHeight: h } = iframe;
  try {
    let sheet = sheets.get(doc);
    if (!sheet) {
      sheets.set(doc, (sheet = new (doc.defaultView as typeof globalThis).CSSStyleSheet()));
      sheet.replaceSync(BASE);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    }
    // A rule per hold (a repeated size repeats an identical rule): holds happen only on page
    // load, withdrawal and a late translation, so the sheet stays small.
    if (w && h) box.setAttribute(SIZE, w + 'x' + h), sheet.insertRule(`[${SIZE}="${w}x${h}"]{width:${w}px;min-height:${h}px}`);
  } catch {
    // No constructable stylesheets (older browsers): the placeholder keeps its natural size.
  }
}
