// Runs in every frame of every page the audit opens, before the page's own scripts: reports each
// cookie written through `document.cookie` or the Cookie Store API, each localStorage and
// sessionStorage write and each IndexedDB database opened, with the stack that did it, so the
// report can name the script. Names only: values never leave the page.
// Written against `globalThis` as `any`: src/node is type-checked without the DOM lib.

/** The binding the hooks report through (`context.exposeBinding`). */
export const REPORT_BINDING = '__consentryAuditWrite';

export interface PageWrite {
  kind: 'cookie' | 'localStorage' | 'sessionStorage' | 'indexedDB';
  key: string;
  stack: string;
}

export function installWriteHooks(binding: string): void {
  const page: any = globalThis;
  const report = (kind: string, key: string) => {
    try {
      const send = page[binding];
      if (typeof send == 'function') void send({ kind, key, stack: String(new Error().stack) });
    } catch {
      // The page keeps working whatever happens here.
    }
  };
  const cookie = Object.getOwnPropertyDescriptor(page.Document.prototype, 'cookie');
  if (cookie?.set && cookie.get) {
    Object.defineProperty(page.Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookie.enumerable,
      get() {
        return cookie.get!.call(this);
      },
      set(value: unknown) {
        report('cookie', String(value).split(';')[0]!.split('=')[0]!.trim());
        cookie.set!.call(this, value);
      },
    });
  }
  const store = page.CookieStore?.prototype;
  if (store?.set) {
    const set = store.set;
    store.set = function (this: unknown, first: any, ...rest: unknown[]) {
      report('cookie', String(typeof first == 'object' && first ? first.name : first));
      return set.call(this, first, ...rest);
    };
  }
  const storage = page.Storage?.prototype;
  if (storage?.setItem) {
    const setItem = storage.setItem;
    storage.setItem = function (this: unknown, key: unknown, value: unknown) {
      let kind = 'sessionStorage';
      try {
        if (this === page.localStorage) kind = 'localStorage';
      } catch {
        // Storage denied to this frame.
      }
      report(kind, String(key));
      return setItem.call(this, key, value);
    };
  }
  const factory = page.IDBFactory?.prototype;
  if (factory?.open) {
    const open = factory.open;
    factory.open = function (this: unknown, name: unknown, ...rest: unknown[]) {
      report('indexedDB', String(name));
      return open.call(this, name, ...rest);
    };
  }
}

/** The init script for `context.addInitScript`. */
export const writeHooksScript = (): string => `(${installWriteHooks.toString()})(${JSON.stringify(REPORT_BINDING)});`;

/**
 * The script that made a write, from the stack the hook took: its first frame with an http(s)
 * URL, as `url:line`; else `inline script of <page>`.
 */
export function writerOf(stack: string, page: string): string {
  for (const line of stack.split('\n').slice(1)) {
    const found = /(https?:\/\/[^\s)]+?):(\d+):\d+\)?\s*$/.exec(line);
    if (found) return `${found[1]}:${found[2]}`;
  }
  return `inline script of ${page}`;
}
