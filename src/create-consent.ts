// The consent engine: validated config in, effective state out, decisions stored in a cookie.
// Pure apart from reading the cookie, the signals and the time zone; importing it touches no DOM.
import { ConsentConfigError } from './config/errors';
import { resolveCategories, resolvePresets } from './config/resolve';
import { validateConfig } from './config/validate';
import { acceptAllChoices, choicesOf, effectiveState, signalDecides, signalDenies, type Policy } from './decide';
import { insertScript } from './dom/insert-script';
import { ran } from './gating/page-state';
import { browserTimeZone, resolveMode } from './jurisdiction';
import { sendLog } from './log-beacon';
import { randomId } from './random-id';
import { readSignals } from './signals';
import { createStore } from './store/cookie-store';
import { decodeRecord, encodeRecord } from './store/record-codec';
import type { ChangeListener, Consent, ConsentConfig, ConsentRecord, DecisionSource, PresetRegistry } from './types';

export interface CreateConsentOptions {
  /** Resolves JSON preset entries (`{ "name": "pendo", ... }`) by name; see `presetRegistry` in `consentry/presets`. */
  registry?: PresetRegistry;
  /** Used when `config.nonce` is not set (the script tag passes its own nonce). */
  nonce?: string;
}

/**
 * Validates `config` and returns the consent instance.
 * ```ts
 * const consent = createConsent({ categories: { analytics: {} }, mode: 'auto' })
 * consent.whenGranted('analytics', () => startAnalytics())
 * ```
 * @throws ConsentConfigError listing every problem, each with its path.
 */
export function createConsent(config: ConsentConfig, options: CreateConsentOptions = {}): Consent {
  const issues = validateConfig(config, options.registry);
  if (issues.length) throw new ConsentConfigError(issues);

  const categories = resolveCategories(config);
  const { name = 'consentry', domain, path = '/', days = 182 } = config.cookie ?? {};
  const revision = config.revision ?? 0;
  const nonce = config.nonce ?? options.nonce;
  const store = createStore({ name, domain, path, days });
  const policy: Policy = {
    // The time zone only when it decides: Intl's first use costs milliseconds on a page load.
    mode: resolveMode(config.mode, config.region, config.mode == 'auto' && !config.region ? browserTimeZone() : undefined),
    signals: readSignals(),
    gpc: config.signals?.gpc ?? 'deny-sale',
    dnt: config.signals?.dnt ?? 'deny-all',
    categories,
  };
  const listeners = new Set<ChangeListener>();
  const started: ConsentRecord = { id: randomId(), revision, createdAt: Date.now(), updatedAt: Date.now(), choices: {}, source: 'default' };

  /** The stored record, if it is for the current revision and has not expired. */
  const load = (): ConsentRecord | null => {
    const stored = decodeRecord(store.read());
    return stored && stored.revision === revision && stored.updatedAt + days * 864e5 > Date.now() ? stored : null;
  };
  let stored = load();
  let state = effectiveState(policy, stored);

  const apply = (next: ConsentRecord | null): void => {
    const previous = state;
    stored = next;
    state = effectiveState(policy, next);
    for (const listener of [...listeners])
      try {
        listener({ ...state }, previous);
      } catch (error) {
        console.error('consentry: a change listener threw', error);
      }
  };
  const decide = (choose: (name: string) => boolean, source: DecisionSource = 'api'): void => {
    const now = Date.now();
    const record: ConsentRecord = {
      id: stored?.id ?? started.id,
      revision,
      createdAt: stored?.createdAt ?? now,
      updatedAt: now,
      choices: choicesOf(categories, (category) => choose(category.name)),
      source,
    };
    store.write(encodeRecord(record));
    apply(record);
    if (config.log) sendLog(config.log.endpoint, { ...record, mode: policy.mode, signals: policy.signals });
  };
  const denied = categories.filter((category) => signalDenies(category, policy)).map((category) => category.name);

  const consent: Consent = {
    get state() {
      return { ...state };
    },
    get decided() {
      return !!stored;
    },
    get needsPrompt() {
      return !stored && !signalDecides(policy);
    },
    get record() {
      return stored
        ? { ...stored, choices: { ...stored.choices } }
        : { ...started, choices: choicesOf(categories, (category) => state[category.name]!), source: denied.length ? ('signal' as const) : ('default' as const) };
    },
    signals: { ...policy.signals },
    mode: policy.mode,
    signalDenied: denied,
    error: null,
    categories,
    presets: resolvePresets(config, options.registry),
    config,
    nonce,
    granted: (category) => state[category] === true,
    acceptAll: (source) => decide((name) => acceptAllChoices(policy)[name]!, source),
    rejectAll: (source) => decide(() => false, source),
    update: (choices, source) =>
      decide((name) => (typeof choices[name] === 'boolean' ? choices[name]! : state[name]!), source),
    reset() {
      store.remove();
      apply(null);
    },
    refresh() {
      const next = load();
      if ((next && encodeRecord(next)) !== (stored && encodeRecord(stored))) apply(next);
    },
    on(event, listener) {
      if (event !== 'change' || typeof listener !== 'function') return () => {};
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    whenGranted(category, run) {
      const attempt = (): boolean => {
        if (!consent.granted(category)) return false;
        try {
          run();
        } catch (error) {
          console.error(`consentry: whenGranted("${category}") callback threw`, error);
        }
        return true;
      };
      if (attempt()) return () => {};
      const off = consent.on('change', () => void (attempt() && off()));
      return off;
    },
    loadScript: (category, src, attrs) =>
      new Promise((resolve, reject) =>
        void consent.whenGranted(category, () => {
          ran.add(category); // a later withdrawal must reload: the script cannot be unloaded
          insertScript(src, attrs, nonce).then(resolve, reject);
        }),
      ),
  };
  return consent;
}
