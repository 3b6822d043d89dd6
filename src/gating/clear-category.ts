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
  const patterns: Record<string, string[]> = { cookie: [], localStorage: [], sessionStorage: [] };
  for (const preset of consent.presets)
    if (preset.category == category) for (const { name, storage } of preset.definition.cookies) patterns[storage || 'cookie']!.push(name);
  for (const info of consent.categories) if (info.name == category) for (const store in patterns) patterns[store]!.push(...info.cookies);

  /** Removes the names `list` gives that `store`'s patterns match; a blocked store has nothing to delete. */
  const sweep = (store: string, list: () => string[], remove: (name: string) => void): void => {
    try {
      for (const name of list()) if (name != keep && patterns[store]!.some((pattern) => matchesName(pattern, name))) remove(name);
    } catch {
      // Cookies or storage blocked (sandboxed frame, opaque origin, browser settings).
    }
  };
  sweep(
    'cookie',
    () => doc.cookie.split(';').map((pair) => pair.split('=')[0]!.trim()),
    (name) => {
      for (const path of cookiePaths(loc.pathname))
        for (const domain of ['', ...cookieDomains(loc.hostname)]) doc.cookie = `${name}=; max-age=0; path=${path}${domain && '; domain=' + domain}`;
    },
  );
  for (const store of ['localStorage', 'sessionStorage'] as const)
    sweep(
      store,
      () => Array.from({ length: win[store].length }, (_, i) => win[store].key(i)!),
      (key) => win[store].removeItem(key),
    );
}
