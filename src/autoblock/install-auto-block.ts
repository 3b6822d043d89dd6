import { CONSENT } from '../gating/held-markup';
import { loadOnce, ran } from '../gating/page-state';
import type { Consent } from '../types';
import { blockRules, blockedCategory, onHost } from './block-rules';
import { holdParsed } from './hold-parsed';
import { holdSrc, type Intercept } from './hold-src';
import { quickHost } from './quick-host';

export interface AutoBlockOptions {
  /** Put on released copies of parser-inserted scripts; default: their own nonce. */
  nonce?: string;
}

/**
 * Holds scripts, iframes and images whose URL matches a preset's hosts or the `blockList`
 * until their category is granted, then releases them in the order they were held. Installed
 * by the script-tag build before any other script runs. Returns an uninstall function.
 * Not covered (REFERENCE.md §9.3): fetch/XHR/sendBeacon, `document.write`, `srcset`, and URLs
 * given through `setAttributeNS` or cloning; the docs steer such cases to markup.
 * ```ts
 * const uninstall = installAutoBlock(consent) // then gate(consent)
 * ```
 */
export function installAutoBlock(consent: Consent, options: AutoBlockOptions = {}): () => void {
  const rules = blockRules(consent);
  /**
   * Held elements in the order they were held, with the category each waits for (empty: our
   * own code failed on its URL, held for good) and how to release it.
   */
  const held = new Map<Element, [category: string, release: () => void]>();
  let live = true;
  let lastBase = '';
  let baseHost = '';

  const intercept: Intercept = (el, url, release) => {
    held.delete(el); // a new URL replaces the one held
    let category: string;
    try {
      const text = String(url);
      const base = el.baseURI;
      // data:, blob:, about: and javascript: URLs name no host: let through without parsing.
      if (!live || /^(?!https?:)[a-z][\w+.-]*:/i.test(text)) return false;
      // Most URLs a page sets are plain and name no rule's host: skip the parser for them.
      const host = quickHost(text, () =>
        base == lastBase ? baseHost : (baseHost = new URL((lastBase = base)).hostname),
      );
      if (host != null && !rules.some((rule) => onHost(host, rule.host))) return false;
      category = blockedCategory(rules, new URL(text, base)) || '';
      if (!category || loadOnce.has(el)) return false;
      // What it lets through counts as run (withdrawal reloads), but for pixels, which leave
      // nothing running, and marked-up elements, which gate() counts or unloads itself.
      if (consent.granted(category))
        return (el.localName != 'img' && !el.hasAttribute(CONSENT) && ran.add(category), false);
    } catch {
      category = ''; // unparseable URL or a bug of ours: keep the element held
    }
    held.set(el, [category, release]);
    return true;
  };

  const unpatch = holdSrc(intercept);
  const unobserve = holdParsed(intercept, options.nonce);
  const off = consent.on('change', () => {
    for (const [el, [category, release]] of held)
      if (category && consent.granted(category))
        try {
          held.delete(el);
          release();
        } catch (error) {
          console.error('consentry: could not release', el, error);
        }
  });
  return () => {
    live = false;
    unpatch();
    unobserve();
    off();
  };
}
