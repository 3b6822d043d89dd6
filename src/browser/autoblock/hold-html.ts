// Auto-blocking for HTML given as a string or parsed into a document of its own: `innerHTML`
// (of elements and shadow roots), `outerHTML`, `insertAdjacentHTML`, `setHTMLUnsafe`,
// `Range.createContextualFragment`, `document.write`, and the trees of `<template>` content,
// `DOMParser` and `Document.parseHTMLUnsafe` adopted into the page. The parser sets URLs without
// any setter, so these paths would fetch an iframe or image at once (an image even in a
// detached element), and adopting a parsed tree fetches what it names.
import { cloneScript } from '../clone-script';
import type { Intercept } from './hold-attributes';
import { rewriteMarkup, type HeldValue } from './rewrite-markup';
import { BLOCKED, MARK, URL_ATTRIBUTES, watchedAttribute } from './url-attributes';

export interface MarkupHolds {
  /** Whether a value of a URL attribute (relative to `base`) may have to wait. */
  mayHold(attribute: string, value: string, base: string): boolean;
  /** Decides about a URL given back to an element (held, or let through at once). */
  intercept: Intercept;
  /** Put on the runnable copy of a released script. */
  nonce(): string | undefined;
}

/** Contexts whose string content is text, not elements (html.spec.whatwg.org/multipage/parsing.html#parsing-html-fragments). */
const RAW_TEXT = /^(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)$/;
const XHTML = 'http://www.w3.org/1999/xhtml';
/** A blocked script's own type, moved off (`MARK` + `type`, written out so that builds without auto-blocking drop it). */
const TYPE = 'data-consentry-held-type';
// Computed in pure calls: a build without auto-blocking that reaches this module drops them.
const ELEMENTS = /* @__PURE__ */ (() => [...URL_ATTRIBUTES.keys()].join())();
/** Elements with a URL moved off: `[data-consentry-held-src],[data-consentry-held-srcset],...` */
const MARKED = /* @__PURE__ */ (() =>
  [...new Set([...URL_ATTRIBUTES.values()].flat())]
    .filter((name) => !name.includes(':'))
    .map((name) => `[${MARK}${name}]`)
    .join())();

/** Elements matching `selector` at and under `root`, shadow trees included. */
function elementsIn(root: Node, selector: string): Element[] {
  if (!('querySelectorAll' in root)) return [];
  const found = [...(root as ParentNode).querySelectorAll(selector)];
  if ((root as Element).matches?.(selector)) found.unshift(root as Element);
  for (const host of (root as ParentNode).querySelectorAll('*'))
    if (host.shadowRoot) found.push(...elementsIn(host.shadowRoot, selector));
  return found;
}

/**
 * Patches the string and tree paths of the window `win`. A string whose elements may name a held
 * URL reaches the browser's parser once, as given but for the names of those attributes
 * (`rewriteMarkup`); a tree parsed elsewhere has them moved off before the page can adopt it.
 * Each moved URL is then given back through `intercept`, which holds it or lets it through: at
 * once for the string setters, `setHTMLUnsafe` and `createContextualFragment`, when the element
 * enters the document for `document.write`, template content and parsed documents. Returns an
 * undo, which restores only what nobody has wrapped since.
 */
export function holdHTML(win: Window, holds: MarkupHolds): () => void {
  const realm = win as Window & typeof globalThis;
  const doc = realm.document;
  const undo: Array<() => void> = [];

  /** Gives each moved URL at and under `root` back through `intercept`. */
  const rearm = (root: Node | null | undefined): void => {
    if (!root) return;
    for (const el of elementsIn(root, MARKED))
      for (const { name, value } of [...el.attributes]) {
        if (!name.startsWith(MARK) || name == TYPE) continue;
        el.removeAttribute(name);
        const attribute = name.slice(MARK.length);
        if (el.hasAttribute(BLOCKED)) {
          // A script that would have run: a fresh copy runs in its place once allowed.
          const release = (): void => {
            const script = cloneScript(el as HTMLScriptElement, el.getAttribute(TYPE), holds.nonce());
            script.removeAttribute(BLOCKED);
            script.removeAttribute(TYPE);
            script.src = value;
            el.replaceWith(script);
          };
          if (!holds.intercept(el, attribute, value, release)) release();
        } else el.setAttribute(attribute, value);
      }
  };
  // Moved URLs of elements that enter the document later (template content, parsed documents,
  // `document.write`) are given back when they do; the page's insertions are watched only
  // once something was moved.
  const observer = new realm.MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) rearm(node);
  });
  let observing = false;
  const watch = (): void => {
    if (observing) return;
    observing = true;
    observer.observe(doc, { childList: true, subtree: true });
  };
  undo.push(() => observer.disconnect());

  /** Moves the held URLs of the elements under `root` (a parsed tree nothing has fetched from yet). */
  const disarmTree = (root: Node): void => {
    for (const el of elementsIn(root, ELEMENTS))
      for (const attr of [...el.attributes]) {
        const attribute = watchedAttribute(el, attr.name);
        if (!attribute || !holds.mayHold(attribute, attr.value, el.baseURI)) continue;
        el.setAttribute(MARK + attribute, attr.value);
        el.removeAttributeNode(attr);
        watch();
      }
  };
  /** `markup` as the parser must get it for `context` (which gives the base URL). */
  const rewrite = (markup: unknown, context: Node | null, runnable: boolean): unknown => {
    // A TrustedHTML object or anything but a string goes through untouched.
    if (typeof markup != 'string' || !context) return markup;
    const el = context as Element;
    if (el.namespaceURI == XHTML && RAW_TEXT.test(el.localName)) return markup;
    const base = context.baseURI;
    const held: HeldValue = (attribute, value) => holds.mayHold(attribute, value, base);
    return rewriteMarkup(markup, held, runnable);
  };

  /** Wraps a string setter; `contextOf` says which node the string is parsed for (and where its elements end up). */
  const wrapSetter = (proto: object, name: string, contextOf: (target: Element) => Node | null): void => {
    const original = Object.getOwnPropertyDescriptor(proto, name);
    if (!original) return;
    const set = function (this: Element, markup: unknown): void {
      const context = contextOf(this);
      const rewritten = rewrite(markup, context, false);
      original.set!.call(this, rewritten);
      if (rewritten === markup) return;
      // A template's elements are in its content: given their URLs when they enter the document.
      rearm(context);
      watch();
    };
    Object.defineProperty(proto, name, { ...original, set });
    undo.push(() => {
      if (Object.getOwnPropertyDescriptor(proto, name)!.set == set) Object.defineProperty(proto, name, original);
    });
  };
  /** Wraps a method taking a string at `markupAt`; its elements are in what it returns, else in the context. */
  const wrapMethod = <Target extends object>(
    proto: Target | undefined,
    name: keyof Target,
    markupAt: number,
    contextOf: (target: Target, args: unknown[]) => Node | null,
    runnable = false,
  ): void => {
    const original = proto?.[name] as ((...args: unknown[]) => unknown) | undefined;
    if (!original) return;
    const patched = function (this: Target, ...args: unknown[]): unknown {
      const context = contextOf(this, args);
      const markup = args[markupAt];
      args[markupAt] = rewrite(markup, context, runnable);
      const result = original.apply(this, args);
      if (args[markupAt] !== markup) {
        if (result) rearm(result as Node);
        else if (runnable) watch();
        else rearm(context);
      }
      return result;
    };
    proto![name] = patched as Target[keyof Target];
    undo.push(() => {
      if (proto![name] == patched) proto![name] = original as Target[keyof Target];
    });
  };

  const itself = (target: Node): Node => target;
  const elementProto = realm.Element.prototype;
  const shadowProto = realm.ShadowRoot.prototype;
  wrapSetter(elementProto, 'innerHTML', itself);
  wrapSetter(shadowProto, 'innerHTML', itself);
  wrapSetter(elementProto, 'outerHTML', (target) => target.parentNode);
  wrapMethod(elementProto, 'setHTMLUnsafe' as keyof Element, 0, itself);
  wrapMethod(shadowProto, 'setHTMLUnsafe' as keyof ShadowRoot, 0, itself);
  wrapMethod(elementProto, 'insertAdjacentHTML', 1, (target, [position]) =>
    /^(beforebegin|afterend)$/i.test(String(position)) ? target.parentNode : target,
  );
  // The range's element, its text's parent, else (a new range starts at the document) the body.
  // Its scripts run once inserted: `runnable`.
  wrapMethod(
    realm.Range.prototype,
    'createContextualFragment',
    0,
    ({ startContainer: start }) =>
      start.nodeType == Node.ELEMENT_NODE ? start : start.parentElement || (start as Document).body || null,
    true,
  );
  // `document.write` feeds the parser of the page (or of a frame written into): what it writes
  // is parsed as the page is, and its scripts run. Each call's markup is rewritten as a whole
  // (a tag split across two calls is not recognised).
  const docProto = realm.Document.prototype;
  for (const name of ['write', 'writeln'] as const) {
    const original = docProto[name];
    const write = function (this: Document, ...markup: unknown[]): void {
      const rewritten = markup.map((part) => rewrite(part, this, true));
      // Watched first: the parser inserts what it can before the call returns.
      if (rewritten.some((part, i) => part !== markup[i])) watch();
      original.apply(this, rewritten as string[]);
    };
    docProto[name] = write;
    undo.push(() => {
      if (docProto[name] == write) docProto[name] = original;
    });
  }

  // Template content enters the page through any insertion method: disarmed whenever script reaches it.
  const templateProto = realm.HTMLTemplateElement.prototype;
  const templateContent = Object.getOwnPropertyDescriptor(templateProto, 'content')!;
  const getContent = function (this: HTMLTemplateElement): DocumentFragment {
    const content = templateContent.get!.call(this);
    disarmTree(content);
    return content;
  };
  Object.defineProperty(templateProto, 'content', { ...templateContent, get: getContent });
  undo.push(() => {
    if (Object.getOwnPropertyDescriptor(templateProto, 'content')!.get == getContent)
      Object.defineProperty(templateProto, 'content', templateContent);
  });
  // Documents parsed from strings load nothing themselves; what the page adopts from them would.
  const disarmResult = <Target extends object>(owner: Target | undefined, name: keyof Target): void => {
    const original = owner?.[name] as ((...args: unknown[]) => Node) | undefined;
    if (!original) return;
    const parse = function (this: unknown, ...args: unknown[]): Node {
      const parsed = original.apply(this, args);
      disarmTree(parsed);
      return parsed;
    };
    owner![name] = parse as Target[keyof Target];
    undo.push(() => {
      if (owner![name] == parse) owner![name] = original as Target[keyof Target];
    });
  };
  disarmResult(realm.DOMParser?.prototype, 'parseFromString');
  disarmResult(realm.Document as unknown as Record<string, unknown>, 'parseHTMLUnsafe');

  return () => {
    for (const step of undo) step();
  };
}
