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
  const outerHTML = Object.getOwnPropertyDescriptor(elementProto, 'outerHTML')!;
  const shadowInnerHTML = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'innerHTML')!;
  const templateContent = Object.getOwnPropertyDescriptor(HTMLTemplateElement.prototype, 'content')!;
  const insertAdjacentHTML = elementProto.insertAdjacentHTML;
  const createContextualFragment = Range.prototype.createContextualFragment;

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
  /** Gives each disarmed element under `root` its URL back, through the checked `setAttribute`. */
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

  const setInnerHTML = function (this: Element | ShadowRoot, markup: unknown): void {
    const original = this instanceof ShadowRoot ? shadowInnerHTML : innerHTML;
    const disarmed = disarm(markup, this);
    original.set!.call(this, disarmed);
    if (disarmed !== markup) rearm(this);
  };
  const setOuterHTML = function (this: Element, markup: unknown): void {
    const parent = this.parentNode;
    const disarmed = disarm(markup, parent);
    outerHTML.set!.call(this, disarmed);
    if (disarmed !== markup) rearm(parent);
  };
  const patchedInsertAdjacentHTML = function (this: Element, position: InsertPosition, markup: string): void {
    const outside = /^(beforebegin|afterend)$/i.test(position);
    const context = outside ? this.parentNode : this;
    const disarmed = disarm(markup, context);
    insertAdjacentHTML.call(this, position, disarmed as string);
    if (disarmed !== markup) rearm(context);
  };
  const patchedCreateContextualFragment = function (this: Range, markup: string): DocumentFragment {
    const start = this.startContainer;
    const context = start.nodeType == Node.ELEMENT_NODE ? start : start.parentNode;
    const fragment = createContextualFragment.call(this, disarm(markup, context) as string);
    rearm(fragment);
    return fragment;
  };
  const getContent = function (this: HTMLTemplateElement): DocumentFragment {
    const content = templateContent.get!.call(this);
    disarmTree(content, this.baseURI);
    return content;
  };

  Object.defineProperty(elementProto, 'innerHTML', { ...innerHTML, set: setInnerHTML });
  Object.defineProperty(ShadowRoot.prototype, 'innerHTML', { ...shadowInnerHTML, set: setInnerHTML });
  Object.defineProperty(elementProto, 'outerHTML', { ...outerHTML, set: setOuterHTML });
  Object.defineProperty(HTMLTemplateElement.prototype, 'content', { ...templateContent, get: getContent });
  elementProto.insertAdjacentHTML = patchedInsertAdjacentHTML;
  Range.prototype.createContextualFragment = patchedCreateContextualFragment;
  // Template content enters the page through any insertion method: its elements get their URL there.
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) rearm(node);
  });
  observer.observe(document, { childList: true, subtree: true });

  const restoreAccessor = (proto: object, name: string, original: PropertyDescriptor, patched: unknown) => {
    const current = Object.getOwnPropertyDescriptor(proto, name)!;
    if (current.set == patched || current.get == patched) Object.defineProperty(proto, name, original);
  };
  return () => {
    observer.disconnect();
    restoreAccessor(elementProto, 'innerHTML', innerHTML, setInnerHTML);
    restoreAccessor(ShadowRoot.prototype, 'innerHTML', shadowInnerHTML, setInnerHTML);
    restoreAccessor(elementProto, 'outerHTML', outerHTML, setOuterHTML);
    restoreAccessor(HTMLTemplateElement.prototype, 'content', templateContent, getContent);
    if (elementProto.insertAdjacentHTML == patchedInsertAdjacentHTML)
      elementProto.insertAdjacentHTML = insertAdjacentHTML;
    if (Range.prototype.createContextualFragment == patchedCreateContextualFragment)
      Range.prototype.createContextualFragment = createContextualFragment;
  };
}
