// The consent engine: validated config in, effective state out, decisions stored in a cookie.
// Pure apart from reading the cookie, the signals and the time zone; importing it touches no DOM.
import { ConsentConfigError } from './config/errors';
import { resolveCategories, resolvePresets } from './config/resolve';
import { validateConfig } from './config/validate';
import { syncAcrossTabs } from './cross-tab';
import { acceptAllChoices, choicesOf, effectiveState, signalDecides, signalDenies, type Policy } from './decide';
import { insertScript } from './dom/insert-script';
import { browserTimeZone, resolveMode } from './jurisdiction';
import { sendLog } from './log-beacon';
import { randomId } from './random-id';
import { readSignals } from './signals';
import { decodeRecord, encodeRecord } from './store/record-codec';
import { createStore } from './store/cookie-store';
import type { ChangeListener, Consent, ConsentConfig, ConsentRecord, ConsentState, DecisionSource, PresetRegistry } from './types';

export interface CreateConsentOptions {
  /** Resolves JSON preset entries (`{ "name": "pendo", ... }`) by name; see `presetRegistry` in `consentry/presets`. */
  registry?: PresetRegistry;
  /** Used when `config.nonce` is not set (the script tag passes its own nonce). */
  nonce?: string;
}

const DAY = 864e5;

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
  const presets = resolvePresets(config, options.registry);
  const cookie = config.cookie ?? {};
  const days = cookie.days ?? 182;
  const revision = config.revision ?? 0;
  const nonce = config.nonce ?? options.nonce;
  const store = createStore({ name: cookie.name ?? 'consentry', domain: cookie.domain, path: cookie.path ?? '/', days });
  const policy: Policy = {
    mode: resolveMode(config.mode, config.region, browserTimeZone()),
    signals: readSignals(),
    gpc: config.signals?.gpc ?? 'deny-sale',
    dnt: config.signals?.dnt ?? 'deny-all',
    categories,
  };
  const listeners = new Set<ChangeListener>();
  const pageId = randomId();
  const startedAt = Date.now();

  /** A stored record counts only for the current revision and until it expires. */
  const valid = (value: string | undefined): ConsentRecord | null => {
    const stored = decodeRecord(value);
    return stored && stored.revision === revision && stored.updatedAt + days * DAY > Date.now() ? stored : null;
  };
  let stored = valid(store.read());
  let state = effectiveState(policy, stored);

  const apply = (next: ConsentRecord | null): void => {
    const previous = state;
    stored = next;
    state = effectiveState(policy, stored);
    for (const listener of [...listeners]) {
      try {
        listener({ ...state }, previous);
      } catch (error) {
        console.error('consentry: a change listener threw', error);
      }
    }
  };
  const broadcast = syncAcrossTabs(store.name, store.read, (value) => {
    if (value !== (stored ? encodeRecord(stored) : undefined)) apply(valid(value));
  });

  const decide = (choices: Record<string, boolean>, source: DecisionSource): void => {
    const now = Date.now();
    const record: ConsentRecord = { id: stored?.id ?? randomId(), revision, createdAt: stored?.createdAt ?? now, updatedAt: now, choices, source };
    const value = encodeRecord(record);
    store.write(value);
    apply(record);
    broadcast(value);
    if (config.log) sendLog(config.log.endpoint, { ...record, mode: policy.mode, signals: policy.signals });
  };

  const consent: Consent = {
    get state(): ConsentState {
      return { ...state };
    },
    get decided() {
      return !!stored;
    },
    get needsPrompt() {
      return !stored && !signalDecides(policy);
    },
    get record(): ConsentRecord {
      return stored
        ? { ...stored, choices: { ...stored.choices } }
        : {
            id: pageId,
            revision,
            createdAt: startedAt,
            updatedAt: startedAt,
            choices: choicesOf(categories, (category) => state[category.name]!),
            source: categories.some((category) => signalDenies(category, policy)) ? 'signal' : 'default',
          };
    },
    signals: { ...policy.signals },
    mode: policy.mode,
    signalDenied: categories.filter((category) => signalDenies(category, policy)).map((category) => category.name),
    error: null,
    categories,
    presets,
    config,
    nonce,
    granted: (category) => state[category] === true,
    acceptAll: (source = 'api') => decide(acceptAllChoices(policy), source),
    rejectAll: (source = 'api') => decide(choicesOf(categories, () => false), source),
    update(choices, source = 'api') {
      decide(
        choicesOf(categories, (category) => {
          const choice = choices[category.name];
          return typeof choice === 'boolean' ? choice : state[category.name]!;
        }),
        source,
      );
    },
    reset() {
      store.remove();
      apply(null);
      broadcast(undefined);
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
          console.error(`consentry: a whenGranted("${category}") callback threw`, error);
        }
        return true;
      };
      if (attempt()) return () => {};
      const off = consent.on('change', () => void (attempt() && off()));
      return off;
    },
    loadScript: (category, src, attrs) =>
      new Promise((resolve, reject) => {
        consent.whenGranted(category, () => void insertScript(src, attrs, nonce).then(resolve, reject));
      }),
  };
  return consent;
}
