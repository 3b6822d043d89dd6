import { once, watchedAttribute } from './url-attributes';

/**
 * Decides about a URL about to be given to an element's attribute: false lets it through; true
 * means it is held, and `release` gives it to the element again later.
 */
export type Intercept = (el: Element, attribute: string, value: unknown, release: () => void) => boolean;

/** The properties that set a URL attribute, by interface (the attribute is the property in lower case). */
const PROPERTIES: Record<string, string> = {
  HTMLScriptElement: 'src',
  HTMLImageElement: 'src srcset',
  HTMLIFrameElement: 'src srcdoc',
  HTMLFrameElement: 'src',
  HTMLSourceElement: 'src srcset',
  HTMLMediaElement: 'src',
  HTMLVideoElement: 'poster',
  HTMLTrackElement: 'src',
  HTMLInputElement: 'src',
  HTMLLinkElement: 'href imageSrcset',
  HTMLObjectElement: 'data',
  HTMLEmbedElement: 'src',
  HTMLBaseElement: 'href',
  HTMLAnchorElement: 'ping',
  HTMLAreaElement: 'ping',
};

type Realm = Window & typeof globalThis & Record<string, { prototype: object } | undefined>;

/**
 * Routes every way script gives an element a URL through `intercept`, in the window `win`: the
 * URL properties (`src`, `srcset`, `href`, `data`, `poster`...), `setAttribute`,
 * `setAttributeNS`, `setAttributeNode(NS)`, `attributes.setNamedItem(NS)`, an attribute node's
 * `value`, `nodeValue` and `textContent`, SVG's `href.baseVal`, and `new Audio(url)`. Patching
 * the prototypes rather than `document.createElement` (yett's `src/monkey.js`) catches the same
 * loaders (GTM, gtag, pixel snippets) and also `new Image()`, `createElementNS`, `cloneNode` and
 * elements made by other code wrapping `createElement`. Each value is converted to a string once
 * and that string is what the browser gets. What was there before is wrapped, not replaced,
 * and a held URL is released through the element's current setter, so code patching the same
 * functions before or after keeps working. Returns an undo, which restores only what nobody
 * has wrapped since.
 */
export function holdAttributes(win: Window, intercept: Intercept): () => void {
  const realm = win as Realm;
  const undo: Array<() => void> = [];
  /** Replaces `owner[name]` (a method, or with `key` an accessor's part) by `make(original)`. */
  const patch = <F extends (this: any, ...args: any[]) => any>(
    owner: object | undefined,
    name: string,
    make: (original: F) => F,
    key: 'value' | 'set' | 'get' = 'value',
  ): void => {
    const descriptor = owner && Object.getOwnPropertyDescriptor(owner, name);
    const original = descriptor?.[key] as F | undefined;
    if (!original) return;
    const patched = make(original);
    Object.defineProperty(owner, name, { ...descriptor, [key]: patched });
    undo.push(() => {
      if (Object.getOwnPropertyDescriptor(owner, name)![key] == patched)
        Object.defineProperty(owner, name, descriptor!);
    });
  };

  for (const [type, properties] of Object.entries(PROPERTIES))
    for (const property of properties.split(' ')) {
      const attribute = property.toLowerCase();
      patch(
        realm[type]?.prototype,
        property,
        (set) =>
          function (this: Element, value: unknown) {
            const url = once(value);
            const release = (): void => {
              (this as unknown as Record<string, unknown>)[property] = url;
            };
            if (!intercept(this, attribute, url, release)) set.call(this, url);
          },
        'set',
      );
    }

  const elementProto = realm.Element.prototype;
  patch(
    elementProto,
    'setAttribute',
    (setAttribute) =>
      function (this: Element, name: unknown, value: unknown) {
        if (arguments.length < 2) return setAttribute.apply(this, arguments as never);
        const key = once(name) as string;
        const url = once(value);
        const attribute = typeof key == 'string' && watchedAttribute(this, key);
        if (attribute && intercept(this, attribute, url, () => this.setAttribute(key, url as string))) return;
        return setAttribute.call(this, key, url);
      },
  );
  patch(
    elementProto,
    'setAttributeNS',
    (setAttributeNS) =>
      function (this: Element, namespace: string | null, name: unknown, value: unknown) {
        if (arguments.length < 3) return setAttributeNS.apply(this, arguments as never);
        const key = once(name) as string;
        const url = once(value);
        // `xlink:href` names `href` in the XLink namespace; a prefix never hides an attribute.
        const attribute = typeof key == 'string' && watchedAttribute(this, key.replace(/^[^:]*:/, ''));
        const release = (): void => this.setAttributeNS(namespace, key, url as string);
        if (attribute && intercept(this, attribute, url, release)) return;
        return setAttributeNS.call(this, namespace, key, url);
      },
  );

  // Attribute nodes: attached to an element with `setAttributeNode(NS)` or the element's
  // `attributes` map, or changed in place while attached.
  const AttrProto = realm.Attr.prototype;
  const attrValue = Object.getOwnPropertyDescriptor(AttrProto, 'value')!;
  const attrName = (attr: unknown): string | undefined => {
    try {
      return (attr as Attr).localName;
    } catch {
      return undefined;
    }
  };
  /** Holds attaching `attr` to `el` when it is a URL attribute whose value must wait; null then, as for a new attribute. */
  const attachNode = (el: Element | undefined, attr: unknown, attach: () => Attr | null): Attr | null => {
    const name = el && attr instanceof realm.Attr && attrName(attr);
    const attribute = name && watchedAttribute(el, name);
    if (attribute && intercept(el, attribute, attrValue.get!.call(attr), attach)) return null;
    return attach();
  };
  for (const method of ['setAttributeNode', 'setAttributeNodeNS'])
    patch(
      elementProto,
      method,
      (setNode) =>
        function (this: Element, attr: Attr) {
          return attachNode(this, attr, () => setNode.apply(this, [attr]));
        },
    );
  const owners = new WeakMap<NamedNodeMap, Element>();
  patch(
    elementProto,
    'attributes',
    (get) =>
      function (this: Element) {
        const map = get.call(this) as NamedNodeMap;
        owners.set(map, this);
        return map;
      },
    'get',
  );
  for (const method of ['setNamedItem', 'setNamedItemNS'])
    patch(
      realm.NamedNodeMap.prototype,
      method,
      (setItem) =>
        function (this: NamedNodeMap, attr: Attr) {
          return attachNode(owners.get(this), attr, () => setItem.apply(this, [attr]));
        },
    );
  // `nodeValue` and `textContent` of Node set an attribute node's value too: given their own
  // setters on Attr.prototype, so text nodes keep the native ones.
  for (const property of ['value', 'nodeValue', 'textContent']) {
    const own = Object.getOwnPropertyDescriptor(AttrProto, property);
    const inherited = Object.getOwnPropertyDescriptor(realm.Node.prototype, property)!;
    const set = function (this: Attr, value: unknown): void {
      const el = this.ownerElement;
      const url = once(value);
      const attribute = el && watchedAttribute(el, this.localName);
      const release = (): void => {
        (this as unknown as Record<string, unknown>)[property] = url;
      };
      if (!attribute || !intercept(el, attribute, url, release)) (own || inherited).set!.call(this, url);
    };
    Object.defineProperty(AttrProto, property, { ...(own || inherited), set });
    undo.push(() => {
      if (own) Object.defineProperty(AttrProto, property, own);
      else delete (AttrProto as unknown as Record<string, unknown>)[property];
    });
  }

  // SVG: `script.href.baseVal = url`. The animated string does not know its element: its
  // getter tells.
  const animated = new WeakMap<object, Element>();
  for (const type of ['SVGScriptElement', 'SVGImageElement'])
    patch(
      realm[type]?.prototype,
      'href',
      (get) =>
        function (this: Element) {
          const value = get.call(this);
          animated.set(value, this);
          return value;
        },
      'get',
    );
  patch(
    realm.SVGAnimatedString?.prototype,
    'baseVal',
    (set) =>
      function (this: SVGAnimatedString, value: unknown) {
        const el = animated.get(this);
        const url = once(value);
        const release = (): void => {
          this.baseVal = url as string;
        };
        if (!el || !intercept(el, 'href', url, release)) set.call(this, url);
      },
    'set',
  );

  // `new Audio(url)` gives the element its URL without any setter: through the `src` setter instead.
  const NativeAudio = realm.Audio;
  if (NativeAudio) {
    const Audio = function (this: unknown, url?: unknown): HTMLAudioElement {
      // Without `new`, the browser's own error.
      if (!new.target) return (NativeAudio as unknown as (url?: unknown) => HTMLAudioElement)(url);
      const audio = Reflect.construct(NativeAudio, [], new.target) as HTMLAudioElement;
      if (arguments.length && url !== undefined) audio.src = url as string;
      return audio;
    };
    Audio.prototype = NativeAudio.prototype;
    realm.Audio = Audio as unknown as typeof NativeAudio;
    undo.push(() => {
      if (realm.Audio == (Audio as unknown)) realm.Audio = NativeAudio;
    });
  }

  return () => {
    for (const step of undo) step();
  };
}
