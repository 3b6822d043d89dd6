// Friendly frames: a same-origin `about:blank` iframe is a window of its own, with its own
// prototypes, `fetch` and `document.write`. Ad tech writes tags into such frames, and a page
// can take an unpatched `src` setter (or `fetch`) from one. Each is patched like the page as
// soon as it exists.

/**
 * Calls `patch` once for each same-origin window of a frame in `win`'s document (and, through
 * `patch`, in theirs): when the frame's first document loads, which for `about:blank` happens
 * during the insertion itself (html.spec.whatwg.org/multipage/iframe-embed-object.html#process-the-iframe-attributes),
 * before the inserting code reads `contentWindow`; and whenever script reads `contentWindow` or
 * `contentDocument`. A load listener on each shadow root sees frames inserted there; after
 * `document.open()`, which removes a document's listeners, it is added again. A cross-origin
 * frame is not ours to patch (nor to reach from the page). Returns an undo for `win`.
 */
export function holdFrames(win: Window, patch: (child: Window) => void): () => void {
  const realm = win as Window & typeof globalThis;
  const undo: Array<() => void> = [];
  const patched = new WeakSet<Window>();
  // Each frame type with the browser's own `contentWindow` getter.
  const frames = [realm.HTMLIFrameElement, realm.HTMLFrameElement, realm.HTMLObjectElement]
    .map((type) => ({
      type,
      contentWindow: type && Object.getOwnPropertyDescriptor(type.prototype, 'contentWindow')?.get,
    }))
    .filter((frame) => frame.contentWindow);

  const patchFrame = (frame: unknown): void => {
    const known = frames.find(({ type }) => frame instanceof type);
    if (!known) return;
    const child = known.contentWindow!.call(frame) as Window | null;
    if (!child || patched.has(child)) return;
    try {
      // Throws for a cross-origin frame.
      void child.document;
    } catch {
      return;
    }
    patched.add(child);
    patch(child);
  };
  const onLoad = (event: Event): void => patchFrame(event.target);
  const listen = (target: EventTarget): void => target.addEventListener('load', onLoad, true);
  listen(realm.document);
  undo.push(() => realm.document.removeEventListener('load', onLoad, true));

  const wrap = (owner: object, name: string, key: 'get' | 'value', after: (target: any, result: any) => void): void => {
    const descriptor = Object.getOwnPropertyDescriptor(owner, name);
    const original = descriptor?.[key] as ((...args: unknown[]) => unknown) | undefined;
    if (!original) return;
    const patchedFn = function (this: unknown, ...args: unknown[]): unknown {
      if (key == 'get') after(this, undefined);
      const result = original.apply(this, args);
      if (key == 'value') after(this, result);
      return result;
    };
    Object.defineProperty(owner, name, { ...descriptor, [key]: patchedFn });
    undo.push(() => {
      if (Object.getOwnPropertyDescriptor(owner, name)![key] == patchedFn)
        Object.defineProperty(owner, name, descriptor!);
    });
  };
  for (const { type } of frames)
    for (const name of ['contentWindow', 'contentDocument']) wrap(type.prototype, name, 'get', patchFrame);
  wrap(realm.Element.prototype, 'attachShadow', 'value', (_, root: ShadowRoot) => listen(root));
  wrap(realm.Document.prototype, 'open', 'value', (doc: Document) => listen(doc));

  return () => {
    for (const step of undo) step();
  };
}
