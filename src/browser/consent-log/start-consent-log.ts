// The consent log, a runtime part: with `log.endpoint`, each decision made on this page becomes a
// record (src/core/log/record.ts) posted to the records service; a record it did not acknowledge
// stays in the outbox and is sent again on a later page view. With `log.impressions`, a banner
// shown is counted too. Nothing here delays a decision or throws into the page: the engine has
// stored and applied the decision before it tells this part.
import { configHash } from '../../core/log/config-hash';
import { buildImpression, buildLogRecord, type Decision, type LogContext, type LogRecord } from '../../core/log/record';
import { internalsOf } from '../../core/internals';
import { randomId } from '../../core/random-id';
import type { Consent } from '../../core/types';
import { VERSION } from '../../core/version';
import { pageLanguage } from '../page-language';
import { createOutbox, type OutboxEntry } from './outbox';
import { pageViewOpening, type PageViewOpening } from './page-view-opening';
import { postJson } from './post-json';

export interface ConsentLogOptions {
  /** Languages with a shipped translation (the script tag's); without it, the page's wanted language is recorded. */
  languages?: readonly string[];
  /** The page; default `window`. */
  win?: Window & typeof globalThis;
  /** How the page view began, when the log starts after it (the script tag fetches it); default: now. */
  opening?: PageViewOpening;
  /** Decisions taken on this page view before the log started, logged first, in order. */
  earlier?: readonly Decision[];
}

/** Where the signal record's "sent once" mark is kept (see `logSignalOnce`). */
export const SIGNAL_MARK_KEY = 'consentry-signal-logged';

/** Banner-shown counts go beside the records: `…/v1/records` → `…/v1/impressions`. */
export const impressionsEndpoint = (endpoint: string): string => new URL('impressions', endpoint).href;

/**
 * Starts the consent log for `consent` when its config has `log`; returns the stop function.
 * ```ts
 * const stop = startConsentLog(consent)
 * ```
 */
export function startConsentLog(consent: Consent, options: ConsentLogOptions = {}): () => void {
  const internals = internalsOf(consent);
  const log = internals.config.log;
  if (!log || !internals.onDecision) return () => {};
  const win = options.win ?? window;
  const storage = (): Storage | null => {
    try {
      return win.localStorage;
    } catch {
      return null;
    }
  };
  const outbox = createOutbox(storage);
  const endpoint = new URL(log.endpoint, win.location.href).href;
  const attempted = new Set<string>();
  let stopped = false;

  const context = (): LogContext => ({
    configHash: configHash(internals.config),
    language: pageLanguage(consent, options.languages),
    version: VERSION,
    mode: consent.mode,
    region: internals.config.region ?? null,
    signals: consent.signals,
    href: win.location.href,
  });

  const send = (entry: OutboxEntry): void => {
    const { recordId } = entry.record;
    // Once per page view: one that was not acknowledged waits for the next.
    if (attempted.has(recordId)) return;
    attempted.add(recordId);
    void postJson(entry.endpoint, entry.record).then((outcome) => {
      if (outcome != 'retry') outbox.remove(recordId);
    });
  };

  const logRecord = (record: LogRecord): void => {
    const entry = { endpoint, record, queuedAt: Date.now() };
    // Into the outbox first: if the page closes before the answer, the next page view sends it.
    outbox.add(entry);
    send(entry);
  };

  const logDecision = (decision: Decision): void => {
    try {
      logRecord(buildLogRecord(decision, context(), randomId()));
    } catch (error) {
      console.error('consentry: the consent log failed', error);
    }
  };

  /**
   * A privacy signal that decides for a visitor who has not chosen (GPC under `deny-sale`, DNT
   * under `deny-all`) is an opt-out request a business must keep a record of (California,
   * 11 CCR § 7101): logged once per browser, configuration and signal, not on every page view.
   */
  const logSignalOnce = ({ record, state }: Pick<Decision, 'record' | 'state'>): void => {
    const current = context();
    const mark = `${current.configHash}|${record.revision}|${+current.signals.gpc}${+current.signals.dnt}`;
    if (storage()?.getItem(SIGNAL_MARK_KEY) == mark) return;
    storage()?.setItem(SIGNAL_MARK_KEY, mark);
    logRecord(buildLogRecord({ record, action: 'signal', state }, current, randomId()));
  };

  // What this page view started with, before any decision taken on it.
  const { bannerDue, signalDecided } = options.opening ?? pageViewOpening(consent);
  for (const decision of options.earlier ?? []) logDecision(decision);
  const unsubscribe = internals.onDecision(logDecision);
  const onPageView = (): void => {
    if (stopped) return;
    try {
      for (const entry of outbox.entries()) send(entry);
      if (signalDecided) logSignalOnce(signalDecided);
      if (log.impressions && bannerDue) void postJson(impressionsEndpoint(endpoint), buildImpression(context()));
    } catch (error) {
      console.error('consentry: the consent log failed', error);
    }
  };
  // After the page's own loading: re-sending and counting never compete with it.
  const timer = win.setTimeout(onPageView, 0);

  return () => {
    stopped = true;
    win.clearTimeout(timer);
    unsubscribe();
  };
}
