// What a server renders with: the visitor's decision read from the request's `Cookie` header,
// with the same rules the browser's instance applies (consent-engine.ts), so the HTML a server
// sends and the page's first render in the browser agree. Pure: no DOM, no Node API.
import { resolveCategories } from './config/resolve';
import { validateConfig } from './config/validate';
import { effectiveState, signalDecides, signalDenied } from './decide';
import { resolveMode } from './jurisdiction';
import { DEFAULT_SIGNALS } from './signals';
import { readConsentCookie } from './store/consent-cookie';
import { currentRecord, decodeRecord } from './store/record-codec';
import type { ConsentConfig, ConsentState, PresetRegistry, Signals } from './types';

/**
 * What a page renders from: the part of a consent instance that decides what is shown. Plain
 * data, so a server can pass it to the browser (as a prop, in JSON).
 */
export interface ConsentSnapshot {
  /** Every category's effective decision: `{ essential: true, analytics: false, … }`. */
  state: ConsentState;
  /** A valid choice is stored for this revision. */
  decided: boolean;
  /** The banner should be shown. */
  needsPrompt: boolean;
  /** The privacy signals the decision took into account. */
  signals: Signals;
}

/** What the request says besides the cookie. */
export interface RequestSignals {
  /** The `Sec-GPC` request header (Global Privacy Control): `"1"` means the signal is on. */
  gpc?: string | boolean | null;
  /** The `DNT` request header (Do Not Track): `"1"` means the signal is on. */
  dnt?: string | boolean | null;
  /** Resolves preset entries written by name (JSON configs), as for `createConsent`. */
  registry?: PresetRegistry;
  /** The time to judge the cookie's expiry by (milliseconds since the epoch). @default Date.now() */
  now?: number;
}

/** A request header's signal: the specs define `1` as on (w3c.github.io/gpc, w3.org/TR/tracking-dnt). */
const headerOn = (value: string | boolean | null | undefined): boolean =>
  value === true || (typeof value == 'string' && value.trim() == '1');

/**
 * The state a server should render a page with, for a request's `Cookie` header (or the consent
 * cookie's value alone) and the site's config: the stored decision, else the defaults for the
 * mode and the request's privacy signals (`Sec-GPC: 1`, `DNT: 1`).
 * ```ts
 * const initial = decisionFromCookie(request.headers.get('cookie'), config, {
 *   gpc: request.headers.get('sec-gpc'),
 * })
 * initial.state.advertising // render the embed, or its placeholder
 * ```
 * Never throws: a missing, tampered, expired, duplicated or unparseable cookie is no decision,
 * and an invalid config grants nothing but `essential`. In `auto` mode set `config.region` (from
 * a CDN's country header): without it the server cannot know the visitor's place, and opts in.
 */
export function decisionFromCookie(
  cookie: string | null | undefined,
  config: ConsentConfig,
  request: RequestSignals = {},
): ConsentSnapshot {
  const signals = { gpc: headerOn(request.gpc), dnt: headerOn(request.dnt) };
  try {
    if (validateConfig(config, request.registry).length) return nothingGranted(signals);
    const { cookie: storage = {}, revision = 0, signals: policy = {} } = config;
    const categories = resolveCategories(config);
    // A server's own time zone says nothing about the visitor: without a region hint, opt in.
    const mode = resolveMode(config.mode, config.region, 'Etc/Unknown');
    const gpc = policy.gpc ?? DEFAULT_SIGNALS.gpc;
    const dnt = policy.dnt ?? DEFAULT_SIGNALS.dnt;
    const text = typeof cookie == 'string' ? cookie : '';
    // The cookie's value alone, or a header to find it in, read as the browser reads it
    // (consent-cookie.ts): `__Host-consentry` first, and a tossed or encoded duplicate is no decision.
    const value = decodeRecord(text) ? text : readConsentCookie(text, storage).value;
    const record = currentRecord(value, revision, storage.days ?? 182, request.now);
    return {
      state: effectiveState(categories, mode, signalDenied(categories, signals, gpc, dnt), record),
      decided: !!record,
      needsPrompt: !record && !signalDecides(signals, gpc, dnt, mode),
      signals,
    };
  } catch {
    return nothingGranted(signals);
  }
}

/** Fail closed: the built-in categories, only `essential` granted, nothing to prompt for. */
function nothingGranted(signals: Signals): ConsentSnapshot {
  const state: ConsentState = {};
  for (const { name, locked } of resolveCategories({})) state[name] = locked;
  return { state, decided: false, needsPrompt: false, signals };
}
