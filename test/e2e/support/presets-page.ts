// Pages for the preset e2e tests: the ESM builds loaded through an import map, an instance
// made with createConsent and the preset registry, then gated with the package's `gate`.
import { IMPORTS } from './esm-page';

/** A page that creates the instance from `config` (window.consent) and starts the presets. */
export function presetsPage(config: unknown, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>presets</title>
<script type="importmap">${JSON.stringify({ imports: IMPORTS })}</script>
${head}
<script type="module">
import { createConsent, gate } from 'consentry';
import { presetRegistry } from 'consentry/presets';
const consent = createConsent(${JSON.stringify(config)}, { registry: presetRegistry });
gate(consent);
window.consent = consent;
window.started = true;
</script></head><body><p>shop</p></body></html>`;
}

/** Script body for a stub that records the dataLayer as the loaded script saw it. */
export const RECORD_DATALAYER = `window.__sawDataLayer = (window.dataLayer || []).map(function (item) {
  var args = Object.prototype.toString.call(item) === '[object Arguments]';
  return { args: args, value: args ? Array.prototype.slice.call(item) : item };
});`;
