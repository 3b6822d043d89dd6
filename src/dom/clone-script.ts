/**
 * A fresh, runnable copy of a held script: a script element runs at most once and changing its
 * `type` does not run it (REFERENCE.md §9.1). The copy keeps every attribute but `type` and
 * `nonce`, takes `type`, and gets the nonce as a property, because browsers hide the nonce
 * attribute once parsed (§9.5).
 */
export function cloneScript(el: HTMLScriptElement, type: string | null, nonce?: string): HTMLScriptElement {
  const script = el.ownerDocument.createElement('script');
  for (const { name, value } of el.attributes) if (name != 'type' && name != 'nonce') script.setAttribute(name, value);
  if (type) script.type = type;
  if ((nonce = nonce || el.nonce)) script.nonce = nonce;
  return script;
}
