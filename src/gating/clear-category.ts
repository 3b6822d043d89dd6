import type { Consent } from '../types';
import { cookieDomains, cookiePaths } from './cookie-domains';
import { matchesName } from './name-pattern';

/**
 * Deletes what a withdrawn category leaves behind: the cookies and storage keys its presets
 * declare, and the names the config lists under the category (`categories.x.cookies`, looked
 * for as cookies and as storage keys); exact names or `prefix*`. The consent cookie itself is
 * always kept. A cookie is only replaced by one with the same name, domain and path (RFC 6265
 * §5.3 step 11), and script cannot read those, so every candidate is written: host-only and
 * each parent domain, on each path the page may have used. HttpOnly and third-party cookies
 * are out of reach of the page (REFERENCE.md §4.3).
 */
export function clearCategory(consent: Consent, category: string, win: Window): void {
  const keep = consent.config.cookie?.name || 'consentry';
  const { document: doc, location: loc } = win;
  // [pattern, where]: a preset says where it writes; the config's names are looked for everywhere.
  const declared: Array<[string, string?]> = [];
  for (const preset of consent.presets)
    if (preset.category == category)
      for (const { name, storage = 'cookie' } of preset.definition.cookies) declared.push([name, storage]);
  for (const info of consent.categories)
    if (info.name == category) for (const name of info.cookies) declared.push([name]);
  const hit = (store: string, name: string): boolean =>
    name != keep && declared.some(([pattern, where]) => (where || store) == store && matchesName(pattern, name));
  try {
    for (const pair of doc.cookie.split(';')) {
      const name = pair.split('=')[0]!.trim();
      if (hit('cookie', name))
        for (const path of cookiePaths(loc.pathname))
          for (const domain of ['', ...cookieDomains(loc.hostname)])
            doc.cookie = `${name}=; max-age=0; path=${path}${domain && '; domain=' + domain}`;
    }
  } catch {
    // Cookies blocked (sandboxed frame, opaque origin): there is nothing to delete.
  }
  for (const store of ['localStorage', 'sessionStorage'] as const)
    try {
      const storage = win[store];
      for (let i = storage.length; i--; ) {
        const key = storage.key(i)!;
        if (hit(store, key)) storage.removeItem(key);
      }
    } catch {
      // Storage blocked by the browser's settings: the same.
    }
}
