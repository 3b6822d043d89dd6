// Reads and writes the consent cookie. It is read raw from `document.cookie` (consent-cookie.ts
// says which cookie counts) and written through js-cookie. When cookies cannot be read or
// written (a throwing `document.cookie`, cookies disabled, a domain that does not match), the
// value lives in memory for this page and everything else keeps working.
import Cookies from 'js-cookie';
import { consentCookieNames, readConsentCookie, type ConsentCookie, type CookieConfig } from './consent-cookie';
import { cookieDomains, pathPrefixes } from './cookie-domains';

export interface Store {
  read(): string | undefined;
  write(value: string): void;
  remove(): void;
}

const NOTHING: ConsentCookie = { value: undefined, unprefixed: false, intruders: [] };

/** Whether the page is on https; false where there is no `location` (server-side rendering). */
function onHttps(): boolean {
  try {
    return location.protocol == 'https:';
  } catch {
    return false;
  }
}

/**
 * Deletes every cookie named `rawName` (as it appears in `document.cookie`, never re-encoded)
 * that this page can see: on each path above it, host-only and on each parent domain.
 */
function expireEverywhere(rawName: string, secure: boolean): void {
  for (const domain of [undefined, ...cookieDomains(location.hostname)])
    for (const path of pathPrefixes(location.pathname))
      document.cookie =
        `${rawName}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}` +
        `${domain ? '; domain=' + domain : ''}${secure ? '; secure' : ''}`;
}

export function createStore(cookie: CookieConfig): Store {
  const { domain, path = '/', days = 182 } = cookie;
  const { name, prefixed } = consentCookieNames(cookie);
  const secure = onHttps();
  // `__Host-` cookies are refused on http (RFC 6265bis §4.1.3.2): there the plain name is used.
  const written = secure && prefixed ? prefixed : name;
  let memory: string | undefined;
  // False once a write did not reach the browser's cookie jar; from then on memory is the truth.
  let persistent = true;
  // What the jar held at the last read: who stands in the way, and whether it needs moving.
  let seen = NOTHING;
  const attributes = (): Cookies.CookieAttributes => ({ path, domain, sameSite: 'Lax', secure });
  const fromJar = (): string | undefined => {
    try {
      seen = readConsentCookie(document.cookie, cookie);
    } catch {
      seen = NOTHING;
    }
    return seen.value;
  };
  /** Sets the cookie; a refused or throwing write is seen by the next read. */
  const set = (value: string): void => {
    try {
      Cookies.set(written, value, { ...attributes(), expires: days });
    } catch {
      // The jar does not hold the value.
    }
  };
  /** Deletes the decision an older version stored under the plain name. */
  const removeUnprefixed = (): void => {
    try {
      Cookies.remove(name, attributes());
    } catch {
      // Nothing stored, nothing to remove.
    }
  };
  return {
    read() {
      if (!persistent) return memory;
      const value = fromJar();
      // An older version's cookie, the only one there: it counts, and moves to the `__Host-` name.
      if (value !== undefined && seen.unprefixed && written !== name) {
        set(value);
        if (fromJar() === value && !seen.unprefixed) removeUnprefixed();
      }
      return value;
    },
    write(value) {
      memory = value;
      fromJar();
      try {
        for (const intruder of seen.intruders) expireEverywhere(intruder, secure);
      } catch {
        // Whatever could not be deleted keeps the stored decision from counting; memory holds it.
      }
      set(value);
      if (seen.unprefixed && written !== name) removeUnprefixed();
      persistent = fromJar() == value;
    },
    remove() {
      memory = undefined;
      try {
        Cookies.remove(written, attributes());
      } catch {
        // Nothing stored, nothing to remove.
      }
      if (written !== name) removeUnprefixed();
    },
  };
}
