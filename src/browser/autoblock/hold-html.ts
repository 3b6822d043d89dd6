// Auto-blocking for HTML given as a string: `innerHTML` (of elements and shadow roots),
// `outerHTML`, `insertAdjacentHTML`, `Range.createContextualFragment`, and the content of a
// `<template>` adopted into the page. The parser sets `src` without any setter, so these paths
// would fetch an iframe or image at once (an image even in a detached element).

/** Where a held URL waits on an element made from a string, until `src` is given through the checked setter. */
const MARK = 'data-consentry-held-src';
/** Contexts whose string content is text, not elements (html.spec.whatwg.org/multipage/parsing.html#parsing-html-fragments). */
const RAW_TEXT = /^(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)$/;
const MAY_HAVE_URL = /<(img|iframe|script)\b/i;
const WITH_URL = 'img[src],iframe[src],script[src]';
const XHTML = 'http://www.w3.org/1999/xhtml';

/** Whether `url` (relative to `base`) may have to be held. */
export type MayHold = (url: string, base: string) => boolean;

const isHTMLContext = (node: Node | null): boolean =>
  !!node &&
  (node.nodeType == Node.DOCUMENT_FRAGMENT_NODE ||
    ((node as Element).namespaceURI == XHTML && !RAW_TEXT.test((node as Element).localName)));

/**
 * Patches the string paths so that an `img`, `iframe` or `script` whose URL may be held is made
 * without `src`, its URL kept in an attribute; the URL is then given to it through `setAttribute`,
 * which auto-blocking checks: at once for the string setters and `createContextualFragment`,
 * when the element enters the document for template content. The string is parsed twice only
 * when it contains such an element. Returns an undo, which restores only what nobody has
 * wrapped since.
 */
export function holdHTML(mayHold: MayHold): () => void {
  const elementProto = Element.prototype;
  const innerHTML = Object.getOwnPropertyDescriptor(elementProto, 'innerHTML')!;
  const templateContent = Object.getOwnPropertyDescriptor(HTMLTemplateElement.prototype, 'content')!;
  const undo: Array<() => void> = [];

  // Disarmed elements that end up outside what a wrapper re-arms (template content) get their URL
  // when they enter the document. The page's insertions are watched only once something was disarmed.
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) rearm(node);
  });
  let observing = false;

  /** Moves the URL of each element under `root` that may be held to MARK; true when there was one. */
  const disarmTree = (root: ParentNode, base: string): boolean => {
    let disarmed = false;
    for (const el of root.querySelectorAll(WITH_URL)) {
      const url = el.getAttribute('src')!;
      if (!mayHold(url, base)) continue;
      el.setAttribute(MARK, url);
      el.removeAttribute('src');
      disarmed = true;
    }
    if (disarmed && !observing) {
      observing = true;
      observer.observe(document, { childList: true, subtree: true });
    }
    return disarmed;
  };
  /** `markup` with those URLs moved, parsed in an inert template (nothing in it loads); else `markup` itself. */
  const disarm = (markup: unknown, context: Node | null): unknown => {
    // A TrustedHTML object or anything but a string goes through untouched.
    if (typeof markup != 'string' || !MAY_HAVE_URL.test(markup) || !isHTMLContext(context)) return markup;
    const template = context!.ownerDocument!.createElement('template');
    innerHTML.set!.call(template, markup);
    if (!disarmTree(templateContent.get!.call(template), context!.baseURI)) return markup;
    return innerHTML.get!.call(template);
  };
  /** Gives each disarmed element at and under `root` its URL back, through the checked `setAttribute`. */
  const rearm = (root: Node | null): void => {
    if (!root || !('querySelectorAll' in root)) return;
    const marked = [...(root as ParentNode).querySelectorAll(`[${MARK}]`)];
    if ((root as Element).hasAttribute?.(MARK)) marked.unshift(root as Element);
    for (const el of marked) {
      const url = el.getAttribute(MARK)!;
      el.removeAttribute(MARK);
      el.setAttribute('src', url);
    }
  };

  /** Wraps a string setter; `contextOf` says which node the string is parsed for (and where its elements end up). */
  const wrapSetter = (proto: object, name: string, contextOf: (target: Element) => Node | null): void => {
    const original = Object.getOwnPropertyDescriptor(proto, name)!;
    const set = function (this: Element, markup: unknown): void {
      const context = contextOf(this);
      const disarmed = disarm(markup, context);
      original.set!.call(this, disarmed);
      if (disarmed !== markup) rearm(context);
    };
    Object.defineProperty(proto, name, { ...original, set });
    undo.push(() => {
      if (Object.getOwnPropertyDescriptor(proto, name)!.set == set) Object.defineProperty(proto, name, original);
    });
  };
  /** Wraps a method taking a string at `markupAt`; its elements are in what it returns, else in the context. */
  const wrapMethod = <Target>(
    proto: Target,
    name: keyof Target,
    markupAt: number,
    contextOf: (target: Target, args: unknown[]) => Node | null,
  ): void => {
    const original = proto[name] as (...args: unknown[]) => unknown;
    const patched = function (this: Target, ...args: unknown[]): unknown {
      const context = contextOf(this, args);
      const markup = args[markupAt];
      args[markupAt] = disarm(markup, context);
      const result = original.apply(this, args);
      if (args[markupAt] !== markup) rearm((result as Node | undefined) || context);
      return result;
    };
    proto[name] = patched as Target[keyof Target];
    undo.push(() => {
      if (proto[name] == patched) proto[name] = original as Target[keyof Target];
    });
  };

  const itself = (target: Node): Node => target;
  wrapSetter(elementProto, 'innerHTML', itself);
  wrapSetter(ShadowRoot.prototype, 'innerHTML', itself);
  wrapSetter(elementProto, 'outerHTML', (target) => target.parentNode);
  wrapMethod(elementProto, 'insertAdjacentHTML', 1, (target, [position]) =>
    /^(beforebegin|afterend)$/i.test(String(position)) ? target.parentNode : target,
  );
  // The range's element, its text's parent, else (a new range starts at the document) the body.
  wrapMethod(Range.prototype, 'createContextualFragment', 0, ({ startContainer: start }) =>
    start.nodeType == Node.ELEMENT_NODE ? start : start.parentElement || (start as Document).body || null,
  );

  // Template content enters the page through any insertion method: disarmed whenever script reaches it.
  const getContent = function (this: HTMLTemplateElement): DocumentFragment {
    const content = templateContent.get!.call(this);
    disarmTree(content, this.baseURI);
    return content;
  };
  const templateProto = HTMLTemplateElement.prototype;
  Object.defineProperty(templateProto, 'content', { ...templateContent, get: getContent });
  undo.push(() => {
    if (Object.getOwnPropertyDescriptor(templateProto, 'content')!.get == getContent)
      Object.defineProperty(templateProto, 'content', templateContent);
  });
  undo.push(() => observer.disconnect());

  return () => {
    for (const step of undo) step();
  };
}
