// Entry of `consentry/server` (Node): the records service as a Web-standard handler, for
// servers other than `consentry serve` (Node, Next.js route handlers, Bun, Deno).
export { createRecordsService, MAX_BODY } from './node/records/service';
export type { RecordsService, RecordsServiceOptions } from './node/records/service';
export type {
  ConfigSnapshot,
  Range,
  RetentionResult,
  Stats,
  StatsDimension,
  StoredRecord,
  Summary,
} from './node/records/database/store';
export { configHash } from './core/log/config-hash';
export type { ImpressionEvent, LogAction, LogRecord } from './core/log/record';
