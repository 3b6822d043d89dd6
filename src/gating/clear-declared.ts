import type { CookieDeclaration } from '../types';
import { cookieDomains, cookiePaths } from './cookie-domains';
import { matchesName } from './name-pattern';

export type Declared = Pick<CookieDeclaration, 'name' | 'storage'>;

const EXPIRED = '=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=';
const STORAGES = ['localStorage', 'sessionStorage'] as const;

/**
 * Deletes the cookies and storage keys matching `declared` (exact names or `prefix*`), except
 * `keep` (the consent cookie). A cookie is only replaced by one with the same name, domain and
 * path (RFC 6265 §5.3 step 11), and script cannot read those, so every candidate is written:
 * host-only and each parent domain, on each path the page may have used. HttpOnly and
 * third-party cookies are out of reach of the page (REFERENCE.md §4.3).
 */
export function clearDeclared(declared: Declared[], win: Window, keep: string): void {
  const names = (storage: string): string[] => declared.filter((d) => (d.storage || 'cookie') == storage).map((d) => d.name);
  const hit = (patterns: string[], name: string): boolean => name != keep && patterns.some((p) => matchesName(p, name));
  const { document: doc, location: loc } = win;
  const patterns = names('cookie');
  try {
    for (const pair of doc.cookie.split(';')) {
      const name = pair.split('=')[0]!.trim();
      if (hit(patterns, name))
        for (const path of cookiePaths(loc.pathname))
          for (const domain of ['', ...cookieDomains(loc.hostname)]) doc.cookie = name + EXPIRED + path + (domain && '; domain=' + domain);
    }
  } catch {
    // Cookies blocked (sandboxed frame, opaque origin): there is nothing to delete.
  }
  for (const storage of STORAGES)
    try {
      const keys = names(storage);
      const store = win[storage];
      for (let i = store.length; i--; ) {
        const key = store.key(i)!;
        if (hit(keys, key)) store.removeItem(key);
      }
    } catch {
      // Storage blocked by the browser's settings: the same.
    }
}
