// Advice for the mistakes people make most when they copy ids and names from a vendor's
// console or from another consent tool: more specific than the schema's description, so the
// checker prints it instead.
import type { ConfigIssue, PresetRegistry } from '../../core/types';
import { hasOwn } from '../../core/has-own';
import { CATEGORY_NAME } from '../../core/config/validate';

/** Names other tools and vendors' old brands use, and the preset that loads that tag here. */
const PRESET_ALIASES: Record<string, string> = {
  'facebook-pixel': 'meta-pixel',
  facebook: 'meta-pixel',
  'fb-pixel': 'meta-pixel',
  meta: 'meta-pixel',
  ga4: 'google-analytics',
  gtag: 'google-analytics',
  'universal-analytics': 'google-analytics',
  gtm: 'google-tag-manager',
  'tag-manager': 'google-tag-manager',
  adwords: 'google-ads',
  'google-adwords': 'google-ads',
  linkedin: 'linkedin-insight',
  'linkedin-insight-tag': 'linkedin-insight',
  bing: 'microsoft-uet',
  'bing-ads': 'microsoft-uet',
  uet: 'microsoft-uet',
  tiktok: 'tiktok-pixel',
};

/** Ids that belong to another Google product than the `google-analytics` preset. */
function googleAnalyticsIdAdvice(id: string): string | undefined {
  if (/^UA-/i.test(id))
    // https://support.google.com/analytics/answer/11583528 (Universal Analytics has been replaced by GA4)
    // https://support.google.com/analytics/answer/12270356 (find your measurement ID)
    return (
      '"UA-" ids are Universal Analytics, which Google has retired (it no longer processes data). ' +
      'Use the GA4 measurement id ("G-…"): in Google Analytics, Admin → Data collection and modification → ' +
      'Data streams → your web stream → Measurement ID.'
    );
  if (/^GTM-/i.test(id))
    return 'a "GTM-" id is a Google Tag Manager container: use { "name": "google-tag-manager", "id": "' + id + '" }.';
  if (/^AW-/i.test(id)) return 'an "AW-" id is a Google Ads account: use { "name": "google-ads", "id": "' + id + '" }.';
  return undefined;
}

/**
 * How to declare the category a preset or `blockList` entry names, when it is none of the
 * declared ones (and not one of them spelt another way: the message names that one already).
 */
function categoryAdvice(issue: ConfigIssue): string | undefined {
  const named = /got "([^"]*)": declare it under "categories"$/.exec(issue.message)?.[1];
  if (named === undefined) return undefined;
  // Category names are lower-case identifiers: "Social Media" is declared as "social_media".
  const name = CATEGORY_NAME.test(named)
    ? named
    : named
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, '_')
        .replace(/^[^a-z]+/, '');
  if (!CATEGORY_NAME.test(name)) return undefined;
  const label = name.charAt(0).toUpperCase() + name.slice(1).replace(/[_-]/g, ' ');
  const use = name == named ? '' : `, and use "${name}" here`;
  return (
    `declare it at the top level of the file${use}: "categories": { "${name}": { "label": "${label}", ` +
    `"description": "What it is for, as the banner shows it" } } (keep any categories already declared there).`
  );
}

/**
 * Advice for one problem of a config file, or undefined when the schema's hint says it best.
 * ```ts
 * adviceFor({ path: 'presets[0].name', message: 'unknown preset "facebook-pixel"' }, config, registry)
 * // 'use "meta-pixel", the preset for Meta Pixel: { "name": "meta-pixel", … }.'
 * ```
 */
export function adviceFor(issue: ConfigIssue, config: unknown, registry: PresetRegistry): string | undefined {
  if (issue.path.endsWith('.category')) return categoryAdvice(issue);
  const match = /^presets\[(\d+)\]\.(name|id)$/.exec(issue.path);
  if (!match) return undefined;
  const presets = (config as { presets?: unknown })?.presets;
  const entry = Array.isArray(presets) ? (presets[Number(match[1])] as Record<string, unknown>) : undefined;
  if (!entry || typeof entry != 'object') return undefined;
  if (match[2] == 'id' && entry.name == 'google-analytics' && typeof entry.id == 'string')
    return googleAnalyticsIdAdvice(entry.id);
  const name = typeof entry.name == 'string' ? entry.name.toLowerCase() : '';
  const preset = hasOwn(PRESET_ALIASES, name) ? PRESET_ALIASES[name]! : undefined;
  if (match[2] == 'name' && preset && registry[preset])
    return `use "${preset}", the preset for ${registry[preset]!.label}: { "name": "${preset}", … }.`;
  return undefined;
}
