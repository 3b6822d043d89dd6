// Auto-blocking for requests page script sends itself: `fetch`, `XMLHttpRequest`,
// `navigator.sendBeacon`, `WebSocket` and `EventSource`. PostHog and Segment send with fetch
// and XHR, Meta's and TikTok's pixels fall back to beacons; the EDPB counts such tracking
// requests as access that needs consent like cookies (Guidelines 2/2023 on Art. 5(3) ePrivacy).
import { once } from './url-attributes';

/** Whether a request to `url` (relative to `base`) by `api` must not leave now. */
export type HeldRequest = (url: string, base: string, api: string) => boolean;

type Realm = Window & typeof globalThis;

/**
 * Patches the request APIs of the window `win`. A held request fails as a request to a host that
 * cannot be reached does, never with an error of ours: `fetch` rejects with a `TypeError`, an
 * XHR ends with an `error` event (a synchronous one throws a `NetworkError`), `sendBeacon`
 * returns false, a `WebSocket` or `EventSource` fires `error` (and `close`). Any other request
 * goes to the browser's own function with the page's arguments (a URL given as an object
 * converted to a string once, so the check and the browser see the same URL); `Request`
 * objects, bodies and streams untouched. Returns an undo, which restores only what nobody has
 * replaced since.
 */
export function holdNetwork(win: Window, held: HeldRequest): () => void {
  const realm = win as Realm;
  const undo: Array<() => void> = [];
  const base = (): string => realm.document.baseURI;
  const replace = <Owner extends object, Name extends keyof Owner>(
    owner: Owner | undefined,
    name: Name,
    make: (original: Owner[Name]) => Owner[Name],
  ): void => {
    const original = owner?.[name];
    if (!original) return;
    const patched = make(original);
    owner![name] = patched;
    undo.push(() => {
      if (owner![name] == patched) owner![name] = original;
    });
  };
  /** Calls `task` in a later task, as the browser reports a failed connection. */
  const later = (task: () => void): number => realm.setTimeout(task);

  // A Request's URL from the browser's own getter, which a subclass or a look-alike cannot change.
  const requestUrl = realm.Request && Object.getOwnPropertyDescriptor(realm.Request.prototype, 'url')?.get;
  replace(
    requestUrl ? realm : undefined,
    'fetch',
    (fetch) =>
      function (this: unknown, input: unknown) {
        const args = [...arguments];
        let url: string;
        try {
          url = requestUrl!.call(input);
        } catch {
          try {
            args[0] = url = once(input) as string;
          } catch (error) {
            // The browser rejects when the URL cannot be converted; so do we, with the page's own error.
            return realm.Promise.reject(error);
          }
          // A string, as the page gave it; an object, as the string it gave the check.
          if (typeof input == 'string') args[0] = input;
        }
        if (typeof url == 'string' && held(url, base(), 'fetch'))
          return realm.Promise.reject(new realm.TypeError('Failed to fetch'));
        return fetch.apply(this, args as [RequestInfo, RequestInit?]);
      } as typeof fetch,
  );

  replace(
    realm.Navigator.prototype,
    'sendBeacon',
    (sendBeacon) =>
      function (this: Navigator, url: unknown) {
        const args = [...arguments];
        if (args.length) args[0] = once(url);
        if (typeof args[0] == 'string' && held(args[0], base(), 'sendBeacon')) return false;
        return sendBeacon.apply(this, args as [string]);
      },
  );

  // XMLHttpRequest: the URL is known at `open`, the request leaves at `send`, when consent is
  // decided. A held request ends as one whose host was unreachable (xhr.spec.whatwg.org,
  // "request error steps"): state DONE, `readystatechange`, then `error` and `loadend` (on the
  // upload object too when there is a body), after `loadstart`.
  const XHR = realm.XMLHttpRequest.prototype;
  const nativeState = Object.getOwnPropertyDescriptor(XHR, 'readyState')!.get!;
  const opened = new WeakMap<XMLHttpRequest, { url: string; base: string; sync: boolean }>();
  const pending = new WeakMap<XMLHttpRequest, number>();
  /** The state a held request shows over the browser's (OPENED), until the next `open` or `abort`. */
  const showState = (xhr: XMLHttpRequest, state?: number): void => {
    if (state === undefined) delete (xhr as { readyState?: number }).readyState;
    else Object.defineProperty(xhr, 'readyState', { configurable: true, value: state });
  };
  const fire = (target: EventTarget, type: string): void => {
    target.dispatchEvent(new realm.ProgressEvent(type));
  };
  replace(
    XHR,
    'open',
    (open) =>
      function (this: XMLHttpRequest, method: string, url: unknown) {
        const args = [...arguments];
        args[1] = once(url);
        realm.clearTimeout(pending.get(this));
        showState(this);
        (open as (...args: unknown[]) => void).apply(this, args);
        opened.set(this, { url: args[1] as string, base: base(), sync: args.length > 2 && !args[2] });
      },
  );
  replace(
    XHR,
    'abort',
    (abort) =>
      function (this: XMLHttpRequest) {
        const failing = pending.get(this);
        abort.call(this);
        if (failing === undefined) return showState(this);
        // A held request still "in flight" is aborted as the browser aborts one: DONE, then UNSENT.
        realm.clearTimeout(failing);
        pending.delete(this);
        showState(this, 4);
        this.dispatchEvent(new realm.Event('readystatechange'));
        fire(this, 'abort');
        fire(this, 'loadend');
        showState(this, 0);
      },
  );
  replace(
    XHR,
    'send',
    (send) =>
      function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
        const request = opened.get(this);
        // Not OPENED (or sent already): the browser's own error.
        if (
          !request ||
          nativeState.call(this) != 1 ||
          pending.has(this) ||
          !held(request.url, request.base, 'XMLHttpRequest')
        )
          return send.apply(this, arguments as unknown as [body?: Document | XMLHttpRequestBodyInit | null]);
        const withBody = body != null;
        const fail = (): void => {
          pending.delete(this);
          showState(this, 4);
          this.dispatchEvent(new realm.Event('readystatechange'));
          if (withBody) {
            fire(this.upload, 'error');
            fire(this.upload, 'loadend');
          }
          fire(this, 'error');
          fire(this, 'loadend');
        };
        if (request.sync) {
          showState(this, 4);
          throw new realm.DOMException(
            `Failed to execute 'send' on 'XMLHttpRequest': Failed to load '${request.url}'.`,
            'NetworkError',
          );
        }
        fire(this, 'loadstart');
        if (withBody) fire(this.upload, 'loadstart');
        pending.set(this, later(fail));
      },
  );

  /**
   * WebSocket and EventSource: a held connection is an object of the page's class (its
   * prototype, so `instanceof` holds) that never connects: `error` in a later task, then for a
   * WebSocket `close` with code 1006 (abnormal closure), as for a host that cannot be reached.
   */
  const holdConnections = (name: 'WebSocket' | 'EventSource', closed: number): void =>
    replace(realm, name, (Native) => {
      const Wrapped = function (this: unknown, url: unknown) {
        const args = [...arguments];
        if (!new.target) return (Native as unknown as (...args: unknown[]) => unknown)(...args);
        args[0] = once(url);
        if (!held(args[0] as string, base(), name)) return Reflect.construct(Native, args, new.target);
        const connection = new realm.EventTarget();
        Object.setPrototypeOf(connection, new.target.prototype);
        const state = { readyState: 0 };
        const handlers: Record<string, unknown> = {};
        for (const type of ['open', 'message', 'error', 'close'])
          Object.defineProperty(connection, 'on' + type, {
            get: () => handlers[type] ?? null,
            set: (handler) => {
              handlers[type] = handler;
            },
          });
        Object.defineProperties(connection, {
          url: { value: new URL(args[0] as string, base()).href },
          readyState: { get: () => state.readyState },
          protocol: { value: '' },
          extensions: { value: '' },
          bufferedAmount: { value: 0 },
          binaryType: { value: 'blob', writable: true },
          withCredentials: { value: false },
          send: {
            value() {
              if (!state.readyState) throw new realm.DOMException('Still in CONNECTING state.', 'InvalidStateError');
            },
          },
          close: {
            value() {
              state.readyState = closed;
            },
          },
        });
        const dispatch = (event: Event): void => {
          connection.dispatchEvent(event);
          const handler = handlers[event.type];
          if (typeof handler == 'function') handler.call(connection, event);
        };
        later(() => {
          state.readyState = closed;
          dispatch(new realm.Event('error'));
          if (name == 'WebSocket') dispatch(new realm.CloseEvent('close', { code: 1006, wasClean: false }));
        });
        return connection;
      };
      Wrapped.prototype = Native.prototype;
      Object.setPrototypeOf(Wrapped, Native);
      return Wrapped as unknown as typeof Native;
    });
  holdConnections('WebSocket', 3);
  holdConnections('EventSource', 2);

  return () => {
    for (const step of undo) step();
  };
}
