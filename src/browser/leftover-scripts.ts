// Vendor snippets a site kept in its HTML after adding Consentry: gtag.js, the Meta base code,
// and the like run before consent unless they are marked, and nothing else would say so. With
// auto-blocking off, the page's scripts are looked through against the presets' own `hosts`.
// The script tag fetches this as consentry-leftovers.js when it looks (src/script-tag/lazy-leftovers.ts).
import type { Consent, PresetRegistry } from '../core/types';
import { internalsOf } from '../core/internals';
import { blockedCategory, presetRules } from './autoblock/block-rules';

/** A vendor script that ran outside any gating while its category was not granted. */
export interface LeftoverScript {
  /** The script's URL. */
  src: string;
  /** The preset whose `hosts` it is on. */
  preset: string;
  /** The category that preset loads under on this site. */
  category: string;
}

/** `type` values a browser runs as a classic script or module (html.spec.whatwg.org/multipage/scripting.html#prepare-the-script-element). */
const RUNS = /^(|text\/javascript|application\/javascript|module)$/i;

/**
 * The vendor scripts of `doc` that run outside gating while their category is denied: on a
 * preset's hosts, not inserted by the runtime (`runtimeScripts`), not marked `data-consent`
 * (a gated script keeps the attribute once it runs). A script whose category is granted may be
 * one a granted vendor loaded, so it is not named.
 * ```ts
 * leftoverScripts(document, consent, registry, pageState.runtimeScripts)
 * // [{ src: 'https://connect.facebook.net/en_US/fbevents.js', preset: 'meta-pixel', category: 'advertising' }]
 * ```
 */
export function leftoverScripts(
  doc: Document,
  consent: Consent,
  registry: PresetRegistry,
  runtimeScripts: WeakSet<Element>,
): LeftoverScript[] {
  // The category each preset loads under here: as configured, else its own.
  const configured = new Map(internalsOf(consent).presets.map((preset) => [preset.definition.name, preset.category]));
  const presets = Object.values(registry).map((definition) => {
    const category = configured.get(definition.name) ?? definition.category;
    return { name: definition.name, category, rules: presetRules([{ definition, category }]) };
  });
  const found: LeftoverScript[] = [];
  for (const script of doc.querySelectorAll<HTMLScriptElement>('script[src]')) {
    if (runtimeScripts.has(script) || script.hasAttribute('data-consent')) continue;
    if (!RUNS.test((script.getAttribute('type') ?? '').trim())) continue;
    let url: URL;
    try {
      url = new URL(script.src);
    } catch {
      continue;
    }
    const preset = presets.find((entry) => blockedCategory(entry.rules, url) !== undefined);
    if (preset && !consent.state[preset.category])
      found.push({ src: url.href, preset: preset.name, category: preset.category });
  }
  return found;
}

/** The console warning for `found`: each script, then the three ways to fix it. */
export function leftoverWarning(found: LeftoverScript[]): string {
  const lines = found.map(
    ({ src, preset, category }) =>
      `  ${src} (${preset}): mark it <script type="text/plain" data-consent="${category}" src="…">, ` +
      `or remove it and name the "${preset}" preset in the config`,
  );
  return (
    `consentry: ${found.length == 1 ? 'a vendor script runs' : 'vendor scripts run'} outside consent gating, ` +
    `before consent:\n${lines.join('\n')}\nor turn on "autoBlock": true to hold them.`
  );
}
