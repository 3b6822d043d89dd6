// Sizes embed placeholders without style attributes or <style> elements, which a strict CSP
// blocks: a constructed stylesheet adopted by the document is not subject to `style-src`
// (CSSOM, drafts.csswg.org/cssom/#dom-cssstylesheet-cssstylesheet).

const SIZE = 'data-consentry-size';
const BASE =
  '[data-consentry-placeholder]{box-sizing:border-box;max-width:100%;display:flex;flex-flow:column;' +
  'place-items:center;place-content:center;gap:.5em;padding:1em;text-align:center;background:#8882;border:1px solid #8886}';

/**
 * Returns a function that gives a placeholder `box` the rendered size of its `iframe` (measured
 * before it is hidden), as a minimum height so text never overflows. Its stylesheet is made on
 * first use and adopted by that box's document: one per gated document.
 */
export function placeholderSizer(): (box: Element, iframe: HTMLElement) => void {
  let sheet: CSSStyleSheet | undefined;
  return (box, iframe) => {
    const doc = box.ownerDocument;
    const { offsetWidth: w, offsetHeight: h } = iframe;
    try {
      if (!sheet) {
        sheet = new (doc.defaultView as typeof globalThis).CSSStyleSheet();
        sheet.replaceSync(BASE);
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      }
      // A rule per hold (a repeated size repeats an identical rule): holds happen only on page
      // load, withdrawal and a late translation, so the sheet stays small.
      if (w && h) box.setAttribute(SIZE, w + 'x' + h), sheet.insertRule(`[${SIZE}="${w}x${h}"]{width:${w}px;min-height:${h}px}`);
    } catch {
      // No constructable stylesheets (older browsers): the placeholder keeps its natural size.
    }
  };
}
