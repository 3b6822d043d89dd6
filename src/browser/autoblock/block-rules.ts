import type { BlockRule, Consent, PresetDefinition } from '../../core/types';
import { internalsOf } from '../../core/internals';

export type Rule = Required<BlockRule>;

/**
 * A path as rules compare it: percent-escapes decoded and lower case, so that `/%74/` and `/T/`
 * are `/t/` (servers commonly treat them alike; holding more is the safe side).
 */
export function normalPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A stray `%`: compared as written.
  }
  return decoded.toLowerCase();
}

/** Before a valid config has decided, a held element waits for this category, which is never granted. */
export const UNDECIDED = '';

/** Each preset's `hosts` (`host` or `host/path-prefix`) under the preset's category; hosts lower-cased once here. */
export function presetRules(presets: ReadonlyArray<{ definition: PresetDefinition; category: string }>): Rule[] {
  const rules: Rule[] = [];
  for (const { definition, category } of presets)
    for (const entry of definition.hosts) {
      const slash = (entry + '/').indexOf('/');
      rules.push({ host: entry.slice(0, slash).toLowerCase(), path: normalPath(entry.slice(slash)), category });
    }
  return rules;
}

/** The entries of a `blockList` that name a host (from a config that may be invalid). */
export function listRules(blockList: unknown): Rule[] {
  const rules: Rule[] = [];
  if (!Array.isArray(blockList)) return rules;
  for (const entry of blockList) {
    if (typeof entry?.host != 'string') continue;
    const path = typeof entry.path == 'string' ? entry.path : '';
    const category = typeof entry.category == 'string' ? entry.category : UNDECIDED;
    rules.push({ host: entry.host.toLowerCase(), path: normalPath(path), category });
  }
  return rules;
}

/** A valid instance's rules: its presets' hosts, then its `blockList`. */
export function blockRules(consent: Consent): Rule[] {
  return [...presetRules(internalsOf(consent).presets), ...listRules(internalsOf(consent).config.blockList)];
}

/** Whether `host` is `ruleHost` or one of its subdomains. */
export const onHost = (host: string, ruleHost: string): boolean => host == ruleHost || host.endsWith('.' + ruleHost);

/**
 * The category of the first rule matching `url`: its host is the rule's host or a subdomain
 * of it, and its path is the rule's path or below it (`/t` matches `/t` and `/t/p.gif`, not `/tx`),
 * both compared as `normalPath` gives them.
 */
export function blockedCategory(rules: Rule[], url: URL): string | undefined {
  const host = url.hostname.replace(/\.$/, '');
  const path = normalPath(url.pathname);
  const matches = (rule: Rule): boolean =>
    onHost(host, rule.host) && (path == rule.path || path.startsWith(rule.path.replace(/\/?$/, '/')));
  return rules.find(matches)?.category;
}

/**
 * Whether a held script is a copy of one a preset already loaded: the same host and path (any
 * scheme, so `//bat.bing.com/bat.js` is `https://bat.bing.com/bat.js`), and every query
 * parameter of the preset's URL with the same value (react-gtm-module adds `gtm_auth`,
 * `gtm_preview` and `gtm_cookies_win` to GTM's `?id=`; another id is another container).
 */
export function copiesPresetScript(presetScripts: URL[], url: URL): boolean {
  return presetScripts.some(
    (loaded) =>
      loaded.hostname == url.hostname &&
      loaded.pathname == url.pathname &&
      [...loaded.searchParams].every(([name, value]) => url.searchParams.getAll(name).includes(value)),
  );
}
