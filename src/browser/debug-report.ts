// `Consentry.debug()`: what a site owner checks when "analytics shows no data", printed as
// console tables. Loaded only when called (the script tag fetches consentry-debug.js).
import { blockedCategory, type Rule } from './autoblock/block-rules';
import { HELD } from './held-markup';
import type { Consent, ResolvedPreset } from '../core/types';
import { internalsOf } from '../core/internals';
import { DEFAULT_SIGNALS } from '../core/signals';
import type { LeftoverScript } from './leftover-scripts';

/** What the runtime found on the page, beyond the instance. */
export interface DebugPage {
  /** Vendor scripts that ran outside consent gating while their category was denied. */
  leftoverScripts?: readonly LeftoverScript[];
}

/** Why the instance runs in its mode: the configured mode, or what `auto` decided from. */
function modeReason(consent: Consent): string {
  const { mode, region } = internalsOf(consent).config;
  if (consent.error) return 'invalid config: everything non-essential stays denied';
  if (mode != 'auto') return mode ? `"mode": "${mode}" in the config` : 'no "mode" in the config: opt-in';
  if (region) return `"mode": "auto" with region ${region}`;
  let zone = 'unknown';
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    // Intl missing: the mode falls back to opt-in.
  }
  return `"mode": "auto" from the browser's time zone ${zone}`;
}

/** Where a category's current state comes from. */
function stateSource(consent: Consent, name: string, locked: boolean): string {
  if (locked) return 'always on';
  if (consent.signalDenied.includes(name) && !consent.state[name])
    return consent.signals.gpc ? 'Global Privacy Control' : 'Do Not Track';
  if (consent.decided) return `visitor (${consent.record.source})`;
  return `default of ${consent.mode}`;
}

/** Vendor URLs this page requested so far (Resource Timing), for telling "loaded" from "asked for". */
const requestedUrls = (): URL[] =>
  performance.getEntriesByType('resource').flatMap((entry) => {
    try {
      return [new URL(entry.name)];
    } catch {
      return [];
    }
  });

function presetStatus(consent: Consent, preset: ResolvedPreset, urls: URL[]): string {
  if (consent.error) return 'blocked: invalid config';
  const advanced =
    (internalsOf(consent).config.googleConsentMode as { mode?: string } | undefined)?.mode == 'advanced' &&
    preset.definition.google;
  if (!consent.state[preset.category] && !advanced) return `waiting for ${preset.category}`;
  const rules: Rule[] = preset.definition.hosts.map((host) => {
    const slash = (host + '/').indexOf('/');
    return { host: host.slice(0, slash).toLowerCase(), path: host.slice(slash), category: preset.category };
  });
  if (urls.some((url) => blockedCategory(rules, url))) return 'loaded';
  return rules.length ? 'granted, but no request to its hosts yet (still loading, ad blocker or CSP?)' : 'granted';
}

/** The last `gtag('consent', command, …)` in `dataLayer`, as the page's Google tags read it. */
function lastConsentCommand(command: 'default' | 'update'): Record<string, unknown> | undefined {
  const layer = (window as Window & { dataLayer?: unknown[] }).dataLayer || [];
  for (let index = layer.length - 1; index >= 0; index--) {
    const item = layer[index] as ArrayLike<unknown> | undefined;
    if (item && item[0] == 'consent' && item[1] == command) return item[2] as Record<string, unknown>;
  }
  return undefined;
}

/**
 * What `window.__gpp` answers now (a ping, which the API answers synchronously), for sites with
 * `gpp`: the string ad tech reads and the sections in force; or why there is no answer.
 */
function gppStatus(): Record<string, unknown> {
  const gpp = (window as Window & { __gpp?: (command: string, callback: (data: any) => void) => void }).__gpp;
  if (typeof gpp != 'function') return { gpp: 'window.__gpp is missing: is gpp.js loaded before consentry.js?' };
  let ping: Record<string, unknown> = {};
  gpp('ping', (data) => (ping = data || {}));
  const { cmpStatus, signalStatus, cmpDisplayStatus, applicableSections, gppString } = ping;
  return {
    gpp: { cmpStatus, signalStatus, cmpDisplayStatus, applicableSections: String(applicableSections), gppString },
  };
}

/**
 * Prints the report: mode and why, signals, each category's state and source, each preset's
 * status, held elements by category, the vendor scripts `page` found outside gating, the last
 * Consent Mode default and update pushed, and with `gpp` what `window.__gpp` answers (the GPP
 * string and the sections in force). Never throws into the page.
 * ```ts
 * import { debugReport } from 'consentry/debug'
 * debugReport(consent)
 * ```
 */
export function debugReport(consent: Consent, page: DebugPage = {}): void {
  try {
    console.group('consentry debug report');
    console.log(`mode: ${consent.mode} (${modeReason(consent)})`);
    console.table({
      gpc: { on: consent.signals.gpc, policy: internalsOf(consent).config.signals?.gpc ?? DEFAULT_SIGNALS.gpc },
      dnt: { on: consent.signals.dnt, policy: internalsOf(consent).config.signals?.dnt ?? DEFAULT_SIGNALS.dnt },
    });
    console.table(
      internalsOf(consent).categories.map(({ name, locked }) => ({
        category: name,
        state: consent.state[name] ? 'granted' : 'denied',
        source: stateSource(consent, name, locked),
      })),
    );
    const urls = requestedUrls();
    console.table(
      internalsOf(consent).presets.map((preset) => ({
        preset: preset.definition.name,
        category: preset.category,
        status: presetStatus(consent, preset, urls),
      })),
    );
    const held: Record<string, number> = {};
    for (const el of document.querySelectorAll(HELD)) {
      const category = el.getAttribute('data-consent')!;
      held[category] = (held[category] || 0) + 1;
    }
    console.table(Object.entries(held).map(([category, elements]) => ({ category, 'held elements': elements })));
    if (page.leftoverScripts?.length) {
      console.warn(
        'vendor scripts outside consent gating (mark them data-consent, remove them, or turn on autoBlock):',
      );
      console.table(page.leftoverScripts.map(({ src, preset, category }) => ({ script: src, preset, category })));
    }
    console.table({ default: lastConsentCommand('default'), update: lastConsentCommand('update') });
    if (internalsOf(consent).config.gpp) console.table(gppStatus());
    console.groupEnd();
  } catch (error) {
    console.error('consentry: the debug report failed', error);
  }
}
