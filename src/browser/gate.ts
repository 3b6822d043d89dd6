// The browser runtime behind `gate()`, and its composition root: every part that reacts to consent
// in the page is started here, in this order, and hands back a function that stops it.
import type { AutoBlock } from './autoblock/install-auto-block';
import { syncAcrossTabs } from './cross-tab';
import { pageScriptLoader } from './page-script-loader';
import { startGoogleConsentMode } from './google-consent-mode';
import { startPresets } from './presets-runtime';
import { SCRIPT_LOADER, type RuntimeConsent } from '../core/script-loader';
import type { Consent } from '../core/types';
import { gateMarkup } from './gate-markup';
import { announceChanges } from './page-events';
import { createPageState, type PageState } from './page-state';
import type { PlaceholderTexts } from './placeholder';
import { scopeConsent } from './scoped-consent';
import { handleWithdrawal } from './withdrawal';
import { internalsOf } from '../core/internals';
import { startConsentLog } from './consent-log/start-consent-log';

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
  /** The consent log (`log` in the config): left out of a site's build whose config has none. */
  consentLog?: (consent: Consent) => () => void;
}

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
 * markup gating, auto-blocking's decisions, cross-tab sync and the page events.
 */
export function startRuntime(consent: Consent, options: RuntimeOptions = {}): Gate {
  const doc = options.root || document;
  const nonce = options.nonce || internalsOf(consent).nonce;
  const pageState = options.pageState || createPageState();
  const loadScript = pageScriptLoader(pageState, nonce, doc);
  const runtimeConsent = consent as RuntimeConsent;
  // Parts that subscribe without handing back a disposer do it through this scope.
  const scope = scopeConsent(consent);

  startGoogleConsentMode(scope.consent);
  runtimeConsent[SCRIPT_LOADER] = loadScript;
  const stopPresets = startPresets(scope.consent, { loadScript, presetScripts: pageState.presetScripts });
  // Before markup gating: it cleans up before held markup is looked at again.
  const stopWithdrawal = handleWithdrawal(consent, pageState, doc);
  const markup = gateMarkup(consent, { doc, pageState, nonce, texts: options.texts });
  // After the presets: a vendor tag they loaded on this change is not released a second time.
  const stopAutoBlock = options.autoBlock?.follow(consent);
  const stopSync = syncAcrossTabs(consent);
  const stopEvents = announceChanges(consent, doc.defaultView as Window & typeof globalThis);
  const stopLog = options.consentLog?.(consent);

  return {
    scan: markup.scan,
    setTexts: markup.setTexts,
    get placeholders() {
      return markup.placeholders;
    },
    stop() {
      stopLog?.();
      stopEvents();
      stopSync();
      stopAutoBlock?.();
      markup.stop();
      stopWithdrawal();
      stopPresets();
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
 * `consentry_update` to `dataLayer`. With `log` in the config, each decision is sent to the
 * records service (an unacknowledged one again on a later page view). `stop()` stops all of it. Throws `consentry: gate() needs a
 * browser` when called without a DOM (server-side rendering).
 * ```ts
 * const consent = createConsent(config)
 * const runtime = gate(consent)
 * ```
 */
export function gate(consent: Consent, options: GateOptions = {}): Gate {
  // On the server there is no page to gate: say so, instead of "document is not defined".
  if (!options.root && typeof document == 'undefined') throw new Error('consentry: gate() needs a browser');
  return startRuntime(consent, { ...options, consentLog: startConsentLog });
}
