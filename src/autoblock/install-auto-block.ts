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

/** A held element, the category it waits for (empty: our own code failed on its URL, held for good) and how to release it. */
type Held = [el: Element, category: string, release: () => void];

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
  const held: Held[] = [];
  /** Each held element's latest hold: a new URL given to it replaces the one held. */
  const latest = new WeakMap<Element, () => void>();
  let live = true;
  let base = '';
  let baseHost = '';

  const intercept: Intercept = (el, url, release) => {
    latest.delete(el);
    let category = '';
    try {
      const text = String(url);
      const doc = el.ownerDocument;
      // data:, blob:, about: and javascript: URLs name no host: let through without parsing.
      if (!live || /^(?!https?:)[a-z][\w+.-]*:/i.test(text)) return false;
      // Most URLs a page sets are plain and name no rule's host: skip the parser for them.
      const host = quickHost(text, () => (doc.baseURI == base ? baseHost : (baseHost = new URL((base = doc.baseURI)).hostname)));
      if (host != null && !rules.some((rule) => onHost(host, rule.host))) return false;
      category = blockedCategory(rules, new URL(text, doc.baseURI)) || '';
      if (!category || loadOnce.has(el)) return false;
      if (consent.granted(category)) return el.localName == 'script' && ran.add(category), false;
    } catch {
      category = ''; // unparseable URL or a bug of ours: keep the element held
    }
    held.push([el, category, release]);
    latest.set(el, release);
    return true;
  };

  const unpatch = holdSrc(window as Window & typeof globalThis, intercept);
  const unobserve = holdParsed(document, intercept, options.nonce);
  const off = consent.on('change', () => {
    for (const entry of held.splice(0)) {
      const [el, category, release] = entry;
      if (latest.get(el) != release) continue; // given another URL since
      if (category && consent.granted(category))
        try {
          latest.delete(el);
          release();
        } catch (error) {
          console.error('consentry: could not release', el, error);
        }
      else held.push(entry);
    }
  });
  return () => {
    live = false;
    unpatch();
    unobserve();
    off();
  };
}
