// The consent engine: validated config in, effective state out, decisions stored in a cookie.
// Pure apart from reading the cookie, the signals and the time zone; importing it touches no DOM.
// It does not validate (create-consent.ts does), so a site's own build, whose config was checked
// before deployment, carries no validator.
import { resolveCategories, resolvePresets } from './config/resolve';
import { effectiveState, signalDecides, signalDenied } from './decide';
import { resolveMode } from './jurisdiction';
import { INTERNALS } from './internals';
import { randomId } from './random-id';
import { SCRIPT_LOADER, type RuntimeConsent } from './script-loader';
import { GPP_STRING, type GppConsent } from './gpp-string';
import { DEFAULT_SIGNALS, readSignals } from './signals';
import { createStore } from './store/cookie-store';
import { currentRecord, encodeRecord } from './store/record-codec';
import { noOptions, ownCopy } from './config/own-copy';
import { hasOwn } from './has-own';
import { isObject } from './config/is-object';
import { safely, whenGranted } from './when-granted';
import type { Decision, LogAction } from './log/record';
import type { ChangeListener, Consent, ConsentConfig, ConsentRecord, DecisionSource, PresetRegistry } from './types';

export interface CreateConsentOptions {
  /** Resolves JSON preset entries (`{ "name": "pendo", ... }`) by name; see `presetRegistry` in `consentry/presets`. */
  registry?: PresetRegistry;
  /** Used when `config.nonce` is not set (the script tag passes its own nonce). */
  nonce?: string;
}

/** A custom choice that only takes back what was granted is a withdrawal; any other is `custom`. */
function updateAction(before: Record<string, boolean>, after: Record<string, boolean>): LogAction {
  const names = Object.keys(after);
  const revoked = names.some((name) => before[name] && !after[name]);
  const granted = names.some((name) => !before[name] && after[name]);
  return revoked && !granted ? 'withdraw' : 'custom';
}

/**
 * The instance for a config that was validated already (by `createConsent`, or by
 * `consentry build` before deployment).
 * @internal
 */
export function createValidatedConsent(given: ConsentConfig, options: CreateConsentOptions = {}): Consent {
  // Own properties only, from here on: see own-copy.ts.
  const config = ownCopy(given);
  const { cookie = noOptions(), revision = 0, signals: policy = noOptions(), nonce = options.nonce } = config;
  const categories = resolveCategories(config);
  const store = createStore(cookie);
  const mode = resolveMode(config.mode, config.region);
  const signals = readSignals();
  const gpc = policy.gpc ?? DEFAULT_SIGNALS.gpc;
  const dnt = policy.dnt ?? DEFAULT_SIGNALS.dnt;
  const denied = signalDenied(categories, signals, gpc, dnt);
  const listeners = new Set<ChangeListener>();
  // The parts that start and stop vendors (Google Consent Mode, the presets) hear of a change first,
  // before a decision is stored: writing the cookie is a synchronous round trip to the browser's
  // cookie store, and a granted vendor's request need not wait for it (in the benchmark it started
  // about 4 ms after the click instead of 8). Everything else (the site's `on('change')`
  // listeners, other tabs, the UI, the consent log) hears of it once it is stored.
  const vendorListeners = new Set<ChangeListener>();
  // The consent log's subscription (a runtime part): told of decisions made here, not of changes
  // read from the cookie (another tab's decision is logged by that tab).
  const decisionListeners = new Set<(decision: Decision) => void>();
  const startedAt = Date.now();
  // The visitor's consent id until a decision is stored, made when first asked for: a returning
  // visitor's page view has the stored one, and the browser's random source costs milliseconds on
  // its first use in a page (measured in the benchmark's CPU profiles).
  let id: string | undefined;
  const ownId = (): string => (id ??= randomId());

  /** The stored record, if it is for the current revision and has not expired. */
  const load = (): ConsentRecord | null => currentRecord(store.read(), revision, cookie.days ?? 182);
  let stored = load();
  let state = effectiveState(categories, mode, denied, stored);

  /** A choice per non-essential category. */
  const choicesOf = (choose: (name: string) => boolean): Record<string, boolean> => {
    const choices: Record<string, boolean> = {};
    for (const category of categories) if (!category.locked) choices[category.name] = choose(category.name);
    return choices;
  };
  /** Makes `next` the decision: tells the vendor parts, stores it with `persist`, then tells everyone else. */
  const apply = (next: ConsentRecord | null, persist?: () => void): void => {
    const previous = state;
    stored = next;
    state = effectiveState(categories, mode, denied, next);
    // Who is told is fixed now: a listener subscribed while this change is told (a preset that
    // starts listening when its tag loads) hears the next one.
    const vendors = [...vendorListeners];
    const rest = [...listeners];
    const tell = (group: ChangeListener[]): void => {
      for (const listener of group) safely(() => listener({ ...state }, previous));
    };
    tell(vendors);
    // A vendor part that made a decision of its own meanwhile has stored that one, which stands.
    if (stored === next) persist?.();
    tell(rest);
  };
  /** The GPP string for the state `record` makes, when the GPP part runs (never throws: a decision must not fail). */
  const gppStringOf = (record: ConsentRecord): string | undefined => {
    try {
      return (consent as GppConsent)[GPP_STRING]?.(effectiveState(categories, mode, denied, record));
    } catch {
      return undefined;
    }
  };
  /** Stores a decision: `choose` gives each non-essential category's choice. */
  const decide = (choose: (name: string) => boolean, source: DecisionSource = 'api', button?: LogAction): void => {
    const now = Date.now();
    const before = state;
    const record: ConsentRecord = {
      id: stored?.id ?? ownId(),
      revision,
      createdAt: stored?.createdAt ?? now,
      updatedAt: now,
      choices: choicesOf(choose),
      source,
    };
    const gpp = gppStringOf(record);
    if (gpp) record.gpp = gpp;
    apply(record, () => store.write(encodeRecord(record)));
    const action = source == 'signal' || source == 'default' ? source : (button ?? updateAction(before, state));
    const decision: Decision = { record: { ...record, choices: { ...record.choices } }, action, state: { ...state } };
    for (const listener of [...decisionListeners]) safely(() => listener(decision));
  };

  const consent: RuntimeConsent = {
    get state() {
      return { ...state };
    },
    get decided() {
      return !!stored;
    },
    get needsPrompt() {
      return !stored && !signalDecides(signals, gpc, dnt, mode);
    },
    get record() {
      // Before a decision: what applies now, recorded as coming from a signal or the default.
      // Choices without a prototype: a category the record does not name reads as undefined.
      return stored
        ? { ...stored, choices: Object.assign(noOptions(), stored.choices) }
        : {
            id: ownId(),
            revision,
            createdAt: startedAt,
            updatedAt: startedAt,
            choices: choicesOf((name) => state[name]!),
            source: denied.length ? ('signal' as const) : ('default' as const),
          };
    },
    signals: { ...signals },
    mode,
    signalDenied: denied,
    error: null,
    [INTERNALS]: {
      config,
      categories,
      presets: resolvePresets(config, options.registry),
      nonce,
      onDecision(listener) {
        decisionListeners.add(listener);
        return () => void decisionListeners.delete(listener);
      },
      onVendorChange(listener) {
        vendorListeners.add(listener);
        return () => void vendorListeners.delete(listener);
      },
    },
    // Own properties: a category the config does not have is denied, whatever Object.prototype says.
    granted: (category) => hasOwn(state, category) && state[category] === true,
    // "Accept all" grants everything a signal does not deny.
    acceptAll: (source) => decide((name) => !denied.includes(name), source, 'accept-all'),
    rejectAll: (source) => decide(() => false, source, 'reject-all'),
    update: (choices, source) =>
      decide(
        (name) =>
          isObject(choices) && hasOwn(choices, name) && typeof choices[name] == 'boolean'
            ? choices[name]!
            : state[name]!,
        source,
      ),
    reset() {
      apply(null, () => store.remove());
    },
    refresh() {
      const next = load();
      const encoded = (record: ConsentRecord | null) => (record ? encodeRecord(record) : '');
      // Another tab decided (or reset): only a different record changes anything here.
      if (encoded(next) !== encoded(stored)) apply(next);
    },
    on(event, listener) {
      if (event != 'change' || typeof listener != 'function') return () => {};
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    whenGranted: (category, run) => whenGranted(consent, category, run),
    // The browser runtime (`gate()`) inserts the script and remembers that its category ran;
    // without a running runtime (Node, or before `gate()`) there is nothing to insert it with.
    // Marked as handled like the runtime's own: a caller that does not wait sees no unhandled rejection.
    loadScript(category, src, attrs) {
      const loading = new Promise<void>((resolve, reject) => {
        consent.whenGranted(category, () => {
          const load = consent[SCRIPT_LOADER];
          if (load) load(category, src, attrs).then(resolve, reject);
          else reject(Error(`consentry: loadScript(${src}) needs the browser runtime: call gate(consent) first`));
        });
      });
      loading.catch(() => {});
      return loading;
    },
  };
  return consent;
}
