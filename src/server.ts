// Entry of `consentry/server` (Node): the records service as a Web-standard handler, for
// servers other than `consentry serve` (Node, Next.js route handlers, Bun, Deno).
export { createRecordsService, MAX_BODY } from './node/records/service';
export type { RecordsService, RecordsServiceOptions } from './node/records/service';
export type {
  ConfigSnapshot,
  Incoming,
  RecordStore,
  Write,
  Range,
  RetentionResult,
  Stats,
  StatsDimension,
  StoredRecord,
  Summary,
} from './node/records/database/store';
export type { Dialect } from './node/records/database/migrations';
export type { DeviceClass } from './node/records/client-info';
