// `consentry audit <url> --propose consent.json`: a config for what the site was seen to load.
// Presets for the vendors recognised, with the ids their request URLs carry; the remaining
// third-party hosts the Open Cookie Database knows as block rules; the remaining cookies under
// their categories. Checked with the same validator as `consentry check` before it is written.
import { validateConfig } from '../../core/config/validate';
import type { BlockRule, CategoryConfig, ConsentConfig, PresetEntry, PresetRegistry } from '../../core/types';
import { isEssential, isUnclassified } from './classify';
import type { PhaseRecord } from './types';

interface IdPattern {
  preset: string;
  option: 'id' | 'apiKey';
  pattern: RegExp;
  /** Turns the captured text into the option's value. */
  format?: (captured: string) => string;
}

// The ids as the vendors' own tags put them in their URLs (each preset's loader in presets/).
const ID_PATTERNS: IdPattern[] = [
  {
    preset: 'google-analytics',
    option: 'id',
    pattern: /googletagmanager\.com\/gtag\/js\?(?:.*&)?id=(G-[A-Z0-9]{4,12})\b/,
  },
  {
    preset: 'google-analytics',
    option: 'id',
    pattern: /google-analytics\.com\/(?:g\/)?collect\?(?:.*&)?tid=(G-[A-Z0-9]{4,12})\b/,
  },
  {
    preset: 'google-tag-manager',
    option: 'id',
    pattern: /googletagmanager\.com\/gtm\.js\?(?:.*&)?id=(GTM-[A-Z0-9]{4,10})\b/,
  },
  { preset: 'google-ads', option: 'id', pattern: /googletagmanager\.com\/gtag\/js\?(?:.*&)?id=(AW-\d+)\b/ },
  {
    preset: 'google-ads',
    option: 'id',
    pattern: /(?:googleadservices\.com|doubleclick\.net|google\.com)\/pagead\/(?:viewthrough)?conversion\/(\d+)/,
    format: (id) => `AW-${id}`,
  },
  { preset: 'meta-pixel', option: 'id', pattern: /connect\.facebook\.net\/signals\/config\/(\d{15,16})\b/ },
  { preset: 'meta-pixel', option: 'id', pattern: /facebook\.com\/tr\/?\?(?:.*&)?id=(\d{15,16})\b/ },
  { preset: 'linkedin-insight', option: 'id', pattern: /ads\.linkedin\.com\/collect\/?\?(?:.*&)?pid=(\d{4,12})\b/ },
  { preset: 'microsoft-uet', option: 'id', pattern: /bat\.bing\.com\/action\/0\?(?:.*&)?ti=(\d{4,12})\b/ },
  {
    preset: 'tiktok-pixel',
    option: 'id',
    pattern: /tiktok\.com\/i18n\/pixel\/events\.js\?(?:.*&)?sdkid=([A-Z0-9]{16,24})\b/,
  },
  {
    preset: 'pendo',
    option: 'apiKey',
    pattern: /pendo\.io\/agent\/static\/([\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12})\//,
  },
  { preset: 'hotjar', option: 'id', pattern: /static\.hotjar\.com\/c\/hotjar-(\d{4,10})\.js/ },
  { preset: 'microsoft-clarity', option: 'id', pattern: /clarity\.ms\/tag\/([a-z0-9]{8,12})\b/ },
  { preset: 'intercom', option: 'id', pattern: /widget\.intercom\.io\/widget\/([a-z0-9]{8})\b/ },
  { preset: 'hubspot', option: 'id', pattern: /js(?:-eu1)?\.hs-scripts\.com\/(\d{3,12})\.js/ },
  { preset: 'pinterest-tag', option: 'id', pattern: /ct\.pinterest\.com\/v3\/?\?(?:.*&)?tid=(\d{13})\b/ },
];

export interface Proposal {
  config: ConsentConfig;
  /** What the proposal says about itself: presets found, what was left out and why. */
  notes: string[];
}

const LABELS: Record<string, string> = { functional: 'Functional' };

export function proposeConfig(records: PhaseRecord[], registry: PresetRegistry): Proposal {
  const notes: string[] = [];
  const presets = new Map<string, PresetEntry>();
  const requests = records.flatMap((record) => record.requests);
  for (const request of requests)
    for (const { preset, option, pattern, format } of ID_PATTERNS) {
      const found = pattern.exec(request.url)?.[1];
      if (!found || presets.has(preset) || !registry[preset]) continue;
      const entry: PresetEntry = { name: preset, [option]: format ? format(found) : found };
      // Only an entry the preset accepts: a malformed id seen in a URL is left to the person.
      if (validateConfig({ presets: [entry] }, registry).length) continue;
      presets.set(preset, entry);
      notes.push(`preset ${preset} with ${option} ${String(entry[option])} (from ${new URL(request.url).host})`);
    }

  const blockList: BlockRule[] = [];
  const blockedHosts = new Set<string>();
  const covered = (preset: string | undefined) => !!preset && presets.has(preset);
  for (const request of requests) {
    const c = request.classification;
    if (!request.thirdParty || isEssential(c) || covered(c.preset) || blockedHosts.has(request.host)) continue;
    if (isUnclassified(c)) {
      notes.push(`left out: ${request.host} (no source knows it; add a block rule if it tracks)`);
      blockedHosts.add(request.host);
      continue;
    }
    blockedHosts.add(request.host);
    blockList.push({ host: request.host, category: c.category });
    notes.push(
      `block rule for ${request.host} under ${c.category} (${c.vendor}${c.preset ? `: preset ${c.preset} seen, but no id in its URLs` : ''})`,
    );
  }

  const categories: Record<string, CategoryConfig> = {};
  const placed = new Set<string>();
  for (const cookie of records.flatMap((record) => record.cookies)) {
    const c = cookie.classification;
    if (placed.has(cookie.name) || isEssential(c) || covered(c.preset) || cookie.thirdParty) continue;
    placed.add(cookie.name);
    if (isUnclassified(c)) {
      notes.push(`left out: cookie ${cookie.name} (no source knows it)`);
      continue;
    }
    // Written out rather than with ??=: the Node files keep to ES2020 like the rest of the package.
    if (!categories[c.category]) categories[c.category] = LABELS[c.category] ? { label: LABELS[c.category] } : {};
    const category = categories[c.category]!;
    if (!category.cookies) category.cookies = [];
    category.cookies.push(cookie.name);
    notes.push(`cookie ${cookie.name} under ${c.category} (${c.by})`);
  }
  const usesAutoBlock = blockList.length > 0;
  for (const rule of blockList)
    if (!['analytics', 'advertising'].includes(rule.category) && !categories[rule.category])
      categories[rule.category] = LABELS[rule.category] ? { label: LABELS[rule.category] } : {};

  const config: ConsentConfig = {
    ...(Object.keys(categories).length ? { categories } : {}),
    presets: [...presets.values()],
    ...(usesAutoBlock ? { autoBlock: true, blockList } : {}),
  };
  return { config, notes };
}
