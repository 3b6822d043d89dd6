import type { Consent } from '../core/types';
import { cookieDomains, cookiePaths } from '../core/store/cookie-domains';
import { consentCookieNames } from '../core/store/consent-cookie';
import { matchesName } from './name-pattern';
import { internalsOf } from '../core/internals';

type Store = 'cookie' | 'localStorage' | 'sessionStorage';

/** A name to delete: exact or `prefix*`, and where it is looked for (everywhere when not said). */
interface Declared {
  pattern: string;
  store?: Store;
}

/**
 * Deletes what a withdrawn category leaves behind: the cookies and storage keys its presets
 * declare, and the names the config lists under the category (`categories.x.cookies`, looked
 * for as cookies and as storage keys); exact names or `prefix*`. The consent cookie itself is
 * always kept. A cookie is only replaced by one with the same name, domain and path (RFC 6265
 * §5.3 step 11), and script cannot read those, so every candidate is written: host-only and
 * each parent domain, on each path the page may have used. HttpOnly and third-party cookies
 * are out of reach of the page (RFC 6265 §5.3 step 10; their domain is not the page's).
 */
export function clearCategory(consent: Consent, category: string, win: Window): void {
  const { name: consentCookie, prefixed } = consentCookieNames(internalsOf(consent).config.cookie);
  const { document: doc, location } = win;
  const declared: Declared[] = [];
  for (const preset of internalsOf(consent).presets) {
    if (preset.category != category) continue;
    for (const { name, storage = 'cookie' } of preset.definition.cookies)
      declared.push({ pattern: name, store: storage });
  }
  for (const info of internalsOf(consent).categories) {
    if (info.name != category) continue;
    for (const name of info.cookies) declared.push({ pattern: name });
  }
  const isDeclared = (store: Store, name: string): boolean =>
    name != consentCookie &&
    name != prefixed &&
    declared.some((entry) => (entry.store || store) == store && matchesName(entry.pattern, name));

  try {
    for (const pair of doc.cookie.split(';')) {
      const name = pair.split('=')[0]!.trim();
      if (!isDeclared('cookie', name)) continue;
      for (const path of cookiePaths(location.pathname))
        for (const domain of ['', ...cookieDomains(location.hostname)])
          doc.cookie = `${name}=; max-age=0; path=${path}${domain && '; domain=' + domain}`;
    }
  } catch {
    // Cookies blocked (sandboxed frame, opaque origin): there is nothing to delete.
  }
  for (const store of ['localStorage', 'sessionStorage'] as const)
    try {
      const storage = win[store];
      for (let index = storage.length; index--; ) {
        const key = storage.key(index)!;
        if (isDeclared(store, key)) storage.removeItem(key);
      }
    } catch {
      // Storage blocked by the browser's settings: the same.
    }
}
