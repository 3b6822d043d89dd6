/**
 * Inserts an external script at the end of <head> and resolves when it has loaded.
 * `attrs` are copied as attributes; the nonce is set as a property because browsers
 * hide the attribute once parsed (REFERENCE.md §9.5).
 */
export function insertScript(
  src: string,
  attrs?: Record<string, string>,
  nonce?: string,
  doc: Document = document,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    for (const name in attrs) script.setAttribute(name, attrs[name]!);
    if (nonce) script.nonce = nonce;
    script.onload = () => resolve();
    script.onerror = () => reject(Error(`consentry: failed to load ${src}`));
    script.src = src;
    (doc.head || doc.documentElement).appendChild(script);
  });
}
