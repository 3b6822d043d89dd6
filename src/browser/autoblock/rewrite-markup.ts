// Holding URLs in HTML that a browser parser is about to read (`innerHTML`, `document.write`,
// `srcdoc`...), without parsing it ourselves and handing the browser a re-serialised copy: a
// second parse of re-serialised markup is how mutation XSS turns markup a sanitiser judged
// inert into script (research.securitum.com/mutation-xss-via-mathml-mutation-dompurify-2-0-17,
// html.spec.whatwg.org/multipage/parsing.html#serialising-html-fragments warns of it). The
// browser parses the page's own string once; only the names of held URL attributes change.
import { BLOCKED, MARK, URL_ATTRIBUTES } from './url-attributes';

/** Whether `value` of `attribute` names a URL that must wait (for `srcdoc`: markup that does). */
export type HeldValue = (attribute: string, value: string) => boolean;

// The tokenizer's rules (html.spec.whatwg.org/multipage/parsing.html#tag-open-state): a tag name
// starts with a letter and ends at whitespace, `/` or `>`; an attribute name ends at whitespace,
// `/`, `>` or `=`; a value is double-quoted, single-quoted, or runs to whitespace or `>`. A `/`
// between attributes separates them like a space. Carriage returns are line feeds by then.
const TAG = /* @__PURE__ */ (() =>
  new RegExp(`<(${[...URL_ATTRIBUTES.keys()].join('|')})(?=[\\t\\n\\f\\r />])`, 'gi'))();
const ATTRIBUTE =
  /[\t\n\f\r /]*([^\t\n\f\r />][^\t\n\f\r />=]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*("[^"]*"?|'[^']*'?|[^\t\n\f\r >]*))?/y;

/** Whether `markup` may hold an element that fetches: the quick test before any work. */
export const mayFetch = (markup: string): boolean => {
  TAG.lastIndex = 0;
  return TAG.test(markup);
};

/**
 * `markup` with the held URL attributes of its elements renamed to `data-consentry-held-<name>`
 * (every occurrence in the tag, so a duplicate cannot take over); where scripts would run
 * (`runnable`: `document.write`, `createContextualFragment`), a held script also gets the type
 * `javascript/blocked` first, the flag `data-consentry-blocked`, and its own `type` renamed, so neither its URL nor its inline text
 * runs. Only attribute names change, and only to letters and single hyphens, and the type is
 * unquoted: whatever state the real tokenizer is in at that spot (a tag, a quoted value, a
 * comment, raw text), it stays in it. Returns `markup` itself when nothing is held.
 */
export function rewriteMarkup(markup: string, held: HeldValue, runnable: boolean): string {
  if (!mayFetch(markup)) return markup;
  /** Where to cut `markup`, and what goes in instead of `length` characters there. */
  const edits: Array<{ at: number; length: number; text: string }> = [];
  // Expressions of this call alone: `held` may rewrite a `srcdoc` inside it, which would move
  // the shared ones' positions (and restart this loop for ever).
  const tagPattern = new RegExp(TAG.source, TAG.flags);
  const attributePattern = new RegExp(ATTRIBUTE.source, ATTRIBUTE.flags);
  for (let tag = tagPattern.exec(markup); tag; tag = tagPattern.exec(markup)) {
    const element = tag[1]!.toLowerCase();
    const watched = URL_ATTRIBUTES.get(element)!;
    const attributes: Array<{ name: string; at: number; length: number }> = [];
    const heldNames = new Set<string>();
    attributePattern.lastIndex = tagPattern.lastIndex;
    /** Where the tag's last attribute ends (a failed sticky match sets `lastIndex` back to 0). */
    let end = tagPattern.lastIndex;
    for (let match = attributePattern.exec(markup); match?.[0]; match = attributePattern.exec(markup)) {
      end = attributePattern.lastIndex;
      const raw = match[1]!;
      const name = raw.toLowerCase();
      attributes.push({ name, at: match.index + match[0].indexOf(raw), length: raw.length });
      if (
        watched.includes(name) &&
        match[2] !== undefined &&
        held(name.replace('xlink:', ''), attributeValue(match[2]))
      )
        heldNames.add(name);
    }
    // The next tag starts after this one's attributes: markup inside a value (`srcdoc`, `title`) is text.
    tagPattern.lastIndex = end;
    if (!heldNames.size) continue;
    if (runnable && element == 'script') {
      heldNames.add('type');
      // Right after the tag name, so it is the first `type`: of two, the first wins.
      edits.push({ at: tag.index + tag[0].length, length: 0, text: ` type=javascript/blocked ${BLOCKED} ` });
    }
    for (const { name, at, length } of attributes)
      if (heldNames.has(name)) edits.push({ at, length, text: MARK + name.replace('xlink:', '') });
  }
  let out = '';
  let copied = 0;
  for (const { at, length, text } of edits) {
    out += markup.slice(copied, at) + text;
    copied = at + length;
  }
  return edits.length ? out + markup.slice(copied) : markup;
}

let decoder: HTMLTextAreaElement | undefined;

/**
 * An attribute's value as the parser gives it: without its quotes, character references decoded
 * by the browser itself, as the text of an inert `<textarea>` (RCDATA: references decoded, no
 * element made). Text decodes a few legacy references without `;` that an attribute value keeps
 * (`&copy=`); a URL that differs by them has no other host.
 */
function attributeValue(raw: string): string {
  const value = raw.replace(/^(["'])([^]*?)\1?$/, '$2');
  if (!value.includes('&')) return value;
  decoder ||= document.createElement('textarea');
  decoder.innerHTML = value.replace(/</g, '&lt;');
  return decoder.value;
}
