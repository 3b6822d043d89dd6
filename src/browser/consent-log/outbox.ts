// The records not yet acknowledged by the receiver, kept in localStorage so that a later page
// view sends them again (a beacon's fate is never reported to the page, and a page may close
// before its request is answered). Bounded: at most 20 records, none older than 7 days.
import type { LogRecord } from '../../core/log/record';

export const OUTBOX_KEY = 'consentry-outbox';
export const OUTBOX_LIMIT = 20;
export const OUTBOX_DAYS = 7;

export interface OutboxEntry {
  endpoint: string;
  record: LogRecord;
  /** When it was queued, epoch milliseconds. */
  queuedAt: number;
}

export interface Outbox {
  add(entry: OutboxEntry): void;
  remove(recordId: string): void;
  /** The entries still within their 7 days, oldest first. */
  entries(): OutboxEntry[];
}

const isEntry = (entry: OutboxEntry): boolean =>
  !!entry && typeof entry.endpoint == 'string' && typeof entry.queuedAt == 'number' && !!entry.record?.recordId;

/**
 * The outbox in `storage`; where storage is missing or refuses (private modes, quota, blocked
 * cookies), in memory for this page. Never throws.
 */
export function createOutbox(storage: () => Storage | null, now = Date.now): Outbox {
  let memory: OutboxEntry[] = [];
  const fresh = (list: OutboxEntry[]): OutboxEntry[] =>
    list.filter((entry) => isEntry(entry) && now() - entry.queuedAt < OUTBOX_DAYS * 864e5).slice(-OUTBOX_LIMIT);
  const read = (): OutboxEntry[] => {
    try {
      const stored = JSON.parse(storage()?.getItem(OUTBOX_KEY) || '[]') as unknown;
      return fresh(Array.isArray(stored) ? stored : []);
    } catch {
      return fresh(memory);
    }
  };
  const write = (list: OutboxEntry[]): void => {
    memory = fresh(list);
    try {
      const target = storage();
      if (!target) return;
      if (memory.length) target.setItem(OUTBOX_KEY, JSON.stringify(memory));
      else target.removeItem(OUTBOX_KEY);
    } catch {
      // Storage refused: the memory copy still serves this page.
    }
  };
  return {
    add: (entry) => write([...read().filter((kept) => kept.record.recordId != entry.record.recordId), entry]),
    remove: (recordId) => write(read().filter((entry) => entry.record.recordId != recordId)),
    entries: read,
  };
}
