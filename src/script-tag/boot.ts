// The script-tag build: `<script src="/consentry.js" data-config='{...}'>` first in <head>.
// Installs auto-blocking before anything else can run (before the config is even read), creates
// the instance from the JSON, starts the runtime, exposes `window.Consentry`, and fetches the UI,
// the embed placeholders and the withdrawal clean-up only when a page view needs them: a returning
// visitor's page view reads the cookie, starts the granted presets and shows the reopen button.
import type { startConsentLog } from '../browser/consent-log/start-consent-log';
import { ConsentConfigError } from '../core/config/errors';
import type { checkPageConfig } from './check-page-config';
import { createValidatedConsent } from '../core/consent-engine';
import { onPreferencesOpeners } from '../browser/preferences-openers';
import { createPageState } from '../browser/page-state';
import { startRuntime, type RuntimeParts } from '../browser/gate';
import { lazyClearCategory, lazyConsentLog, lazyEmbedHolder } from '../browser/lazy-parts';
import type { Consent, ConsentConfig, PresetDefinition, PresetRegistry } from '../core/types';
import { lazyDebug } from './lazy-debug';
import { lazyLeftovers } from './lazy-leftovers';
import { loadConfigCheck } from './config-check';
import { deniedConsent } from './denied-consent';
import type { startAutoBlockEarly } from './early-auto-block';
import { loadChunk, type ChunkFolder, type ChunkIntegrity } from './load-chunk';
import { lazyUI } from './lazy-ui';
import { registered, registeredPresets, type ChunkParts, type MountReopenButton, type MountUI } from './chunk-registry';
import { configuredTexts, translateEmbeds } from './translate-embeds';
import { fetchConfig, readConfig, type ConfigSource } from './read-config';
import { chunkBase, ownScript } from './own-script';
import { internalsOf } from '../core/internals';
import type { GppPart } from './gpp-part';

export interface BootOptions {
  registry: PresetRegistry;
  /** Bundled UI (consentry.full.js); otherwise `consentry-ui.js` is fetched on demand. */
  mountUI?: MountUI;
  /** Small reopen button shown to visitors who decided, without loading the UI. */
  mountReopenButton: MountReopenButton;
  /**
   * Checks a config read from the page. The generic files carry it; a file made by
   * `consentry build` has its config checked already, and loads `consentry-check.js` (next to
   * it) only when the page gives a config of its own.
   */
  validate?: typeof checkPageConfig;
  /** Auto-blocking, installed before the config is read: left out of a site's build whose config does not use it. */
  autoBlock?: typeof startAutoBlockEarly;
  /**
   * The runtime's optional parts this file carries (Consent Mode, cross-tab sync, the consent log:
   * a site's build only those its config uses). The embed placeholders and the withdrawal clean-up
   * are fetched from this file's folder when first needed, unless given here (consentry.full.js).
   */
  parts: Partial<Omit<RuntimeParts, 'log'>> & { log?: typeof startConsentLog };
  /** The site's config, built in by `consentry build` (and checked then). */
  config?: ConsentConfig;
  /** Languages with a translation file in `i18n/` next to this file (English is built in). */
  languages: readonly string[];
  /** The integrity of each file next to this one that it may load, computed by the build (load-chunk.ts). */
  chunkIntegrity?: ChunkIntegrity;
  /** GPP, built in by `consentry build` for a config with `gpp`; else `gpp.js` registers it. */
  gpp?: GppPart;
}

type ScriptTagWindow = Window & { Consentry?: unknown; consentryConfig?: unknown };

const isCompletePreset = (definition: PresetDefinition): boolean =>
  !!definition &&
  typeof definition.name == 'string' &&
  typeof definition.load == 'function' &&
  typeof definition.validate == 'function' &&
  [definition.options, definition.hosts, definition.cookies].every(Array.isArray);

/** The built-in presets plus the site's, registered by name before the tag: `window.consentryPresets = [{ name: 'hotjar', ... }]`. */
function withSitePresets(builtIn: PresetRegistry): PresetRegistry {
  const registry = { ...builtIn };
  for (const definition of registeredPresets() as PresetDefinition[]) {
    if (isCompletePreset(definition)) registry[definition.name] = definition;
    else console.error('consentry: ignored an incomplete preset in window.consentryPresets', definition);
  }
  return registry;
}

/**
 * Sets `window.Consentry` so that no other script can replace or delete it: a non-writable,
 * non-configurable property (ECMA-262 §10.1.6.3, ValidateAndApplyPropertyDescriptor). Host code
 * reads and calls it as before. A second copy of the script tag on the page finds it taken.
 */
function expose(win: ScriptTagWindow, consent: Consent): void {
  try {
    Object.defineProperty(win, 'Consentry', { value: consent, enumerable: true, writable: false, configurable: false });
  } catch {
    console.error('consentry: window.Consentry is already set (is the script tag on the page twice?)');
  }
}

/** Loads `file`'s part the first time it is asked for; after a failure, the next call tries again. */
function fetchOnce<Part extends 'embedHolder' | 'clearCategory' | 'consentLog'>(
  folder: ChunkFolder,
  file: string,
  part: Part,
  nonce?: string,
): () => Promise<ChunkParts[Part]> {
  let loading: Promise<ChunkParts[Part]> | undefined;
  return () =>
    (loading ??= loadChunk(folder, file, part, nonce).catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/** The parts most page views never run, as stand-ins that fetch them from `folder` when first needed. */
const fetchedParts = (
  folder: ChunkFolder,
  languages: readonly string[],
  nonce?: string,
): Pick<RuntimeParts, 'embeds' | 'clearCategory' | 'log'> => ({
  embeds: lazyEmbedHolder(fetchOnce(folder, 'consentry-embeds.js', 'embedHolder', nonce)),
  clearCategory: lazyClearCategory(fetchOnce(folder, 'consentry-cleanup.js', 'clearCategory', nonce)),
  // The log records the language of the banner: one of the translations this file ships.
  log: lazyConsentLog(fetchOnce(folder, 'consentry-log.js', 'consentLog', nonce), { languages }),
});

export function bootScriptTag(options: BootOptions): void {
  const win = window as ScriptTagWindow;
  const script = ownScript();
  const nonce = script?.nonce || undefined;
  const folder: ChunkFolder = { url: chunkBase(script), integrity: options.chunkIntegrity ?? {} };
  const registry = withSitePresets(options.registry);
  const gpp = options.gpp || registered('gpp');
  const pageState = createPageState();
  const firstSource = readConfig(script, win, options.config);
  const autoBlock = options.autoBlock?.(registry, firstSource, script, { nonce, pageState });

  /** The instance for a config: the built-in one as it is, any other once `validate` passed it. */
  const createFrom = (config: unknown, validate?: typeof checkPageConfig): Consent => {
    if (config !== options.config && validate) {
      const issues = validate(config, registry, gpp);
      if (issues.length) throw new ConsentConfigError(issues);
    }
    return createValidatedConsent(config as ConsentConfig, { registry, nonce });
  };

  const start = (source: ConfigSource, validate = options.validate): void => {
    let consent: Consent;
    try {
      if ('error' in source) throw source.error;
      consent = createFrom((source as { config: unknown }).config, validate);
    } catch (error) {
      // A ConsentConfigError's message lists every problem with its path.
      console.error(`consentry: ${(error as Error)?.message ?? error}\nEverything non-essential stays denied.`);
      consent = deniedConsent(error as Error, nonce);
    }
    // An invalid config keeps everything held; a valid one decides, or turns holding off.
    const followsConfig = !consent.error && internalsOf(consent).config.autoBlock === true;
    if (autoBlock && !consent.error && !followsConfig) autoBlock.releaseAll();
    const ui = lazyUI(consent, folder, options);
    // First, so that the banner's file downloads while the runtime starts; it mounts in a later task.
    if (consent.needsPrompt) void ui.load();
    try {
      const { log, ...parts } = options.parts;
      const runtime = startRuntime(
        consent,
        {
          texts: configuredTexts(consent, options.languages),
          pageState,
          autoBlock: followsConfig ? autoBlock : undefined,
        },
        {
          ...fetchedParts(folder, options.languages, internalsOf(consent).nonce),
          ...parts,
          // Carried by this file (a site's build whose config logs): started at once.
          ...(log && { log: (instance: Consent) => log(instance, { languages: options.languages }) }),
        },
      );
      translateEmbeds(runtime, consent, folder, options.languages);
    } catch (error) {
      console.error('consentry: gating failed to start', error);
    }
    try {
      gpp?.start(consent);
    } catch (error) {
      console.error('consentry: GPP failed to start', error);
    }
    // Vendor snippets left in the HTML run before consent unless auto-blocking holds them. The
    // page is looked through on a page view that shows the banner (so a site's owner sees the
    // warning on any first visit) and for `Consentry.debug()`. A returning visitor, whatever they
    // decided, downloads the tag alone.
    const leftovers = lazyLeftovers(folder, internalsOf(consent).nonce, {
      consent,
      registry,
      runtimeScripts: pageState.runtimeScripts,
    });
    if (!followsConfig && consent.needsPrompt) leftovers.warnWhenIdle();
    expose(
      win,
      Object.assign(consent, {
        show: ui.show,
        showPreferences: ui.showPreferences,
        // The report is its own file, fetched on the first call.
        debug: lazyDebug(consent, folder, async () => ({
          leftoverScripts: followsConfig ? [] : await leftovers.find(),
        })),
      }),
    );
    // Before the UI is loaded, elements marked as preferences openers load it; once it is
    // mounted, it listens to them itself.
    const stopOpeners = onPreferencesOpeners(document, () => ui.showPreferences());
    ui.onMounted(stopOpeners);
    // On unless the site switched it off; the denied instance (invalid config) shows none.
    if (!consent.needsPrompt && !consent.error && internalsOf(consent).config.ui?.reopenButton !== false)
      options.mountReopenButton({
        label: configuredTexts(consent, options.languages).reopen || 'Privacy settings',
        onClick: ui.showPreferences,
        nonce: internalsOf(consent).nonce,
      });
    win.dispatchEvent(new CustomEvent('consentry:ready', { detail: consent }));
  };

  /** A config the page gave, checked by the validator this file has or by the one it fetches. */
  const startChecked = (source: ConfigSource): void => {
    if (options.validate || 'error' in source || ('config' in source && source.config === options.config))
      return start(source);
    void loadConfigCheck(folder, nonce).then(
      (validate) => start(source, validate),
      (error: Error) => start({ error }),
    );
  };

  if ('url' in firstSource) void fetchConfig(firstSource.url).then(startChecked);
  else startChecked(firstSource);
}
