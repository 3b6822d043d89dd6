// Validates a whole config and reports every problem at once, each with its path.
import type { ConfigIssue, PresetRegistry } from '../types';
import { bool, fail, isObject, join, list, number, oneOf, shape, text, url, type Check } from './checks';
import { addOnHint } from './add-on-presets';
import { categoryNames, definitionOf } from './resolve';
import { didYouMean, misspelt } from './suggest';
import { ownCopy } from './own-copy';

export const CATEGORY_NAME = /^[a-z][a-z0-9_-]{0,31}$/;
/**
 * The most categories `categories` may declare. A decision is one cookie holding a choice per
 * category, and browsers keep at most 4,096 bytes of a cookie (RFC 6265bis §5.7), beyond which
 * it is never stored and the visitor is asked on every page: 50 names of 32 characters plus the
 * built-in three come to about 2,000 (test/unit/core/record-codec.test.ts measures the longest).
 */
export const MAX_CATEGORIES = 50;
const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;
const host = text(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i, 'a host like "example.com"');
const path = text(/^\/\S*$/, 'a path like "/"');
const signal = oneOf('deny-sale', 'deny-all', 'ignore');

const categories: Check = (value, at, issues) => {
  shape(
    {
      '*': shape({
        label: text(),
        description: text(),
        sale: bool,
        cookies: list(text(/^[^\s;,=]+$/, 'a cookie name like "_ga" or "_ga_*"')),
        google: list(oneOf('functionality_storage', 'personalization_storage')),
        links: list(shape({ label: text(), url: url() }, ['label', 'url'])),
      }),
    },
    [],
    CATEGORY_NAME,
    'a name like "functional"',
  )(value, at, issues);
  const count = isObject(value) ? Object.keys(value).length : 0;
  if (count > MAX_CATEGORIES)
    issues.push({
      path: at,
      message: `expected at most ${MAX_CATEGORIES} categories, got ${count}: each decision is stored in one cookie, and browsers keep at most 4 KB of a cookie`,
    });
};

const presetEntry =
  (category: Check, registry?: PresetRegistry): Check =>
  (entry, at, issues) => {
    if (!isObject(entry)) return fail(issues, at, 'a preset like { "name": "pendo", ... }', entry);
    const definition = definitionOf(entry, registry);
    if (!definition) {
      const name = entry.name;
      const names = Object.keys(registry ?? {});
      // Without a registry (npm, config read as JSON) every name is unknown: say how to bring the presets in.
      const advice = registry
        ? didYouMean(String(name), names)
        : ': to use names, pass { registry: presetRegistry } from "consentry/presets"';
      if (typeof name == 'string')
        issues.push({ path: join(at, 'name'), message: addOnHint(name) ?? `unknown preset "${name}"${advice}` });
      else fail(issues, join(at, 'name'), 'a preset name like ' + JSON.stringify(names[0] ?? 'google-analytics'), name);
      return;
    }
    const fields: Record<string, Check> = { name: text(), category, src: url() };
    for (const option of definition.options) fields[option] = () => {};
    shape(fields)(entry, at, issues);
    try {
      for (const issue of definition.validate(entry as never))
        if (!misspelt(entry, issue.path, Object.keys(fields))) issues.push({ ...issue, path: join(at, issue.path) });
    } catch {
      issues.push({ path: at, message: 'its preset could not check it' });
    }
  };

/**
 * Checks the config's `gpp` in full, given the config's category names: `checkGpp` of the GPP
 * add-on (or of `consentry build` and the CLI, which carry it).
 */
export type GppCheck = (value: unknown, categories: readonly string[]) => ConfigIssue[];

/**
 * Every problem in `config`, each with its path; an empty list means valid. Never throws.
 * Without `gpp`, only an object is asked for at `gpp`: whoever starts GPP checks the rest.
 */
export function validateConfig(given: unknown, registry?: PresetRegistry, gpp?: GppCheck): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  // What the engine will read: own properties only (see own-copy.ts).
  const config = ownCopy(given);
  const names = categoryNames(config);
  // An undeclared category is most often a declared one spelt another way ("Marketing" for
  // "marketing"), else a custom one the site forgot to declare.
  const category: Check = (value, at, found) => {
    if (names.includes(value as string)) return;
    const advice = typeof value == 'string' ? didYouMean(value, names) || ': declare it under "categories"' : '';
    fail(found, at, `one of "${names.join('", "')}"`, value, advice);
  };
  shape({
    // Where editors find the JSON Schema (`"$schema": "./node_modules/consentry/dist/schema.json"`).
    $schema: text(),
    categories,
    presets: list(presetEntry(category, registry)),
    mode: oneOf('opt-in', 'opt-out', 'auto'),
    region: text(/^[a-z]{2}(-[a-z0-9]{1,3})?$/i, 'a region like "DE" or "US-CA"'),
    signals: shape({ gpc: signal, dnt: signal }),
    revision: number(0, 1e9, true),
    cookie: shape({ name: text(/^[\w-]{1,64}$/, 'a name like "consentry"'), domain: host, path, days: number(1, 395) }),
    googleConsentMode: (value, at, issues) =>
      value === !!value ||
      shape({
        mode: oneOf('basic', 'advanced'),
        waitForUpdate: number(0, 1e4, true),
        urlPassthrough: bool,
        adsDataRedaction: bool,
      })(value, at, issues),
    autoBlock: bool,
    blockList: list(shape({ host, path, category }, ['host', 'category'])),
    reloadOnRevoke: bool,
    nonce: text(/^[\w+/=-]+$/, 'a base64 nonce'),
    log: shape({ endpoint: url(), impressions: bool }, ['endpoint']),
    gpp: (value, at, found) =>
      gpp ? found.push(...gpp(value, names)) : isObject(value) || fail(found, at, 'an object', value),
    ui: shape({
      lang: text(/^(auto|[a-z]{2,3}(-[a-z0-9]{2,8})*)$/i, '"auto" or a language like "de"'),
      privacyPolicyUrl: url(true),
      reopenButton: bool,
      layout: oneOf('box', 'bar', 'bar-top', 'modal'),
      theme: oneOf('light', 'dark', 'auto'),
      shadow: bool,
      texts: shape(
        { '*': shape({ '*': text(/[^]*/) }, [], /^\w+$/, 'a text key') },
        [],
        LANGUAGE,
        'a language like "de"',
      ),
    }),
  })(config, '', issues);
  return issues;
}
