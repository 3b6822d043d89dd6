// Pages for the gating e2e tests that use the ESM build directly: an import map for the
// externals, `createConsent` + `gate` in a module script, the instance on `window.consent`.

/** The import map's entries: the package's ESM builds and its one external, as a bundler-less site maps them. */
export const IMPORTS = {
  consentry: '/dist/consentry.mjs',
  'consentry/presets': '/dist/presets.mjs',
  'js-cookie': '/node_modules/js-cookie/dist/js.cookie.mjs',
};

export interface EsmPageOptions {
  body?: string;
  head?: string;
  /** Put on the import map and the module script (for pages with a nonce-based CSP). */
  nonce?: string;
  /** Options object literal passed to gate(), as source. */
  gate?: string;
}

/** A page gating `config` (JSON presets resolved through the registry). */
export function esmPage(config: unknown, options: EsmPageOptions = {}): string {
  const nonce = options.nonce ? ` nonce="${options.nonce}"` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>gating</title>
<script type="importmap"${nonce}>${JSON.stringify({ imports: IMPORTS })}</script>
<script type="module"${nonce}>
import { createConsent, gate } from 'consentry';
import { presetRegistry } from 'consentry/presets';
window.consent = createConsent(${JSON.stringify(config)}, { registry: presetRegistry });
window.gated = gate(window.consent${options.gate ? ', ' + options.gate : ''});
window.started = true;
</script>
${options.head ?? ''}</head><body>${options.body ?? ''}</body></html>`;
}

/** An inline script body that records `name` in `window.__ran`, like the stubbed vendor scripts. */
export const record = (name: string): string => `(window.__ran = window.__ran || []).push(${JSON.stringify(name)});`;
