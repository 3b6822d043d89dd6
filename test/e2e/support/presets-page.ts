// Pages for the preset e2e tests: the ESM builds loaded through an import map, an instance
// made with createConsent and the preset registry, then gated with the core's `gate` (built
// from source for the test while the package does not export it yet).
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type TestServer } from './harness';

const IMPORTS = {
  consentry: '/dist/consentry.mjs',
  'consentry/presets': '/dist/presets.mjs',
  'js-cookie': '/node_modules/js-cookie/dist/js.cookie.mjs',
};

/** Serves `/start.mjs`: the core's `gate`, or the presets runtime built from source. */
export async function serveStart(server: TestServer): Promise<void> {
  const core = readFileSync(join(ROOT, 'dist/consentry.mjs'), 'utf8');
  if (/export \{[^}]*\bgate\b/.test(core)) {
    server.set('/start.mjs', { body: `export { gate as start } from 'consentry';`, type: 'text/javascript' });
    return;
  }
  // Not exported yet: the gating module from source, else the two functions it starts with.
  const contents = existsSync(join(ROOT, 'src/browser/gate.ts'))
    ? `export { gate as start } from './src/browser/gate';`
    : `import { startGoogleConsentMode } from './src/browser/google-consent-mode';
        import { startPresets } from './src/browser/presets-runtime';
        export const start = (consent) => { startGoogleConsentMode(consent); startPresets(consent); };`;
  const result = await build({
    stdin: {
      contents,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    write: false,
  });
  server.set('/start.mjs', { body: result.outputFiles[0]!.text, type: 'text/javascript' });
}

/** A page that creates the instance from `config` (window.consent) and starts the presets. */
export function presetsPage(config: unknown, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>presets</title>
<script type="importmap">${JSON.stringify({ imports: IMPORTS })}</script>
${head}
<script type="module">
import { createConsent } from 'consentry';
import { presetRegistry } from 'consentry/presets';
import { start } from '/start.mjs';
const consent = createConsent(${JSON.stringify(config)}, { registry: presetRegistry });
start(consent);
window.consent = consent;
window.started = true;
</script></head><body><p>shop</p></body></html>`;
}

/** Script body for a stub that records the dataLayer as the loaded script saw it. */
export const RECORD_DATALAYER = `window.__sawDataLayer = (window.dataLayer || []).map(function (item) {
  var args = Object.prototype.toString.call(item) === '[object Arguments]';
  return { args: args, value: args ? Array.prototype.slice.call(item) : item };
});`;
