// Styles embed placeholders without style attributes or <style> elements, which a strict CSP
// blocks. The shared look is a constructed stylesheet adopted by the document, which is not
// subject to `style-src` (CSSOM, drafts.csswg.org/cssom/#dom-cssstylesheet-cssstylesheet). Each
// box's size is set on its `style` object from script, which CSP does not restrict either (only
// `style` attributes in markup or set as text are inline styles).

const BASE =
  '[data-consentry-placeholder]{box-sizing:border-box;max-width:100%;display:flex;flex-flow:column;' +
  'place-items:center;place-content:center;gap:.5em;padding:1em;text-align:center;background:#8882;border:1px solid #8886}';

/**
 * Returns a function that gives a placeholder `box` the rendered size of its `iframe` (measured
 * before it is hidden), as a minimum height so text never overflows. Its stylesheet is made on
 * first use and adopted by that box's document: one per gated document. Sizes do not go into
 * the sheet: a rule added per box made every next measurement restyle the whole document.
 */
export function placeholderSizer(): (box: HTMLElement, iframe: HTMLElement) => void {
  let sheet: CSSStyleSheet | undefined;
  return (box, iframe) => {
    const doc = box.ownerDocument;
    const { offsetWidth: width, offsetHeight: height } = iframe;
    if (width && height) {
      box.style.width = width + 'px';
      box.style.minHeight = height + 'px';
    }
    try {
      if (!sheet) {
        sheet = new (doc.defaultView as typeof globalThis).CSSStyleSheet();
        sheet.replaceSync(BASE);
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      }
    } catch {
      // No constructable stylesheets (older browsers): the placeholder goes unstyled.
    }
  };
}
