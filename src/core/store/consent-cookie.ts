// Which cookie holds the visitor's decision, read from a Cookie header: `document.cookie` in the
// browser, the request's `Cookie` header on a server. Pure, so both read it the same way.
//
// Any subdomain of the site may set a cookie for the parent domain and a narrower path
// (RFC 6265 §5.3 step 6 and §5.1.4), which the browser then sends first (§5.4 step 2), under
// the same name: "cookie tossing". And readers that percent-decode cookie names (js-cookie,
// PHP, several server frameworks) take `%63onsentry` for `consentry`. So names are matched raw,
// and a second cookie of the name, or an encoded spelling of it, means "no decision" rather
// than a guess at which one the visitor set. On https the cookie is `__Host-consentry`, which
// browsers accept only from this host, Secure, on `/` and without a domain (RFC 6265bis §4.1.3.2):
// no other subdomain can set or shadow it.
import type { ConsentConfig } from '../types';

export type CookieConfig = NonNullable<ConsentConfig['cookie']>;

const HOST_PREFIX = '__Host-';

export interface ConsentCookieNames {
  /** The configured name (`consentry`): written on http, or with a `domain` or another `path`. */
  name: string;
  /** `__Host-<name>`: written on https when the cookie belongs to this host's `/` alone. */
  prefixed: string | undefined;
}

/** The names the decision may be stored under, for a `cookie` config. */
export function consentCookieNames(cookie: CookieConfig = {}): ConsentCookieNames {
  const { name = 'consentry', domain, path = '/' } = cookie;
  // A name that carries a prefix of its own (`__Secure-x`) is used as configured.
  const hostOnly = !domain && path == '/' && !name.startsWith('__');
  return { name, prefixed: hostOnly ? HOST_PREFIX + name : undefined };
}

export interface ConsentCookie {
  /** The stored value, or undefined: there is none, or more than one cookie could be it. */
  value: string | undefined;
  /** The value is under `name` while `prefixed` is the name to use: an older version wrote it. */
  unprefixed: boolean;
  /**
   * Raw names of the cookies that made it "no decision": a second cookie of the name (set on
   * another path or a parent domain) or a percent-encoded spelling of it. The next decision
   * deletes them.
   */
  intruders: string[];
}

interface Pair {
  name: string;
  value: string;
}

/**
 * `a=1; b=2` → name/value pairs, names and values trimmed and never decoded: a record holds only
 * characters a cookie carries as is (record-codec.ts), so a quoted or percent-encoded value was
 * not written by Consentry and is no decision (decisionFromCookie agrees).
 */
const pairsOf = (header: string): Pair[] =>
  header
    .split(';')
    .filter((pair) => pair.includes('='))
    .map((pair) => ({ name: pair.slice(0, pair.indexOf('=')).trim(), value: pair.slice(pair.indexOf('=') + 1) }));

/** What a name-decoding reader would take `name` for. */
function decodedName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * The consent cookie in `header`: `__Host-<name>` when there is one (unless the cookie config
 * rules that name out), else `<name>`, each only when it is the one cookie of its name and
 * no encoded spelling of it is there too.
 * ```ts
 * readConsentCookie('__Host-consentry=1|…; theme=dark') // { value: '1|…', unprefixed: false, intruders: [] }
 * ```
 */
export function readConsentCookie(header: string, cookie: CookieConfig = {}): ConsentCookie {
  const { name, prefixed } = consentCookieNames(cookie);
  const pairs = pairsOf(header);
  const lookup = (wanted: string, unprefixed: boolean): ConsentCookie => {
    const values = pairs.filter((pair) => pair.name === wanted).map((pair) => pair.value.trim());
    const intruders = pairs
      .filter((pair) => pair.name !== wanted && decodedName(pair.name) === wanted)
      .map((pair) => pair.name);
    if (values.length > 1) intruders.push(wanted);
    return { value: intruders.length ? undefined : values[0], unprefixed, intruders };
  };
  if (prefixed) {
    const hosted = lookup(prefixed, false);
    if (hosted.value !== undefined || hosted.intruders.length) return hosted;
  }
  return lookup(name, !!prefixed);
}
