import type { BlockRule, Consent } from '../types';

export type Rule = Required<BlockRule>;

/**
 * Auto-blocking rules: each preset's `hosts` (`host` or `host/path-prefix`) under the preset's
 * category, then the config's `blockList`; hosts lower-cased once here, not on every check.
 */
export function blockRules(consent: Consent): Rule[] {
  const rules: Rule[] = [];
  const add = (host: string, path: string, category: string) =>
    rules.push({ host: host.toLowerCase(), path, category });
  for (const { definition, category } of consent.presets)
    for (const entry of definition.hosts) {
      const slash = (entry + '/').indexOf('/');
      add(entry.slice(0, slash), entry.slice(slash), category);
    }
  for (const { host, path = '', category } of consent.config.blockList || []) add(host, path, category);
  return rules;
}

/** Whether `host` is `ruleHost` or one of its subdomains. */
export const onHost = (host: string, ruleHost: string): boolean => host == ruleHost || host.endsWith('.' + ruleHost);

/**
 * The category of the first rule matching `url`: its host is the rule's host or a subdomain
 * of it, and its path is the rule's path or below it (`/t` matches `/t` and `/t/p.gif`, not `/tx`).
 */
export function blockedCategory(rules: Rule[], url: URL): string | undefined {
  const host = url.hostname.replace(/\.$/, '');
  const path = url.pathname;
  return rules.find(
    (rule) => onHost(host, rule.host) && (path == rule.path || path.startsWith(rule.path.replace(/\/?$/, '/'))),
  )?.category;
}
