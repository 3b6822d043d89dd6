/**
 * Styles a shadow root with a constructable stylesheet: no `<style>` element and no inline
 * `style` attribute, so `Content-Security-Policy: style-src 'self'` needs no exception.
 * Browsers without constructable stylesheets (Safari before 16.4) show the markup unstyled.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // unstyled but working: every control is a native element
  }
}
