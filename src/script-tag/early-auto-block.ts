// Auto-blocking starts before the config is validated or fetched, so nothing slips through
// while it is read: until a valid config decides, every host that a known preset or a readable
// `blockList` entry names is held.
import { listRules, presetRules, UNDECIDED, type Rule } from '../browser/autoblock/block-rules';
import { installAutoBlock, type AutoBlock } from '../browser/autoblock/install-auto-block';
import type { PageState } from '../browser/page-state';
import type { PresetDefinition, PresetRegistry } from '../core/types';
import type { ConfigSource } from './read-config';
import { isObject } from '../core/config/is-object';
import addOnHosts from './add-on-hosts.json';

/**
 * Whether to hold before the config is known: `"autoBlock": true` in a config object (valid or
 * not); in a `data-config` that is not valid JSON, the text `"autoBlock": true`; always while a
 * `data-config-url` is fetched (a config that arrives with auto-blocking off lets it all go).
 */
export function wantsAutoBlock(source: ConfigSource, script: HTMLScriptElement | null): boolean {
  if ('url' in source) return true;
  if ('config' in source) return isObject(source.config) && source.config.autoBlock === true;
  return /"autoBlock"\s*:\s*true\b/.test(script?.getAttribute('data-config') || '');
}

/**
 * Every host of every preset the page could name, and of the config's readable `blockList` entries.
 * The add-on presets' hosts are listed here too (add-on-hosts.json, kept equal to the presets by a
 * test): their files arrive after the page's own scripts may have started sending.
 */
export function provisionalRules(registry: PresetRegistry, source: ConfigSource): Rule[] {
  const presets = [...Object.values(registry), ...Object.values(addOnHosts).map((hosts) => ({ hosts }))].map(
    (definition) => ({ definition: definition as PresetDefinition, category: UNDECIDED }),
  );
  const config = 'config' in source && isObject(source.config) ? source.config : {};
  return [...presetRules(presets), ...listRules(config.blockList)];
}

/**
 * Installs auto-blocking before the config is validated or fetched, when `wantsAutoBlock` says the
 * page asks for it; undefined otherwise. The script tag's files that carry auto-blocking pass this
 * to the boot; a site's own build whose config does not use it leaves it, and all of the above, out.
 */
export function startAutoBlockEarly(
  registry: PresetRegistry,
  source: ConfigSource,
  script: HTMLScriptElement | null,
  options: { nonce?: string; pageState: PageState },
): AutoBlock | undefined {
  if (!wantsAutoBlock(source, script)) return undefined;
  return installAutoBlock({ rules: provisionalRules(registry, source), ...options });
}
