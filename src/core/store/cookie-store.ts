// Reads and writes the consent cookie through js-cookie. When cookies cannot be read or
// written (a throwing `document.cookie`, cookies disabled, a domain that does not match),
// the value lives in memory for this page and everything else keeps working.
import Cookies from 'js-cookie';
import type { ConsentConfig } from '../types';

export interface Store {
  read(): string | undefined;
  write(value: string): void;
  remove(): void;
}

export function createStore({
  name = 'consentry',
  domain,
  path = '/',
  days = 182,
}: NonNullable<ConsentConfig['cookie']>): Store {
  let memory: string | undefined;
  // False once a write did not reach the browser's cookie jar; from then on memory is the truth.
  let persistent = true;
  // js-cookie does nothing without `document`; `location` may be missing too (SSR), hence the try.
  const attributes = (): Cookies.CookieAttributes => ({
    path,
    domain,
    sameSite: 'Lax',
    secure: location.protocol == 'https:',
  });
  const fromJar = (): string | undefined => {
    try {
      return Cookies.get(name);
    } catch {
      return undefined;
    }
  };
  return {
    read: () => (persistent ? fromJar() : memory),
    write(value) {
      memory = value;
      try {
        Cookies.set(name, value, { ...attributes(), expires: days });
      } catch {
        // Seen below: the jar does not hold the value.
      }
      persistent = fromJar() == value;
    },
    remove() {
      memory = undefined;
      try {
        Cookies.remove(name, attributes());
      } catch {
        // Nothing stored, nothing to remove.
      }
    },
  };
}
