import { CONSENT } from '../held-markup';
import { createPageState, type PageState } from '../page-state';
import { internalsOf } from '../../core/internals';
import type { Consent } from '../../core/types';
import { UNDECIDED, blockRules, blockedCategory, copiesPresetScript, onHost, type Rule } from './block-rules';
import { holdHTML } from './hold-html';
import { holdParsed } from './hold-parsed';
import { holdSrc, type Intercept } from './hold-src';
import { quickHost } from './quick-host';

export interface AutoBlockOptions {
  /**
   * What to hold until a valid config decides (`follow`): the script tag passes every built-in
   * preset's hosts and the readable entries of the config's `blockList`.
   */
  rules?: Rule[];
  /** Put on released copies of parser-inserted scripts; default: their own nonce. */
  nonce?: string;
  /** What this page has run; shared with the runtime, which loads the presets' scripts. */
  pageState?: PageState;
}

export interface AutoBlock {
  /**
   * Decides by a valid instance from now on: its presets' hosts and `blockList` under their
   * categories. What it does not name is let go at once; the rest waits for its category.
   * Returns a function that stops following its changes.
   */
  follow(consent: Consent): () => void;
  /** Lets everything held go, in the order it was held, and uninstalls (the config turned auto-blocking off). */
  releaseAll(): void;
  /** Stops holding new URLs; what is held stays held. */
  uninstall(): void;
}

interface Held {
  url: unknown;
  /** The category it waits for; UNDECIDED: until a valid config decides, or for good. */
  category: string;
  release: () => void;
}

/** data:, blob:, about: and javascript: URLs name no host. */
const NO_HOST = /^(?!https?:)[a-z][\w+.-]*:/i;

/**
 * Holds scripts, iframes and images whose URL matches a rule until their category is granted,
 * then releases them in the order they were held. Installed by the script-tag build before any
 * other script runs, and before its config is read: until `follow` gets a valid instance,
 * everything the given rules name is held (an invalid config never gets there: fail closed).
 * A script that copies one a preset already loaded (same host, path and the preset's query) is
 * never run. What is covered, by insertion path, is listed in the README ("Auto-blocking").
 * ```ts
 * const autoBlock = installAutoBlock({ rules }) // first; later startRuntime(consent, { autoBlock })
 * ```
 */
export function installAutoBlock(options: AutoBlockOptions = {}): AutoBlock {
  const pageState = options.pageState || createPageState();
  let rules = options.rules || [];
  let consent: Consent | undefined;
  let nonce = options.nonce;
  let installed = true;
  /** Held elements in the order they were held. */
  const held = new Map<Element, Held>();
  // The base URL's host, parsed again only when the base changes.
  let lastBase = '';
  let lastBaseHost = '';
  /** Reads the host of `base` when asked (only relative URLs need it). */
  const readBaseHost = (base: string) => (): string => {
    if (base != lastBase) {
      lastBaseHost = new URL(base).hostname;
      lastBase = base;
    }
    return lastBaseHost;
  };

  /** The category `url` must wait for on `el`, or undefined to let it through. Throws on a URL it cannot parse. */
  const waitsFor = (el: Element, url: unknown): string | undefined => {
    const text = String(url);
    if (!installed || NO_HOST.test(text)) return;
    // Most URLs a page sets are plain and name no rule's host: skip the parser for them.
    const host = quickHost(text, readBaseHost(el.baseURI));
    if (host != null && !rules.some((rule) => onHost(host, rule.host))) return;
    const parsed = new URL(text, el.baseURI);
    const category = blockedCategory(rules, parsed);
    if (category === undefined || pageState.loadedOnce.has(el)) return;
    if (!consent) return UNDECIDED;
    const isScript = el.localName == 'script';
    // A preset already loads this vendor tag: the page's own copy never runs.
    if (isScript && !pageState.runtimeScripts.has(el) && copiesPresetScript(pageState.presetScripts, parsed))
      return UNDECIDED;
    if (!consent.granted(category)) return category;
    // What it lets through counts as run (withdrawal reloads), but for pixels, which leave
    // nothing running, and marked-up elements, which gating counts or unloads itself.
    if (el.localName != 'img' && !el.hasAttribute(CONSENT)) pageState.ranCategories.add(category);
  };

  const intercept: Intercept = (el, url, release) => {
    held.delete(el); // a new URL replaces the one held
    let category: string | undefined;
    try {
      category = waitsFor(el, url);
    } catch {
      category = UNDECIDED; // an unparseable URL or a bug of ours: keep the element held
    }
    if (category === undefined) return false;
    held.set(el, { url, category, release });
    return true;
  };

  const release = (el: Element, entry: Held): void => {
    held.delete(el);
    try {
      entry.release();
    } catch (error) {
      console.error('consentry: could not release', el, error);
    }
  };
  const releaseGranted = (): void => {
    for (const [el, entry] of [...held]) if (entry.category && consent?.granted(entry.category)) release(el, entry);
  };

  const mayHold = (url: string, base: string): boolean => {
    try {
      return installed && blockedCategory(rules, new URL(url, base)) !== undefined;
    } catch {
      return true;
    }
  };
  const unpatchSrc = holdSrc(intercept);
  const unpatchHTML = holdHTML(mayHold);
  const unobserve = holdParsed(intercept, () => nonce);
  const uninstall = (): void => {
    installed = false;
    unpatchHTML();
    unpatchSrc();
    unobserve();
  };

  return {
    follow(next) {
      consent = next;
      rules = blockRules(next);
      nonce = internalsOf(next).nonce || nonce;
      // Each element held so far is decided again by this config's rules, in order.
      for (const [el, entry] of [...held]) {
        held.delete(el);
        if (!intercept(el, entry.url, entry.release)) release(el, entry);
      }
      return next.on('change', releaseGranted);
    },
    releaseAll() {
      uninstall();
      for (const [el, entry] of [...held]) release(el, entry);
    },
    uninstall,
  };
}
