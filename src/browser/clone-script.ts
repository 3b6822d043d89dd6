/**
 * A fresh, runnable copy of a held script: a script element runs at most once and changing its
 * `type` does not run it ("already started", html.spec.whatwg.org/multipage/scripting.html#prepare-the-script-element).
 * The copy keeps every attribute but `type` and `nonce`, takes `type`, and gets the nonce as a
 * property, because browsers hide the nonce attribute once parsed
 * (html.spec.whatwg.org/multipage/urls-and-fetching.html#nonce-attributes).
 */
export function cloneScript(el: HTMLScriptElement, type: string | null, nonce?: string): HTMLScriptElement {
  const script = el.ownerDocument.createElement('script');
  for (const { name, value } of el.attributes) if (name != 'type' && name != 'nonce') script.setAttribute(name, value);
  if (type) script.type = type;
  const effectiveNonce = nonce || el.nonce;
  if (effectiveNonce) script.nonce = effectiveNonce;
  return script;
}
