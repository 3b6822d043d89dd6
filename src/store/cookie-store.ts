// Reads and writes the consent cookie through js-cookie. When cookies cannot be read or
// written (a throwing `document.cookie`, cookies disabled, a domain that does not match),
// the value lives in memory for this page and everything else keeps working.
import Cookies from 'js-cookie';

export interface StoreOptions {
  name: string;
  domain?: string;
  path: string;
  days: number;
}

export interface Store {
  readonly name: string;
  read(): string | undefined;
  write(value: string): void;
  remove(): void;
  /** False when the last write did not reach the browser's cookie jar. */
  readonly persistent: boolean;
}

export function createStore(options: StoreOptions): Store {
  let memory: string | undefined;
  let persistent = true;
  const attributes = (): Cookies.CookieAttributes => ({
    path: options.path,
    domain: options.domain,
    sameSite: 'Lax',
    secure: typeof location !== 'undefined' && location.protocol === 'https:',
  });
  const fromJar = (): string | undefined => {
    try {
      return typeof document === 'undefined' ? undefined : Cookies.get(options.name);
    } catch {
      return undefined;
    }
  };
  return {
    name: options.name,
    get persistent() {
      return persistent;
    },
    read: () => (persistent ? fromJar() : memory),
    write(value) {
      memory = value;
      try {
        Cookies.set(options.name, value, { ...attributes(), expires: options.days });
      } catch {
        // Reported through `persistent` below.
      }
      persistent = fromJar() === value;
    },
    remove() {
      memory = undefined;
      try {
        Cookies.remove(options.name, attributes());
      } catch {
        // Nothing stored, nothing to remove.
      }
    },
  };
}
