// The record the page sends for each decision (the "log beacon body" of the design contract),
// and the count-only event for a banner shown. Pure: the page runtime gathers the context and
// sends; the records service validates the same shape.
import type { ConsentRecord, ConsentState, Mode, Signals } from '../types';

/** The record format's version: a receiver refuses versions it does not know. */
export const LOG_SCHEMA = 1;

/**
 * How a decision was made. `withdraw`: a change that only takes back what was granted
 * (GDPR Art. 7(3)); `signal` and `default`: decided by a privacy signal or by the defaults, not
 * by the visitor.
 */
export type LogAction = 'accept-all' | 'reject-all' | 'custom' | 'withdraw' | 'signal' | 'default';

/** One decision, as the engine reports it to the runtime's consent log. @internal */
export interface Decision {
  record: ConsentRecord;
  action: LogAction;
  /** Every category after the decision, `essential` included. */
  state: ConsentState;
}

/** What the page knows besides the decision. @internal */
export interface LogContext {
  configHash: string;
  /** The language the banner and dialog are shown in. */
  language: string;
  /** The library's version. */
  version: string;
  mode: Mode;
  /** The configured region hint, if any. */
  region: string | null;
  signals: Signals;
  /** The page's address; only its origin and path are kept. */
  href: string;
}

/** One decision as sent to `log.endpoint`. */
export interface LogRecord {
  /** A new id per decision: the receiver stores each once. */
  recordId: string;
  /** The visitor's consent id (`consent.record.id`), also in their cookie. */
  consentId: string;
  schema: number;
  revision: number;
  configHash: string;
  language: string;
  version: string;
  action: LogAction;
  /** Every category, `essential` included, granted or denied. */
  choices: Record<string, boolean>;
  signals: Signals;
  mode: Mode;
  region: string | null;
  /** Origin and path only: a query string or fragment may carry personal data. */
  url: string;
  /** When the visitor decided, in epoch milliseconds (the visitor's clock). */
  createdAt: number;
  /**
   * The IAB GPP string stored with the decision (sites with `gpp`): the opt-outs the page passed
   * on to ad tech, which California asks a business to do (11 CCR § 7026(f)) and to keep records
   * of (§ 7101). Absent on sites without `gpp`.
   */
  gpp?: string;
}

/** A banner shown, counted without any id, so consent and interaction rates can be computed. */
export interface ImpressionEvent {
  schema: number;
  configHash: string;
  language: string;
  mode: Mode;
  region: string | null;
}

/** `https://shop.example/cart?id=7#top` → `https://shop.example/cart`. */
export function originAndPath(href: string): string {
  const url = new URL(href);
  return url.origin + url.pathname;
}

/** The record for `decision`, with `recordId` as its idempotency key. @internal */
export function buildLogRecord(decision: Decision, context: LogContext, recordId: string): LogRecord {
  const { record, action, state } = decision;
  return {
    recordId,
    consentId: record.id,
    schema: LOG_SCHEMA,
    revision: record.revision,
    configHash: context.configHash,
    language: context.language,
    version: context.version,
    action,
    choices: { ...state },
    signals: { gpc: context.signals.gpc, dnt: context.signals.dnt },
    mode: context.mode,
    region: context.region,
    url: originAndPath(context.href),
    createdAt: record.updatedAt,
    ...(record.gpp ? { gpp: record.gpp } : {}),
  };
}

/** The count-only event for a banner shown. @internal */
export function buildImpression(context: LogContext): ImpressionEvent {
  const { configHash, language, mode, region } = context;
  return { schema: LOG_SCHEMA, configHash, language, mode, region };
}
