// Elements a site marks to open the preferences dialog, such as a footer link:
// `<a href="#" data-consentry-action="preferences">Cookie settings</a>`. One listener on the
// document, so openers added later work too.

const PREFERENCES_OPENER = '[data-consentry-action="preferences"]';

/**
 * Calls `open(opener)` for a click on any element marked as a preferences opener (instead of the
 * link's own action). Returns the function that stops listening.
 * @internal
 */
export function onPreferencesOpeners(doc: Document, open: (opener: Element) => void): () => void {
  const onClick = (event: Event): void => {
    const opener = (event.target as Element | null)?.closest?.(PREFERENCES_OPENER);
    if (!opener) return;
    event.preventDefault();
    open(opener);
  };
  doc.addEventListener('click', onClick);
  return () => doc.removeEventListener('click', onClick);
}
