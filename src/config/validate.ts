// Validates a whole config and reports every problem at once, each with its path.
import { PRESET } from '../define-preset';
import type { ConfigIssue, PresetDefinition, PresetRegistry } from '../types';
import {
  bool, fail, isObject, join, list, number, oneOf, record, shape, text, url, type Check,
} from './checks';
import { didYouMean } from './suggest';

export const BUILT_IN_CATEGORIES = ['essential', 'analytics', 'advertising'];
export const CATEGORY_NAME = /^[a-z][a-z0-9_-]{0,31}$/;
const HOST = /^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i;
const SIGNAL = oneOf('deny-sale', 'deny-all', 'ignore');

const category = shape({
  label: text(),
  description: text(),
  sale: bool,
  cookies: list(text(/^[^\s;,=]+$/, 'a cookie name or "prefix*" pattern')),
  google: list(oneOf('functionality_storage', 'personalization_storage')),
});

/** The preset definition an entry refers to: carried by a factory-built entry, else looked up by name. */
export const definitionOf = (entry: Record<string, unknown>, registry?: PresetRegistry): PresetDefinition | undefined =>
  (entry as { [PRESET]?: PresetDefinition })[PRESET] ??
  (typeof entry.name === 'string' && registry && Object.prototype.hasOwnProperty.call(registry, entry.name)
    ? registry[entry.name]
    : undefined);

const presetEntry =
  (categories: string[], registry?: PresetRegistry): Check =>
  (value, path, issues) => {
    if (!isObject(value)) return fail(issues, path, 'an object like { "name": "google-analytics", "id": "G-ABC123" }', value);
    const definition = definitionOf(value, registry);
    if (!definition) {
      const names = Object.keys(registry ?? {});
      return typeof value.name === 'string'
        ? void issues.push({ path: join(path, 'name'), message: `unknown preset "${value.name}"${didYouMean(value.name, names)}` })
        : fail(issues, join(path, 'name'), 'a preset name' + (names.length ? ` (${names.join(', ')})` : ''), value.name);
    }
    const fields: Record<string, Check> = { name: text(), category: oneOf(...categories), src: url() };
    for (const option of definition.options) fields[option] ??= () => {};
    shape(fields)(value, path, issues);
    try {
      for (const issue of definition.validate(value as never)) issues.push({ path: join(path, issue.path), message: issue.message });
    } catch {
      issues.push({ path, message: `preset "${definition.name}" could not check its options` });
    }
  };

/** Every problem in `config`, each with its path; an empty list means valid. Never throws. */
export function validateConfig(config: unknown, registry?: PresetRegistry): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const declared = isObject(config) && isObject(config.categories) ? Object.keys(config.categories) : [];
  const categories = [...new Set([...BUILT_IN_CATEGORIES, ...declared])];
  shape({
    categories: record(CATEGORY_NAME, 'a category name of lower-case letters, digits, "-" and "_"', category),
    presets: list(presetEntry(categories, registry)),
    mode: oneOf('opt-in', 'opt-out', 'auto'),
    region: text(/^[a-z]{2}(-[a-z0-9]{1,3})?$/i, 'an ISO 3166 country or subdivision code like "DE" or "US-CA"'),
    signals: shape({ gpc: SIGNAL, dnt: SIGNAL }),
    revision: number(0, 1e9, true),
    cookie: shape({
      name: text(/^[\w-]{1,64}$/, 'a cookie name of letters, digits, "-" and "_"'),
      domain: text(HOST, 'a domain like ".example.com"'),
      path: text(/^\/[^\s;]*$/, 'a path starting with "/"'),
      days: number(1, 395),
    }),
    googleConsentMode: (value, path, issues) =>
      typeof value === 'boolean'
        ? undefined
        : shape({ mode: oneOf('basic', 'advanced'), waitForUpdate: number(0, 10000, true) })(value, path, issues),
    autoBlock: bool,
    blockList: list(
      shape(
        { host: text(HOST, 'a host name like "tracker.example"'), path: text(/^\/\S*$/, 'a path starting with "/"'), category: oneOf(...categories) },
        ['host', 'category'],
      ),
    ),
    reloadOnRevoke: bool,
    nonce: text(/^[\w+/=-]+$/, 'a nonce of base64 characters'),
    log: shape({ endpoint: url() }, ['endpoint']),
    ui: shape({
      lang: text(/^(auto|[a-z]{2,3}(-[a-z0-9]{2,8})*)$/i, '"auto" or a language tag like "de" or "pt-BR"'),
      privacyPolicyUrl: url(true),
      reopenButton: bool,
      layout: oneOf('bar', 'bar-top', 'box'),
      texts: record(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i, 'a language tag like "de"', record(/^\w+$/, 'a text key', text(/[^]*/))),
    }),
  })(config, '', issues);
  return issues;
}
