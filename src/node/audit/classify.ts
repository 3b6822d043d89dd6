// Says what a request, cookie or storage key is. The site's config is asked first (its declared
// categories win), then every shipped preset, then the Open Cookie Database; what none of them
// knows is `unclassified` and reported, never passed as essential.
import type { ConsentConfig, PresetDefinition, PresetEntry, PresetRegistry } from '../../core/types';
import { databaseVersion, type CookieDatabase } from './open-cookie-database';
import type { Classification } from './types';

interface HostRule {
  host: string;
  path: string;
  result: Classification;
}

interface NameRule {
  /** Exact name, or a prefix when `prefix` is set. */
  name: string;
  prefix: boolean;
  storage: 'cookie' | 'localStorage' | 'sessionStorage' | 'any';
  /** The name belongs to these hosts only (Open Cookie Database); empty: any. */
  domains: string[];
  result: Classification;
}

export type StorageKind = 'cookie' | 'localStorage' | 'sessionStorage' | 'indexedDB';

export const UNCLASSIFIED = 'unclassified';

/** `www.googletagmanager.com/gtag/` → host and path prefix, as presets and block rules write them. */
function splitHost(entry: string): { host: string; path: string } {
  const slash = entry.indexOf('/');
  return slash < 0
    ? { host: entry.toLowerCase(), path: '/' }
    : { host: entry.slice(0, slash).toLowerCase(), path: entry.slice(slash) };
}

const hostMatches = (host: string, rule: string): boolean => host == rule || host.endsWith('.' + rule);

/** `_ga_*` → prefix `_ga_`; `_ga` → exact. */
function namePattern(pattern: string): { name: string; prefix: boolean } {
  return pattern.endsWith('*') ? { name: pattern.slice(0, -1), prefix: true } : { name: pattern, prefix: false };
}

/** The consent manager's own requests: the script-tag files, wherever they are served from. */
const CONSENTRY_FILE = /\/consentry(?:-ui|-check|-debug|\.full)?\.js$|\/consentry@[^/]+\/dist\/|\/consentry\/dist\//;

export interface ClassifierOptions {
  config: ConsentConfig | undefined;
  registry: PresetRegistry;
  database: CookieDatabase;
  /** The version of the presets (the package's), named in evidence. */
  presetsVersion: string;
}

export class Classifier {
  private readonly hostRules: HostRule[] = [];
  private readonly nameRules: NameRule[] = [];
  private readonly databaseHosts: HostRule[] = [];
  private readonly databaseNames: NameRule[] = [];
  private readonly databaseLabel: string;
  /** The consent cookie's name. */
  readonly consentCookie: string;

  constructor(options: ClassifierOptions) {
    const { config, registry, database } = options;
    this.consentCookie = config?.cookie?.name ?? 'consentry';
    const entries = (config?.presets ?? []) as PresetEntry[];
    entries.forEach((entry, index) => {
      const definition = registry[entry.name];
      if (!definition) return;
      const category = typeof entry.category == 'string' ? entry.category : definition.category;
      const result: Classification = {
        category,
        vendor: definition.label,
        source: 'config',
        preset: definition.name,
        by: `config presets[${index}] (${definition.name})`,
      };
      this.addPreset(definition, result);
      if (typeof entry.src == 'string') {
        try {
          const src = new URL(entry.src, 'https://site.invalid/');
          if (src.hostname != 'site.invalid') this.hostRules.push({ host: src.hostname, path: src.pathname, result });
        } catch {
          // An unparsable src is the checker's to report.
        }
      }
    });
    (config?.blockList ?? []).forEach((rule, index) => {
      this.hostRules.push({
        host: rule.host.toLowerCase(),
        path: rule.path ?? '/',
        result: { category: rule.category, vendor: rule.host, source: 'config', by: `config blockList[${index}]` },
      });
    });
    for (const [name, category] of Object.entries(config?.categories ?? {}))
      for (const pattern of category?.cookies ?? [])
        this.nameRules.push({
          ...namePattern(pattern),
          storage: 'any',
          domains: [],
          result: { category: name, vendor: name, source: 'config', by: `config categories.${name}.cookies` },
        });
    for (const definition of Object.values(registry))
      this.addPreset(definition, {
        category: definition.category,
        vendor: definition.label,
        source: 'preset',
        preset: definition.name,
        by: `preset ${definition.name} (consentry ${options.presetsVersion})`,
      });

    this.databaseLabel = `Open Cookie Database ${databaseVersion(database)}`;
    for (const entry of database.entries) {
      const result: Classification = {
        category: entry.category,
        vendor: entry.platform,
        source: 'open-cookie-database',
        by: `${this.databaseLabel}: ${entry.platform}`,
      };
      for (const domain of entry.domains) this.databaseHosts.push({ host: domain, path: '/', result });
      for (const name of entry.names)
        this.databaseNames.push({ name, prefix: false, storage: 'any', domains: entry.domains, result });
      for (const name of entry.prefixes)
        this.databaseNames.push({ name, prefix: true, storage: 'any', domains: entry.domains, result });
    }
  }

  private addPreset(definition: PresetDefinition, result: Classification): void {
    for (const host of definition.hosts) this.hostRules.push({ ...splitHost(host), result });
    for (const cookie of definition.cookies)
      this.nameRules.push({
        ...namePattern(cookie.name),
        storage: cookie.storage ?? 'cookie',
        domains: [],
        result,
      });
  }

  /** A request: the consent manager's files and log, then config and presets by host and path, then the database's hosts. */
  request(url: URL, options: { logEndpoint?: string } = {}): Classification {
    const host = url.hostname.toLowerCase();
    if (CONSENTRY_FILE.test(url.pathname) || (options.logEndpoint && url.href.startsWith(options.logEndpoint)))
      return {
        category: 'essential',
        vendor: 'Consentry',
        source: 'consent-manager',
        by: 'the consent manager itself',
      };
    const rule = this.hostRules.find((r) => hostMatches(host, r.host) && url.pathname.startsWith(r.path));
    if (rule) return rule.result;
    const database = this.mostSpecific(this.databaseHosts.filter((r) => hostMatches(host, r.host)));
    return database ?? this.unknown(host);
  }

  /** A cookie or storage key by name (and, for cookies, the domain it is set on). */
  name(kind: StorageKind, name: string, domain = ''): Classification {
    if (kind == 'cookie' && name == this.consentCookie)
      return { category: 'essential', vendor: 'Consentry', source: 'consent-manager', by: 'the consent cookie' };
    if (kind != 'cookie' && /^consentry[-_.:]/i.test(name))
      return {
        category: 'essential',
        vendor: 'Consentry',
        source: 'consent-manager',
        by: 'the consent manager itself',
      };
    const storage = kind == 'indexedDB' ? 'localStorage' : kind;
    const matches = (rule: NameRule) =>
      (rule.storage == 'any' || rule.storage == storage) &&
      (rule.prefix ? name.startsWith(rule.name) : name == rule.name);
    // The longest pattern wins: `_hjSession_*` before `_hj*`.
    const own = this.nameRules.filter(matches).sort((a, b) => b.name.length - a.name.length)[0];
    if (own) return own.result;
    const bare = domain.replace(/^\./, '').toLowerCase();
    const found = this.databaseNames.filter(
      (rule) => matches(rule) && (!rule.domains.length || !bare || rule.domains.some((d) => hostMatches(bare, d))),
    );
    // Exact names before prefixes, names tied to this domain before names of any domain.
    const best = (list: NameRule[]) => {
      const exact = list.filter((rule) => !rule.prefix);
      const pool = exact.length ? exact : list.sort((a, b) => b.name.length - a.name.length).slice(0, 1);
      const tied = pool.filter((rule) => rule.domains.length);
      return tied.length ? tied : pool;
    };
    return this.agreed(best(found)) ?? this.unknown(name);
  }

  /**
   * One answer when the database's candidates agree on the category; otherwise unclassified,
   * saying why. For hosts (`mixed`), candidates that disagree only between non-essential
   * categories still make a non-essential host: the first one answers.
   */
  private agreed(rules: NameRule[], mixed = false): Classification | undefined {
    if (!rules.length) return undefined;
    const categories = [...new Set(rules.map((rule) => rule.result.category))];
    if (categories.length == 1 || (mixed && !categories.includes('essential'))) return rules[0]!.result;
    return {
      category: UNCLASSIFIED,
      vendor: rules.map((rule) => rule.result.vendor).join(' / '),
      source: 'open-cookie-database',
      by: `${this.databaseLabel}: ambiguous (${rules.map((r) => `${r.result.vendor}: ${r.result.category}`).join(', ')})`,
    };
  }

  private mostSpecific(rules: HostRule[]): Classification | undefined {
    if (!rules.length) return undefined;
    const longest = Math.max(...rules.map((rule) => rule.host.length));
    return this.agreed(
      rules
        .filter((rule) => rule.host.length == longest)
        .map((rule) => ({ name: rule.host, prefix: false, storage: 'any', domains: [], result: rule.result })),
      true,
    );
  }

  private unknown(what: string): Classification {
    return { category: UNCLASSIFIED, vendor: what, source: 'none', by: 'no source knows it' };
  }
}

/** Non-essential: anything but `essential` (unclassified included: it is reported on its own). */
export const isEssential = (classification: Classification): boolean => classification.category == 'essential';
export const isUnclassified = (classification: Classification): boolean => classification.category == UNCLASSIFIED;
