import type { BlockRule, Consent } from '../types';

export type Rule = Required<BlockRule>;

/**
 * Auto-blocking rules: each preset's `hosts` (`host` or `host/path-prefix`) under the preset's
 * category, then the config's `blockList`.
 */
export function blockRules(consent: Consent): Rule[] {
  const rules: Rule[] = [];
  for (const { definition, category } of consent.presets)
    for (const entry of definition.hosts) {
      const slash = entry.indexOf('/');
      rules.push(slash < 0 ? { host: entry, path: '', category } : { host: entry.slice(0, slash), path: entry.slice(slash), category });
    }
  for (const rule of consent.config.blockList || []) rules.push({ path: '', ...rule });
  return rules;
}

/**
 * The category of the first rule matching `url`: its host is the rule's host or a subdomain
 * of it, and its path is the rule's path or below it (`/t` matches `/t` and `/t/p.gif`, not `/tx`).
 */
export function blockedCategory(rules: Rule[], url: URL): string | undefined {
  const host = url.hostname.replace(/\.$/, '');
  const path = url.pathname;
  for (const { host: h, path: p, category } of rules) {
    const lower = h.toLowerCase();
    if ((host == lower || host.endsWith('.' + lower)) && (path == p || path.startsWith(p.endsWith('/') ? p : p + '/'))) return category;
  }
}
