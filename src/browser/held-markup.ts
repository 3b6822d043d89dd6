/** The attribute naming the category an element waits for (the README's "Gating"). */
export const CONSENT = 'data-consent';

/** Markup that waits for its category: plain-text scripts, iframes and images whose URL is in `data-src`. */
// A plain literal, not a template: bundlers can then drop it from bundles that never gate markup.
export const HELD =
  'script[type="text/plain"][data-consent],iframe[data-consent][data-src]:not([src]),img[data-consent][data-src]:not([src])';

/**
 * Partytown scripts (`type="text/partytown"`) held by markup. They become plain held scripts
 * (`type="text/plain"`, `data-type="text/partytown"`) when found, before Partytown reads them
 * (at DOMContentLoaded, or from its own observer, created after this one); the activated copy
 * has a `data-type`, so it stays Partytown's.
 */
const PARTYTOWN = 'script[type="text/partytown"][data-consent]:not([data-type])';

/** Held elements at and below `node` (an element, a document or a fragment), in document order. */
export function findHeld(node: Node): Element[] {
  const el = node as Element;
  const partytown: Element[] = el.matches?.(PARTYTOWN) ? [el] : [];
  if (el.firstElementChild) partytown.push(...el.querySelectorAll(PARTYTOWN));
  for (const script of partytown) {
    script.setAttribute('data-type', 'text/partytown');
    script.setAttribute('type', 'text/plain');
  }
  const held: Element[] = el.matches?.(HELD) ? [el] : [];
  // Leaf elements are most of what a page adds: skip the query for them.
  if (el.firstElementChild) held.push(...el.querySelectorAll(HELD));
  return held;
}
