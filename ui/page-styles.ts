/**
 * Adds a constructable stylesheet to the document (`ui.shadow: false`): no `<style>` element and
 * no inline `style` attribute, so `Content-Security-Policy: style-src 'self'` needs no exception
 * (CSSOM, https://drafts.csswg.org/cssom/#dom-documentorshadowroot-adoptedstylesheets). The
 * page's own adopted sheets stay. Returns what takes the sheet away again.
 */
export function adoptPageStyles(doc: Document, css: string): () => void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((adopted) => adopted != sheet);
    };
  } catch {
    // unstyled but working: every control is a native element
    return () => {};
  }
}
