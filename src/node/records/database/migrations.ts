// Versioned migrations, run on start by Kysely's Migrator (which takes a lock, so instances
// starting together on one PostgreSQL apply each migration once). One list per database: the
// tables are the same; PostgreSQL partitions the records by month of receipt.
import type { Kysely, Migration } from 'kysely';
import type { Tables } from './tables';

export type Dialect = 'sqlite' | 'postgres';

type Sql = typeof import('kysely').sql;

const ROLLUPS = (big: string) => [
  `CREATE TABLE daily_decisions (day TEXT NOT NULL, region TEXT NOT NULL, config_hash TEXT NOT NULL,
     action TEXT NOT NULL, gpc SMALLINT NOT NULL, dnt SMALLINT NOT NULL, count ${big} NOT NULL,
     PRIMARY KEY (day, region, config_hash, action, gpc, dnt))`,
  `CREATE TABLE daily_categories (day TEXT NOT NULL, region TEXT NOT NULL, config_hash TEXT NOT NULL,
     category TEXT NOT NULL, granted ${big} NOT NULL, total ${big} NOT NULL,
     PRIMARY KEY (day, region, config_hash, category))`,
  `CREATE TABLE daily_impressions (day TEXT NOT NULL, region TEXT NOT NULL, config_hash TEXT NOT NULL,
     count ${big} NOT NULL, PRIMARY KEY (day, region, config_hash))`,
];

const RECORD_COLUMNS = (big: string) => `record_id TEXT NOT NULL, consent_id TEXT NOT NULL,
  schema INTEGER NOT NULL, revision INTEGER NOT NULL, config_hash TEXT NOT NULL, language TEXT NOT NULL,
  version TEXT NOT NULL, action TEXT NOT NULL, choices TEXT NOT NULL, gpc SMALLINT NOT NULL,
  dnt SMALLINT NOT NULL, mode TEXT NOT NULL, region TEXT, url TEXT NOT NULL, created_at ${big} NOT NULL,
  received_at ${big} NOT NULL, country TEXT, device TEXT NOT NULL`;

const STATEMENTS: Record<Dialect, string[]> = {
  sqlite: [
    `CREATE TABLE configs (hash TEXT PRIMARY KEY, config TEXT, first_seen_at INTEGER NOT NULL, registered_at INTEGER)`,
    `CREATE TABLE record_ids (record_id TEXT PRIMARY KEY, received_at INTEGER NOT NULL)`,
    `CREATE INDEX record_ids_received ON record_ids (received_at)`,
    `CREATE TABLE records (${RECORD_COLUMNS('INTEGER')})`,
    `CREATE INDEX records_consent ON records (consent_id)`,
    `CREATE INDEX records_received ON records (received_at, record_id)`,
    `CREATE INDEX records_config ON records (config_hash)`,
    ...ROLLUPS('INTEGER'),
  ],
  postgres: [
    `CREATE TABLE configs (hash TEXT PRIMARY KEY, config TEXT, first_seen_at BIGINT NOT NULL, registered_at BIGINT)`,
    `CREATE TABLE record_ids (record_id TEXT PRIMARY KEY, received_at BIGINT NOT NULL)`,
    `CREATE INDEX record_ids_received ON record_ids (received_at)`,
    // Partitioned by month of receipt: retention drops whole months; partitions are created
    // ahead of time by the service (store.ts, ensurePartition).
    `CREATE TABLE records (${RECORD_COLUMNS('BIGINT')}) PARTITION BY RANGE (received_at)`,
    `CREATE INDEX records_consent ON records (consent_id)`,
    `CREATE INDEX records_received ON records (received_at, record_id)`,
    `CREATE INDEX records_config ON records (config_hash)`,
    ...ROLLUPS('BIGINT'),
  ],
};

/** The migrations for `dialect`, by name (applied in name order). */
export function migrations(dialect: Dialect, sql: Sql): Record<string, Migration> {
  return {
    '0001-records': {
      async up(db: Kysely<unknown>) {
        for (const statement of STATEMENTS[dialect]) await sql.raw(statement).execute(db);
      },
    },
    // The IAB GPP string stored with a decision (sites with `gpp`). A column of its own, added to
    // the partitioned parent on PostgreSQL, which adds it to every partition.
    '0002-records-gpp': {
      async up(db: Kysely<unknown>) {
        await sql.raw('ALTER TABLE records ADD COLUMN gpp TEXT').execute(db);
      },
    },
  };
}

/** Applies every migration not applied yet; throws with the failing migration's error. */
export async function migrate(db: Kysely<Tables>, dialect: Dialect, kysely: typeof import('kysely')): Promise<void> {
  const migrator = new kysely.Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect, kysely.sql) },
    migrationTableName: 'consentry_migrations',
    migrationLockTableName: 'consentry_migrations_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
