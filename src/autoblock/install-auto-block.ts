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

interface Held {
  el: Element;
  /** Empty when our own code failed on this URL: held for good (fail closed). */
  category: string;
  release(): void;
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
  const held: Held[] = [];
  const current = new WeakMap<Element, Held>();
  let live = true;
  let base = '';
  let baseHost = '';

  const intercept: Intercept = (el, url, release) => {
    if (held.length) current.delete(el); // a new URL replaces the one held
    let category = '';
    try {
      const text = String(url);
      // data:, blob:, about: and javascript: URLs name no host: let through without parsing.
      const scheme = /^([a-z][\w+.-]*):/i.exec(text);
      if (!live || (scheme && !/^https?$/i.test(scheme[1]!))) return false;
      const doc = el.ownerDocument;
      // Most URLs a page sets are plain and name no rule's host: skip the parser for them.
      const host = quickHost(text, () => (doc.baseURI == base ? baseHost : (baseHost = new URL((base = doc.baseURI)).hostname)));
      if (host != null && !rules.some((rule) => onHost(host, rule.host))) return false;
      category = blockedCategory(rules, new URL(text, doc.baseURI)) || '';
      if (!category || loadOnce.has(el)) return false;
      if (consent.granted(category)) return el.localName == 'script' && ran.add(category), false;
    } catch (error) {
      category = ''; // unparseable URL or a bug of ours: keep the element held
    }
    const entry = { el, category, release };
    held.push(entry);
    current.set(el, entry);
    return true;
  };

  const unpatch = holdSrc(window as Window & typeof globalThis, intercept);
  const unobserve = holdParsed(document, intercept, options.nonce);
  const off = consent.on('change', () => {
    for (const entry of held.splice(0))
      if (current.get(entry.el) != entry) continue;
      else if (!entry.category || !consent.granted(entry.category)) held.push(entry);
      else
        try {
          current.delete(entry.el);
          entry.release();
        } catch (error) {
          console.error('consentry: could not release', entry.el, error);
        }
  });
  return () => {
    live = false;
    unpatch();
    unobserve();
    off();
  };
}
