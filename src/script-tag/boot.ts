// The script-tag build: `<script src="/consentry.js" data-config='{...}'>` first in <head>.
// Creates the instance from the JSON, installs auto-blocking before anything else can run,
// gates markup and presets, exposes `window.Consentry`, and fetches the UI only when needed.
import { installAutoBlock } from '../autoblock';
import { createConsent } from '../create-consent';
import { gate } from '../gating';
import type { Consent, ConsentConfig, PresetDefinition, PresetRegistry } from '../types';
import { deniedConsent } from './denied-consent';
import { lazyUI, type MountUI } from './lazy-ui';
import { configuredTexts, translateEmbeds } from './translate-embeds';
import { fetchConfig, readConfig, type ConfigSource } from './read-config';

export interface BootOptions {
  registry: PresetRegistry;
  /** Bundled UI (consentry.full.js); otherwise `consentry-ui.js` is fetched on demand. */
  mountUI?: MountUI;
  /** Small reopen button shown to visitors who decided, without loading the UI. */
  mountReopenButton: (options: { label: string; onClick(): void; nonce?: string }) => () => void;
}

const PREFERENCES_SELECTOR = '[data-consentry-action="preferences"]';

export function bootScriptTag(options: BootOptions): void {
  const win = window as Window & { Consentry?: unknown; consentryConfig?: unknown; consentryPresets?: unknown };
  const script = document.currentScript as HTMLScriptElement | null;
  const nonce = script?.nonce || undefined;
  const base = script?.src ? new URL('.', script.src).href : '';

  // Site presets, registered by name before the tag: `window.consentryPresets = [{ name: 'hotjar', ... }]`.
  const registry = { ...options.registry };
  for (const definition of ([] as PresetDefinition[]).concat((win.consentryPresets as PresetDefinition[]) ?? []))
    if (
      definition &&
      typeof definition.name == 'string' &&
      typeof definition.load == 'function' &&
      typeof definition.validate == 'function' &&
      [definition.options, definition.hosts, definition.cookies].every(Array.isArray)
    )
      registry[definition.name] = definition;
    else console.error('consentry: ignored an incomplete preset in window.consentryPresets', definition);

  const start = (source: ConfigSource): void => {
    let consent: Consent;
    try {
      if ('error' in source) throw source.error;
      consent = createConsent((source as { config: ConsentConfig }).config, { registry, nonce });
    } catch (error) {
      // A ConsentConfigError's message lists every problem with its path.
      console.error(`consentry: ${(error as Error)?.message ?? error}\nEverything non-essential stays denied.`);
      consent = deniedConsent(error as Error, nonce);
    }
    try {
      if (consent.config.autoBlock) installAutoBlock(consent, { nonce: consent.nonce });
      // gate() puts the instance's nonce on what it activates.
      translateEmbeds(gate(consent, { texts: configuredTexts(consent) }), consent, base);
    } catch (error) {
      console.error('consentry: gating failed to start', error);
    }
    const ui = lazyUI(consent, base, options.mountUI);
    win.Consentry = Object.assign(consent, { show: ui.show, showPreferences: ui.showPreferences });
    // Before the UI is loaded, elements marked as preferences openers still work.
    document.addEventListener('click', (event) => {
      const opener = (event.target as Element | null)?.closest?.(PREFERENCES_SELECTOR);
      if (opener) (event.preventDefault(), ui.showPreferences());
    });
    if (consent.needsPrompt) void ui.load();
    // On unless the site switched it off; the denied instance (invalid config) shows none.
    else if (!consent.error && consent.config.ui?.reopenButton !== false)
      options.mountReopenButton({
        label: configuredTexts(consent).reopen || 'Privacy settings',
        onClick: ui.showPreferences,
        nonce: consent.nonce,
      });
    win.dispatchEvent(new CustomEvent('consentry:ready', { detail: consent }));
  };

  const source = readConfig(script, win);
  if ('url' in source) void fetchConfig(source.url).then(start);
  else start(source);
}
