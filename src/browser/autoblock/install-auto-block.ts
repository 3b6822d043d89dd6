import { CONSENT } from '../held-markup';
import { createPageState, type PageState } from '../page-state';
import { internalsOf } from '../../core/internals';
import type { Consent } from '../../core/types';
import { UNDECIDED, blockRules, blockedCategory, copiesPresetScript, onHost, type Rule } from './block-rules';
import { holdAttributes, type Intercept } from './hold-attributes';
import { holdFrames } from './hold-frames';
import { holdHTML } from './hold-html';
import { holdNetwork } from './hold-network';
import { holdParsed } from './hold-parsed';
import { holdPartytown } from './hold-partytown';
import { quickHost } from './quick-host';
import { rewriteMarkup } from './rewrite-markup';
import { urlsIn } from './url-attributes';

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
  value: unknown;
  /** The category it waits for; UNDECIDED: until a valid config decides, or for good. */
  category: string;
  release: () => void;
}

/** data:, blob:, about: and javascript: URLs name no host. */
const NO_HOST = /^(?!https?:|wss?:)[a-z][\w+.-]*:/i;
/** Elements whose URL, once let through, runs something that cannot be unloaded (withdrawal reloads). */
const RUNS = /^(script|iframe|frame|object|embed)$/;

/**
 * Holds what the page gives a URL matching a rule until its category is granted: scripts,
 * frames, images, media, link hints and the rest of `URL_ATTRIBUTES`, however they get it
 * (properties, attributes, HTML strings, `document.write`, parsed documents, friendly frames),
 * then releases them in the order they were held; and fails the page's own requests to such
 * URLs (`fetch`, XHR, beacons, WebSocket, EventSource) as an unreachable host would, while the
 * category is not granted. Installed by the script-tag build before any other script runs, and
 * before its config is read: until `follow` gets a valid instance, everything the given rules
 * name is held (an invalid config never gets there: fail closed). A script that copies one a
 * preset already loaded (same host, path and the preset's query) never runs; it gets `load`
 * (or `error`) when the preset's copy has loaded (or failed), so code waiting for it goes on.
 * What is covered, by path, is listed in docs/guide/gating.md ("What it guarantees").
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
  /** Held attributes by element, elements in the order they were first held. */
  const held = new Map<Element, Map<string, Held>>();
  /** Dropped copies of preset scripts that were given their `load` or `error` already. */
  const finished = new WeakSet<Element>();
  /** Hosts whose held requests the console was told about. */
  const announced = new Set<string>();
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

  /** The URL parsed, when a rule may match it (else undefined). Throws on a URL it cannot parse. */
  const matching = (text: string, base: string): URL | undefined => {
    if (!installed || NO_HOST.test(text.trim())) return;
    // Most URLs a page sets are plain and name no rule's host: skip the parser for them.
    const host = quickHost(text, readBaseHost(base));
    if (host != null && !rules.some((rule) => onHost(host, rule.host))) return;
    const parsed = new URL(text, base);
    return blockedCategory(rules, parsed) === undefined ? undefined : parsed;
  };
  /** The rule category of a URL, ignoring consent; an unparseable URL is held (fail closed). */
  const ruleCategory = (text: string, base: string): string | undefined => {
    try {
      const parsed = matching(text, base);
      return parsed && blockedCategory(rules, parsed);
    } catch {
      return UNDECIDED;
    }
  };
  /** Whether markup in a `srcdoc` names a URL that may be held, and which. */
  const heldInMarkup = (markup: string, base: string): string | undefined => {
    let category: string | undefined;
    rewriteMarkup(
      markup,
      (attribute, value) => {
        category ??= valueCategory(attribute, value, base);
        return false;
      },
      false,
    );
    return category;
  };
  /** The rule category of the first URL in an attribute's value that a rule names. */
  const valueCategory = (attribute: string, value: string, base: string): string | undefined => {
    if (attribute == 'srcdoc') return heldInMarkup(value, base);
    for (const url of urlsIn(attribute, value)) {
      const category = ruleCategory(url, base);
      if (category !== undefined) return category;
    }
  };

  /** A dropped copy of a preset's script finishes as the preset's copy does: `load` or `error`, once. */
  const finishCopy = (el: Element, url: URL): void => {
    const original = pageState.presetScripts.find((script) => copiesPresetScript([script.url], url));
    if (!original || finished.has(el)) return;
    finished.add(el);
    original.loaded.then(
      () => el.dispatchEvent(new Event('load')),
      () => el.dispatchEvent(new Event('error')),
    );
  };

  /** The category `value` of `attribute` must wait for on `el`, or undefined to let it through. */
  const waitsFor = (el: Element, attribute: string, value: unknown): string | undefined => {
    const category = valueCategory(attribute, String(value), el.baseURI);
    if (category === undefined || pageState.loadedOnce.has(el)) return;
    if (!consent) return UNDECIDED;
    const isScript = el.localName == 'script';
    // A preset already loads this vendor tag: the page's own copy never runs.
    if (isScript && !pageState.runtimeScripts.has(el)) {
      const url = new URL(String(value), el.baseURI);
      if (
        copiesPresetScript(
          pageState.presetScripts.map((script) => script.url),
          url,
        )
      ) {
        finishCopy(el, url);
        return UNDECIDED;
      }
    }
    if (category === UNDECIDED || !consent.granted(category)) return category;
    // What it lets through counts as run (withdrawal reloads), but for pixels, media and hints,
    // which leave nothing running, and marked-up elements, which gating counts or unloads itself.
    if (RUNS.test(el.localName) && !el.hasAttribute(CONSENT)) pageState.ranCategories.add(category);
  };

  const intercept: Intercept = (el, attribute, value, release) => {
    held.get(el)?.delete(attribute); // a new URL replaces the one held
    let category: string | undefined;
    try {
      category = waitsFor(el, attribute, value);
    } catch {
      category = UNDECIDED; // an unparseable URL or a bug of ours: keep it held
    }
    if (category === undefined) return false;
    if (!held.has(el)) held.set(el, new Map());
    held.get(el)!.set(attribute, { value, category, release });
    return true;
  };

  const release = (el: Element, attribute: string, entry: Held): void => {
    held.get(el)?.delete(attribute);
    try {
      entry.release();
      // A media element picks its <source> only when one is inserted, not when a `src` changes
      // (html.spec.whatwg.org/multipage/media.html#concept-media-load-algorithm): ask it again.
      const media = el.parentElement;
      if (el.localName == 'source' && media && /^(video|audio)$/.test(media.localName) && !media.hasAttribute('src'))
        (media as HTMLMediaElement).load();
    } catch (error) {
      console.error('consentry: could not release', el, error);
    }
  };
  /** Each held attribute, in the order of its element's first hold. */
  const entries = (): Array<[Element, string, Held]> =>
    [...held].flatMap(([el, attributes]) =>
      [...attributes].map(([name, entry]) => [el, name, entry] as [Element, string, Held]),
    );
  const releaseGranted = (): void => {
    for (const [el, attribute, entry] of entries())
      if (entry.category && consent?.granted(entry.category)) release(el, attribute, entry);
  };

  /** Whether a request leaves: held while its category is not granted; the console hears of each host once. */
  const heldRequest = (url: string, base: string, api: string): boolean => {
    const category = ruleCategory(url, base);
    if (category === undefined || (category !== UNDECIDED && consent?.granted(category))) return false;
    let host = url;
    try {
      host = new URL(url, base).host;
    } catch {
      // Named as given.
    }
    if (!announced.has(host)) {
      announced.add(host);
      console.warn(
        `consentry: auto-blocking held a ${api} request to ${host}: it waits for ${category ? `"${category}"` : 'a valid config'} (later ones to this host are held silently)`,
      );
    }
    return true;
  };

  const undo: Array<() => void> = [];
  const holds = {
    mayHold: (attribute: string, value: string, base: string) => valueCategory(attribute, value, base) !== undefined,
    intercept,
    nonce: () => nonce,
  };
  /** Patches a window: the page's, then each friendly frame's as it appears. */
  const patchRealm = (win: Window): void => {
    undo.push(
      holdAttributes(win, intercept),
      holdHTML(win, holds),
      holdNetwork(win, heldRequest),
      holdFrames(win, patchRealm),
    );
  };
  patchRealm(window);
  undo.push(holdParsed(intercept, () => nonce));
  /** A Partytown script waits for the category of its `src`, or of the first rule host its code names. */
  const holdWorkerScript = (script: HTMLScriptElement, release: () => void): boolean => {
    const code = script.text.toLowerCase();
    const named = rules.find((rule) => code.includes(rule.host));
    const src = script.getAttribute('src') ?? (named ? `https://${named.host}${named.path}` : '');
    return !!src && intercept(script, 'src', src, release);
  };
  undo.push(holdPartytown(holdWorkerScript));
  const uninstall = (): void => {
    installed = false;
    for (const step of undo.splice(0)) step();
  };

  return {
    follow(next) {
      consent = next;
      rules = blockRules(next);
      nonce = internalsOf(next).nonce || nonce;
      // Each attribute held so far is decided again by this config's rules, in order.
      for (const [el, attribute, entry] of entries()) {
        held.get(el)!.delete(attribute);
        if (!intercept(el, attribute, entry.value, entry.release)) release(el, attribute, entry);
      }
      return next.on('change', releaseGranted);
    },
    releaseAll() {
      uninstall();
      for (const [el, attribute, entry] of entries()) release(el, attribute, entry);
    },
    uninstall,
  };
}
