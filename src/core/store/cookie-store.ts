// Reads and writes the consent cookie. It is read raw from `document.cookie` (consent-cookie.ts
// says which cookie counts) and written as a plain `document.cookie` string. When cookies cannot be read or
// written (a throwing `document.cookie`, cookies disabled, a domain that does not match), the
// value lives in memory for this page and everything else keeps working.
import { consentCookieNames, readConsentCookie, type ConsentCookie, type CookieConfig } from './consent-cookie';
import { cookieDomains, pathPrefixes } from './cookie-domains';

export interface Store {
  read(): string | undefined;
  write(value: string): void;
  remove(): void;
}

/**
 * The `document.cookie` string that sets `rawName` (written as is: records hold only cookie-safe
 * characters, record-codec.ts) until `expires`. Built here rather than by js-cookie, which
 * copies the attributes with `for…in`: a key another script put on Object.prototype became an
 * attribute, and an object there made every write throw, so no decision was ever stored.
 */
const cookieString = (
  rawName: string,
  value: string,
  at: { path: string; domain?: string; secure: boolean; expires: Date },
): string =>
  `${rawName}=${value}; path=${at.path}${at.domain ? '; domain=' + at.domain : ''}; expires=${at.expires.toUTCString()}` +
  `; SameSite=Lax${at.secure ? '; secure' : ''}`;

const EXPIRED = new Date(0);

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
  /** Sets (or, with EXPIRED, deletes) `rawName`; a refused or throwing write is seen by the next read. */
  const put = (rawName: string, value: string, expires: Date): void => {
    try {
      document.cookie = cookieString(rawName, value, { path, domain, secure, expires });
    } catch {
      // The jar does not hold the value.
    }
  };
  const fromJar = (): string | undefined => {
    try {
      seen = readConsentCookie(document.cookie, cookie);
    } catch {
      seen = NOTHING;
    }
    return seen.value;
  };
  const set = (value: string): void => put(written, value, new Date(Date.now() + days * 864e5));
  /** Deletes the decision an older version stored under the plain name. */
  const removeUnprefixed = (): void => put(name, '', EXPIRED);
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
      put(written, '', EXPIRED);
      if (written !== name) removeUnprefixed();
    },
  };
}
