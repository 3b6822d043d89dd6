// Shared by the unit tests (jsdom): a clean cookie jar, browser properties set per test, waiting
// for the next task, and vendor queues made comparable.
import { afterEach, vi } from 'vitest';

const EPOCH = 'Thu, 01 Jan 1970 00:00:00 GMT';

/**
 * Deletes every cookie visible to the page (on `/` and on the given extra paths), through the
 * real jar even while a test has replaced `document.cookie`.
 */
export function clearCookies(paths: string[] = []): void {
  const jar = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  for (const pair of String(jar.get!.call(document)).split(';')) {
    const name = pair.split('=')[0]!.trim();
    if (name) for (const path of ['/', ...paths]) jar.set!.call(document, `${name}=; expires=${EPOCH}; path=${path}`);
  }
}

/**
 * Records every string written to `document.cookie` (attributes included) while still writing
 * it to the real jar; undone by `vi.restoreAllMocks()`.
 */
export function recordCookieWrites(): string[] {
  const writes: string[] = [];
  const jar = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  vi.spyOn(document, 'cookie', 'set').mockImplementation(function (this: Document, value: string) {
    writes.push(value);
    jar.set!.call(this, value);
  });
  return writes;
}

const touched: Array<[object, string]> = [];

/** Sets `navigator.x` / `window.x` for this test only (restored after each test). */
export function stub(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  touched.push([target, key]);
}

/** Defines a getter that throws, for hostile-environment tests (restored after each test). */
export function stubThrowing(target: object, key: string): void {
  Object.defineProperty(target, key, {
    configurable: true,
    get() {
      throw new Error(`hostile ${key}`);
    },
    set() {
      throw new Error(`hostile ${key}`);
    },
  });
  touched.push([target, key]);
}

afterEach(() => {
  for (const [target, key] of touched.splice(0)) delete (target as Record<string, unknown>)[key];
});

/**
 * Resolves in a later task (a 0 ms timer), after every promise already settled has run its
 * callbacks and every task queued before it has run: the UI has rendered its loaded texts, a
 * script's `load` event has been handled, a MutationObserver has seen what was added.
 */
export const nextTask = (): Promise<void> => new Promise((done) => setTimeout(done, 0));

/**
 * The items of a vendor queue (`dataLayer`, `fbq.queue`, …) with each `arguments` object, which
 * gtag-style loaders push, turned into a plain array for comparison.
 */
export const plain = (queue: ArrayLike<unknown>): unknown[] =>
  Array.from(queue, (item) =>
    Object.prototype.toString.call(item) == '[object Arguments]' ? Array.from(item as ArrayLike<unknown>) : item,
  );
