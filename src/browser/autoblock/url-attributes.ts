// Where an element takes a URL it fetches: the attributes auto-blocking holds, by element.

/**
 * The URL-bearing attributes of each element, HTML and SVG alike (lower case): scripts (SVG's
 * by `href`), images (`<image>` in HTML is parsed as `<img>`; SVG's takes `href`), frames and
 * their `srcdoc`, media, `<source>`, `<input type=image>`, link hints and stylesheets,
 * `<object>`/`<embed>`, `<base>` (which moves every relative URL after it) and `ping`.
 * A `Map`: a custom element may be named like an `Object.prototype` member.
 */
export const URL_ATTRIBUTES = /* @__PURE__ */ new Map<string, readonly string[]>([
  ['script', ['src', 'href', 'xlink:href']],
  ['img', ['src', 'srcset']],
  ['image', ['src', 'srcset', 'href', 'xlink:href']],
  ['iframe', ['src', 'srcdoc']],
  ['frame', ['src']],
  ['source', ['src', 'srcset']],
  ['video', ['src', 'poster']],
  ['audio', ['src']],
  ['track', ['src']],
  ['input', ['src']],
  ['link', ['href', 'imagesrcset']],
  ['object', ['data']],
  ['embed', ['src']],
  ['base', ['href']],
  ['a', ['ping']],
  ['area', ['ping']],
]);

/** The attribute of `el` named `name` (any case, any prefix) that auto-blocking watches, else undefined. */
export function watchedAttribute(el: Element, name: string): string | undefined {
  const names = URL_ATTRIBUTES.get(el.localName);
  if (!names) return;
  const attribute = name.toLowerCase();
  return names.includes(attribute) ? attribute.replace('xlink:', '') : undefined;
}

/**
 * The URLs in an attribute's value. `srcset` lists URLs with descriptors, `ping` URLs separated
 * by spaces: every word counts (a descriptor is a relative URL on the site's own host), so a
 * URL holding a comma is checked in both parts.
 */
export const urlsIn = (attribute: string, value: string): string[] =>
  /srcset|ping/.test(attribute) ? value.split(/[\s,]+/).filter(Boolean) : [value];

/** Marks a URL moved off an element until auto-blocking has decided: `data-consentry-held-src`. */
export const MARK = 'data-consentry-held-';
/** Flags a script from markup that would run (`document.write`, `createContextualFragment`) made inert until released. */
export const BLOCKED = 'data-consentry-blocked';

/**
 * Converts a value given for a URL once, so that an object whose `toString` answers differently
 * on each call cannot show one URL to the check and another to the browser. Trusted Types
 * objects (immutable) and symbols (which the browser rejects) go on as they are.
 */
export function once(value: unknown): unknown {
  const trusted = (globalThis as { trustedTypes?: { isScriptURL(v: unknown): boolean; isHTML(v: unknown): boolean } })
    .trustedTypes;
  if (typeof value == 'symbol' || trusted?.isScriptURL(value) || trusted?.isHTML(value)) return value;
  return String(value);
}
