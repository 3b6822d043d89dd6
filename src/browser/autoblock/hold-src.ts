/**
 * Decides about a URL about to be given to an element: false lets it through; true means it is
 * held, and `release` gives it to the element again later.
 */
export type Intercept = (el: Element, url: unknown, release: () => void) => boolean;

/**
 * Routes every URL given to a script, iframe or image through `intercept`: the `src` setters
 * of their prototypes and `Element.prototype.setAttribute('src')`. Patching the prototypes
 * rather than `document.createElement` (yett's `src/monkey.js`) catches the same loaders (GTM,
 * gtag, pixel snippets) and also `new Image()`, `createElementNS`, `cloneNode` and elements made
 * by other code wrapping `createElement`. What was there before is wrapped, not replaced, and a
 * held URL is released through the element's current setter, so code patching the same
 * functions before or after keeps working. Returns an undo, which restores only what nobody has
 * wrapped since.
 */
export function holdSrc(intercept: Intercept): () => void {
  const types = [HTMLScriptElement, HTMLIFrameElement, HTMLImageElement];
  const undo: Array<() => void> = types.map(({ prototype }) => {
    const original = Object.getOwnPropertyDescriptor(prototype, 'src')!;
    const set = function (this: HTMLImageElement, url: unknown): void {
      const release = (): void => {
        (this as { src: unknown }).src = url;
      };
      if (!intercept(this, url, release)) original.set!.call(this, url);
    };
    Object.defineProperty(prototype, 'src', { ...original, set });
    return () => {
      if (Object.getOwnPropertyDescriptor(prototype, 'src')!.set == set)
        Object.defineProperty(prototype, 'src', original);
    };
  });
  const proto = Element.prototype;
  const setAttribute = proto.setAttribute;
  function patched(this: Element, name: string, value: string): void {
    const namesSrc = name === 'src' || String(name).toLowerCase() == 'src';
    if (namesSrc && types.some((type) => this instanceof type)) {
      const held = intercept(this, value, () => this.setAttribute(name, value));
      if (held) return;
    }
    return setAttribute.apply(this, arguments as unknown as [string, string]);
  }
  proto.setAttribute = patched;
  undo.push(() => {
    if (proto.setAttribute == patched) proto.setAttribute = setAttribute;
  });
  return () => {
    for (const step of undo) step();
  };
}
