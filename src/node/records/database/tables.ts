// The tables, as Kysely sees them. Times are epoch milliseconds and flags 0/1 in both databases,
// so one code path reads and writes both.

export interface RecordsTable {
  record_id: string;
  consent_id: string;
  schema: number;
  revision: number;
  config_hash: string;
  language: string;
  version: string;
  action: string;
  /** JSON: every category, `essential` included, to true or false. */
  choices: string;
  gpc: number;
  dnt: number;
  mode: string;
  region: string | null;
  /** Origin and path only. */
  url: string;
  /** The visitor's clock. */
  created_at: number;
  /** The receiver's clock, when the record was committed. */
  received_at: number;
  /** From a trusted edge header, when configured. */
  country: string | null;
  device: string;
  /** The IAB GPP string stored with the decision, on sites with GPP. */
  gpp: string | null;
}

export interface Tables {
  records: RecordsTable;
  /** The idempotency keys of the last `DEDUPLICATION_DAYS` (see store.ts). */
  record_ids: { record_id: string; received_at: number };
  /** Every configuration a record named, by hash; `config` null until registered. */
  configs: { hash: string; config: string | null; first_seen_at: number; registered_at: number | null };
  daily_decisions: {
    day: string;
    region: string;
    config_hash: string;
    action: string;
    gpc: number;
    dnt: number;
    count: number;
  };
  daily_categories: {
    day: string;
    region: string;
    config_hash: string;
    category: string;
    granted: number;
    total: number;
  };
  daily_impressions: { day: string; region: string; config_hash: string; count: number };
}
