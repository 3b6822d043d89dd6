// The browser runtime behind `gate()`, and its composition root: every part that reacts to consent
// in the page is started here, in this order, and hands back a function that stops it. The parts
// only some configs use (Consent Mode, cross-tab sync, the consent log) and the ones most page views
// never run (embed placeholders, the withdrawal clean-up) are passed in: `gate()` passes them all,
// the script tag the ones its file carries, so a site's own build carries only what its config uses.
import type { AutoBlock } from './autoblock/install-auto-block';
import { clearCategory } from './clear-category';
import { syncAcrossTabs } from './cross-tab';
import { embedHolder, type EmbedHolderFactory } from './embed-holder';
import { pageScriptLoader } from './page-script-loader';
import { startGoogleConsentMode } from './google-consent-mode';
import { startPresets } from './presets-runtime';
import { SCRIPT_LOADER, type RuntimeConsent } from '../core/script-loader';
import type { Consent, ConsentConfig } from '../core/types';
import { gateMarkup } from './gate-markup';
import { announceChanges } from './page-events';
import { createPageState, type PageState } from './page-state';
import type { PlaceholderTexts } from './placeholder';
import { scopeConsent } from './scoped-consent';
import { handleWithdrawal, type ClearCategory } from './withdrawal';
import { lazyConsentLog } from './lazy-parts';
import { internalsOf } from '../core/internals';

export interface GateOptions {
  /** Put on every script it inserts or activates; default: the instance's nonce, else a held element's own. */
  nonce?: string;
  /** Translated placeholder texts (the script tag passes the page language's). */
  texts?: Partial<PlaceholderTexts>;
  /** The document to gate; default `document`. */
  root?: Document;
}

/** What the script tag passes besides: state shared with auto-blocking, installed before the runtime. */
export interface RuntimeOptions extends GateOptions {
  /** What this page has run so far; the script tag shares it with auto-blocking, installed before. */
  pageState?: PageState;
  /** Auto-blocking installed before the config was read: from now on it follows this instance. */
  autoBlock?: AutoBlock;
}

/**
 * A part of the runtime that only some configs use: started with the instance and its config, it
 * returns the function that stops it (or nothing, when what it subscribed ends with the runtime:
 * it is given a view of the instance whose subscriptions the runtime ends).
 */
export type RuntimePart = (consent: Consent, config: ConsentConfig) => (() => void) | void;

/** The parts a runtime is made of beyond the ones every page needs. */
export interface RuntimeParts {
  /** Google Consent Mode (`startGoogleConsentMode`): before any Google tag. */
  consentMode?: RuntimePart;
  /** Cross-tab sync (`syncAcrossTabs`). */
  crossTab?: RuntimePart;
  /** The proof-of-consent log (`startConsentLog`). */
  log?: RuntimePart;
  /** Placeholders for held iframes (`embedHolder`). */
  embeds: EmbedHolderFactory;
  /** Deletes a withdrawn category's cookies and storage keys (`clearCategory`). */
  clearCategory: ClearCategory;
}

const importConsentLog = () => import('./consent-log/start-consent-log').then((module) => module.startConsentLog);

/** Every part: what `gate()` runs. */
const ALL_PARTS: RuntimeParts = {
  consentMode: startGoogleConsentMode,
  crossTab: syncAcrossTabs,
  // Its own module, imported when a config has `log`: an app's bundler splits it off, so an app
  // that does not log never downloads it. Decisions taken meanwhile wait for it (lazy-parts.ts).
  // Made inside the arrow, so that nothing runs when the module loads and bundlers can drop it.
  log: (consent, config) => lazyConsentLog(importConsentLog)(consent, config),
  embeds: embedHolder,
  clearCategory,
};

export interface Gate {
  /** Activates or holds the marked-up elements under `root` now (the observer finds added ones by itself). */
  scan(root?: ParentNode): void;
  /** Stops every part: after it nothing loads, however consent changes; what already ran stays. */
  stop(): void;
  /** Replaces the placeholder texts (a translation loaded later); shown placeholders update by the end of the task. */
  setTexts(texts: Partial<PlaceholderTexts>): void;
  /** True when at least one iframe is held behind a placeholder (placed by the end of the task). */
  readonly placeholders: boolean;
}

/**
 * Starts the browser runtime for one instance: Google Consent Mode defaults first (before any
 * Google tag), the script loader behind `consent.loadScript`, presets, withdrawal clean-up,
 * markup gating, auto-blocking's decisions, cross-tab sync, the page events and the consent log,
 * each of the optional ones only when `parts` has it.
 */
export function startRuntime(consent: Consent, options: RuntimeOptions, parts: RuntimeParts): Gate {
  const doc = options.root || document;
  const { config } = internalsOf(consent);
  const nonce = options.nonce || internalsOf(consent).nonce;
  const pageState = options.pageState || createPageState();
  const loadScript = pageScriptLoader(pageState, nonce, doc);
  const runtimeConsent = consent as RuntimeConsent;
  // Parts that subscribe without handing back a disposer do it through this scope.
  const scope = scopeConsent(consent);
  const start = (part: RuntimePart | undefined): (() => void) => part?.(scope.consent, config) || (() => {});

  const stopConsentMode = start(parts.consentMode);
  runtimeConsent[SCRIPT_LOADER] = loadScript;
  const stopPresets = startPresets(scope.consent, { loadScript, presetScripts: pageState.presetScripts });
  // Before markup gating: it cleans up before held markup is looked at again.
  const stopWithdrawal = handleWithdrawal(consent, pageState, doc, parts.clearCategory);
  const markup = gateMarkup(consent, { doc, pageState, nonce, texts: options.texts, embeds: parts.embeds });
  // After the presets: a vendor tag they loaded on this change is not released a second time.
  const stopAutoBlock = options.autoBlock?.follow(consent);
  const stopSync = start(parts.crossTab);
  const stopEvents = announceChanges(consent, doc.defaultView as Window & typeof globalThis);
  const stopLog = start(parts.log);

  return {
    scan: markup.scan,
    setTexts: markup.setTexts,
    get placeholders() {
      return markup.placeholders;
    },
    stop() {
      stopLog();
      stopEvents();
      stopSync();
      stopAutoBlock?.();
      markup.stop();
      stopWithdrawal();
      stopPresets();
      stopConsentMode();
      scope.dispose();
      if (runtimeConsent[SCRIPT_LOADER] == loadScript) delete runtimeConsent[SCRIPT_LOADER];
    },
  };
}

/**
 * The browser runtime, called once after `createConsent` (the parts `startRuntime` starts):
 * pushes Google Consent Mode defaults, starts the presets, activates held markup whose category
 * is granted (in document order, also for elements added later), shows placeholders for held
 * iframes, and on withdrawal deletes the category's cookies and storage keys, then reloads if
 * its scripts ran. Every change fires `consentry:change` on `window` and pushes
 * `consentry_update` to `dataLayer`; with `log`, each decision is sent to the records service (an
 * unacknowledged one again on a later page view), and other tabs of the site follow decisions made
 * in this one. `stop()` stops all of it. Throws `consentry: gate() needs a
 * browser` when called without a DOM (server-side rendering).
 * ```ts
 * const consent = createConsent(config)
 * const runtime = gate(consent)
 * ```
 */
export function gate(consent: Consent, options: GateOptions = {}): Gate {
  // On the server there is no page to gate: say so, instead of "document is not defined".
  if (!options.root && typeof document == 'undefined') throw new Error('consentry: gate() needs a browser');
  return startRuntime(consent, options, ALL_PARTS);
}
