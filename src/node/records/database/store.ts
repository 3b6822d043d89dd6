// Every query of the records service, written once for both databases with Kysely. What differs
// is in two places only: the migrations (PostgreSQL partitions the records by month of receipt)
// and the partition upkeep below (creating months ahead, dropping whole expired months).
import type { ImpressionEvent, LogAction, LogRecord } from '../../../core/log/record';
import type { DeviceClass } from '../client-info';
import { migrate, type Dialect } from './migrations';
import type { OpenedDatabase } from './open-sqlite';
import type { RecordsTable, Tables } from './tables';

const DAY = 864e5;
/**
 * How long a record id is remembered after its receipt, so a re-sent record is stored once. The
 * page drops an unacknowledged record after 7 days; a month covers it with room to spare.
 */
export const DEDUPLICATION_DAYS = 35;
/** Rows per page of an export: memory stays flat whatever the range. */
const EXPORT_PAGE = 2000;

/** A record as received: the page's fields and what the receiver adds. */
export interface Incoming {
  record: LogRecord;
  receivedAt: number;
  country: string | null;
  device: DeviceClass;
}

export type Write =
  | ({ kind: 'record' } & Incoming)
  | { kind: 'impression'; event: ImpressionEvent; receivedAt: number };

/** A stored record: the beacon's fields at the top level, plus receipt time, country and device class. */
export interface StoredRecord extends LogRecord {
  receivedAt: number;
  country: string | null;
  device: string;
}

export interface Range {
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
}

export type StatsDimension = 'day' | 'region' | 'category' | 'config';

export interface Summary {
  /** Banners shown (with `log.impressions`). */
  impressions: number;
  decisions: number;
  actions: Record<LogAction, number>;
  /** Of the decisions: accept all, reject all, custom choices. */
  shares: { acceptAll: number; rejectAll: number; custom: number };
  /** Decisions by the visitor (accept all, reject all, custom, withdraw) per banner shown; null without impressions. */
  interactionRate: number | null;
  /** Of the decisions, the share made with GPC or Do-Not-Track on. */
  gpcShare: number;
  dntShare: number;
  /** Per category: decisions granting it, decisions naming it, and their ratio. */
  categories: Record<string, { granted: number; total: number; rate: number }>;
}

export interface Stats {
  from: string;
  to: string;
  by: StatsDimension;
  total: Summary;
  /** One summary per day, region or config; per category one `{ key, granted, total, rate }`. */
  groups: Array<{ key: string } & (Summary | { granted: number; total: number; rate: number })>;
}

export interface ConfigSnapshot {
  hash: string;
  config: unknown | null;
  firstSeenAt: number;
  registeredAt: number | null;
}

export interface RetentionResult {
  records: number;
  recordIds: number;
  configs: number;
  droppedPartitions: string[];
}

export interface RecordStore {
  readonly dialect: Dialect;
  /** Writes a batch in one transaction; a record id stored before is skipped. */
  write(batch: Write[]): Promise<void>;
  /** One visitor's records, oldest first, each with the config it named. */
  history(consentId: string): Promise<Array<StoredRecord & { config: unknown | null }>>;
  /** Every record received in `range`, oldest first, read page by page. */
  exportRecords(range: Range): AsyncGenerator<StoredRecord>;
  stats(range: Range, by: StatsDimension): Promise<Stats>;
  /** Deletes one visitor's records; returns how many. */
  erase(consentId: string): Promise<number>;
  /** Stores `config` under its hash (the one pages compute); returns the hash. */
  registerConfig(hash: string, config: unknown, now?: number): Promise<void>;
  configs(): Promise<ConfigSnapshot[]>;
  /** Deletes records received more than `retainDays` ago, old record ids, and configs no record names. */
  retain(retainDays: number, now?: number): Promise<RetentionResult>;
  count(): Promise<number>;
  close(): Promise<void>;
}

export const dayOf = (time: number): string => new Date(time).toISOString().slice(0, 10);
const ACTIONS: LogAction[] = ['accept-all', 'reject-all', 'custom', 'withdraw', 'signal', 'default'];
const BY_VISITOR: LogAction[] = ['accept-all', 'reject-all', 'custom', 'withdraw'];

const rowOf = ({ record, receivedAt, country, device }: Incoming): RecordsTable => ({
  record_id: record.recordId,
  consent_id: record.consentId,
  schema: record.schema,
  revision: record.revision,
  config_hash: record.configHash,
  language: record.language,
  version: record.version,
  action: record.action,
  choices: JSON.stringify(record.choices),
  gpc: +record.signals.gpc,
  dnt: +record.signals.dnt,
  mode: record.mode,
  region: record.region,
  url: record.url,
  created_at: record.createdAt,
  received_at: receivedAt,
  country,
  device,
  gpp: record.gpp ?? null,
});

const storedOf = (row: RecordsTable): StoredRecord => ({
  recordId: row.record_id,
  consentId: row.consent_id,
  schema: Number(row.schema),
  revision: Number(row.revision),
  configHash: row.config_hash,
  language: row.language,
  version: row.version,
  action: row.action as LogAction,
  choices: JSON.parse(row.choices) as Record<string, boolean>,
  signals: { gpc: !!Number(row.gpc), dnt: !!Number(row.dnt) },
  mode: row.mode as 'opt-in' | 'opt-out',
  region: row.region,
  url: row.url,
  createdAt: Number(row.created_at),
  receivedAt: Number(row.received_at),
  country: row.country,
  device: row.device,
  ...(row.gpp ? { gpp: row.gpp } : {}),
});

/** Adds `amount` under `key`, creating the entry. */
function tally<T>(map: Map<string, T>, key: string, create: () => T, add: (entry: T) => void): void {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = create()));
  add(entry);
}

const byKey = <T extends object>(rows: T[], key: (row: T) => string): T[] =>
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** The day's roll-up rows for the records and impressions of one batch, in a fixed key order (no deadlocks between instances). */
function rollups(records: RecordsTable[], impressions: Array<{ event: ImpressionEvent; receivedAt: number }>) {
  const decisions = new Map<string, Tables['daily_decisions']>();
  const categories = new Map<string, Tables['daily_categories']>();
  const shown = new Map<string, Tables['daily_impressions']>();
  for (const row of records) {
    const day = dayOf(row.received_at);
    const region = row.region ?? '';
    const dims = { day, region, config_hash: row.config_hash };
    tally(
      decisions,
      [day, region, row.config_hash, row.action, row.gpc, row.dnt].join('\u0000'),
      () => ({ ...dims, action: row.action, gpc: row.gpc, dnt: row.dnt, count: 0 }),
      (entry) => entry.count++,
    );
    const choices = JSON.parse(row.choices) as Record<string, boolean>;
    for (const category of Object.keys(choices))
      tally(
        categories,
        [day, region, row.config_hash, category].join('\u0000'),
        () => ({ ...dims, category, granted: 0, total: 0 }),
        (entry) => {
          entry.total++;
          if (choices[category]) entry.granted++;
        },
      );
  }
  for (const { event, receivedAt } of impressions) {
    const day = dayOf(receivedAt);
    const region = event.region ?? '';
    tally(
      shown,
      [day, region, event.configHash].join('\u0000'),
      () => ({ day, region, config_hash: event.configHash, count: 0 }),
      (entry) => entry.count++,
    );
  }
  const sorted = <T>(map: Map<string, T>): T[] => [...map.keys()].sort().map((key) => map.get(key)!);
  return { decisions: sorted(decisions), categories: sorted(categories), impressions: sorted(shown) };
}

const emptySummary = (): Summary => ({
  impressions: 0,
  decisions: 0,
  actions: Object.fromEntries(ACTIONS.map((action) => [action, 0])) as Record<LogAction, number>,
  shares: { acceptAll: 0, rejectAll: 0, custom: 0 },
  interactionRate: null,
  gpcShare: 0,
  dntShare: 0,
  categories: {},
});

const ratio = (part: number, whole: number): number => (whole ? Math.round((part / whole) * 10_000) / 10_000 : 0);

/** Fills in the shares and rates from the counts. */
function finish(summary: Summary & { gpc?: number; dnt?: number }): Summary {
  const { gpc = 0, dnt = 0, ...counts } = summary;
  const byVisitor = BY_VISITOR.reduce((sum, action) => sum + counts.actions[action], 0);
  return {
    ...counts,
    shares: {
      acceptAll: ratio(counts.actions['accept-all'], counts.decisions),
      rejectAll: ratio(counts.actions['reject-all'], counts.decisions),
      custom: ratio(counts.actions.custom, counts.decisions),
    },
    interactionRate: counts.impressions ? ratio(byVisitor, counts.impressions) : null,
    gpcShare: ratio(gpc, counts.decisions),
    dntShare: ratio(dnt, counts.decisions),
    categories: Object.fromEntries(
      Object.keys(counts.categories)
        .sort()
        .map((name) => {
          const { granted, total } = counts.categories[name]!;
          return [name, { granted, total, rate: ratio(granted, total) }];
        }),
    ),
  };
}

/** The first instant of the month of `time`, and of the next one (UTC). */
const monthBounds = (time: number): { start: number; end: number; name: string } => {
  const date = new Date(time);
  const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const end = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  const name = `records_${date.getUTCFullYear()}_${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  return { start, end, name };
};

export async function createStore(opened: OpenedDatabase, dialect: Dialect): Promise<RecordStore> {
  const { db, kysely } = opened;
  const { sql } = kysely;
  await migrate(db, dialect, kysely);
  const partitions = new Set<string>();

  /** PostgreSQL: the month partition for `time`, created if missing (under a lock: instances race). */
  const ensurePartition = async (time: number): Promise<void> => {
    if (dialect != 'postgres') return;
    const { start, end, name } = monthBounds(time);
    if (partitions.has(name)) return;
    await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext('consentry-partitions'))`.execute(trx);
      await sql
        .raw(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF records FOR VALUES FROM (${start}) TO (${end})`)
        .execute(trx);
    });
    partitions.add(name);
  };
  const ensureAhead = async (now = Date.now()): Promise<void> => {
    await ensurePartition(now);
    await ensurePartition(monthBounds(now).end);
  };
  await ensureAhead();

  const sumAll = async (table: 'records'): Promise<number> => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  };

  const store: RecordStore = {
    dialect,

    async write(batch) {
      // One row per record id, the first one: a batch may hold a record and its re-send.
      const seen = new Set<string>();
      const incoming: RecordsTable[] = [];
      const impressions: Array<{ event: ImpressionEvent; receivedAt: number }> = [];
      for (const item of batch) {
        if (item.kind == 'impression') impressions.push(item);
        else if (!seen.has(item.record.recordId)) {
          seen.add(item.record.recordId);
          incoming.push(rowOf(item));
        }
      }
      for (const row of incoming) await ensurePartition(row.received_at);
      await db.transaction().execute(async (trx) => {
        let fresh: RecordsTable[] = [];
        if (incoming.length) {
          const inserted = await trx
            .insertInto('record_ids')
            .values(
              byKey(incoming, (row) => row.record_id).map((row) => ({
                record_id: row.record_id,
                received_at: row.received_at,
              })),
            )
            .onConflict((conflict) => conflict.column('record_id').doNothing())
            .returning('record_id')
            .execute();
          const stored = new Set(inserted.map((row) => row.record_id));
          fresh = incoming.filter((row) => stored.has(row.record_id));
        }
        if (fresh.length) {
          await trx.insertInto('records').values(fresh).execute();
          const hashes = [...new Set(fresh.map((row) => row.config_hash))].sort();
          await trx
            .insertInto('configs')
            .values(
              hashes.map((hash) => ({ hash, config: null, first_seen_at: fresh[0]!.received_at, registered_at: null })),
            )
            .onConflict((conflict) => conflict.column('hash').doNothing())
            .execute();
        }
        const rolled = rollups(fresh, impressions);
        if (rolled.decisions.length)
          await trx
            .insertInto('daily_decisions')
            .values(rolled.decisions)
            .onConflict((conflict) =>
              conflict
                .columns(['day', 'region', 'config_hash', 'action', 'gpc', 'dnt'])
                .doUpdateSet({ count: sql`daily_decisions.count + excluded.count` }),
            )
            .execute();
        if (rolled.categories.length)
          await trx
            .insertInto('daily_categories')
            .values(rolled.categories)
            .onConflict((conflict) =>
              conflict.columns(['day', 'region', 'config_hash', 'category']).doUpdateSet({
                granted: sql`daily_categories.granted + excluded.granted`,
                total: sql`daily_categories.total + excluded.total`,
              }),
            )
            .execute();
        if (rolled.impressions.length)
          await trx
            .insertInto('daily_impressions')
            .values(rolled.impressions)
            .onConflict((conflict) =>
              conflict
                .columns(['day', 'region', 'config_hash'])
                .doUpdateSet({ count: sql`daily_impressions.count + excluded.count` }),
            )
            .execute();
      });
    },

    async history(consentId) {
      const rows = await db
        .selectFrom('records')
        .leftJoin('configs', 'configs.hash', 'records.config_hash')
        .selectAll('records')
        .select('configs.config as config')
        .where('records.consent_id', '=', consentId)
        .orderBy('records.created_at')
        .orderBy('records.received_at')
        .execute();
      return rows.map(({ config, ...row }) => ({
        ...storedOf(row as RecordsTable),
        config: config ? (JSON.parse(config) as unknown) : null,
      }));
    },

    async *exportRecords({ from = 0, to = Number.MAX_SAFE_INTEGER }) {
      // Keyset pages on (received_at, record_id): each query starts after the last row sent.
      let after: { at: number; id: string } | null = null;
      for (;;) {
        const cursor: { at: number; id: string } | null = after;
        let query = db
          .selectFrom('records')
          .selectAll()
          .where('received_at', '>=', from)
          .where('received_at', '<', to)
          .orderBy('received_at')
          .orderBy('record_id')
          .limit(EXPORT_PAGE);
        if (cursor)
          query = query.where((eb) =>
            eb.or([
              eb('received_at', '>', cursor.at),
              eb.and([eb('received_at', '=', cursor.at), eb('record_id', '>', cursor.id)]),
            ]),
          );
        const rows = await query.execute();
        for (const row of rows) yield storedOf(row);
        if (rows.length < EXPORT_PAGE) return;
        const last = rows[rows.length - 1]!;
        after = { at: Number(last.received_at), id: last.record_id };
      }
    },

    async stats({ from = 0, to = Date.now() + DAY }, by) {
      const first = dayOf(from);
      const last = dayOf(Math.max(from, to - 1));
      const dimension = (row: { day: string; region: string; config_hash: string }): string =>
        by == 'day' ? row.day : by == 'region' ? row.region || 'unknown' : by == 'config' ? row.config_hash : '';
      const [decisions, categories, impressions] = await Promise.all([
        db.selectFrom('daily_decisions').selectAll().where('day', '>=', first).where('day', '<=', last).execute(),
        db.selectFrom('daily_categories').selectAll().where('day', '>=', first).where('day', '<=', last).execute(),
        db.selectFrom('daily_impressions').selectAll().where('day', '>=', first).where('day', '<=', last).execute(),
      ]);
      type Counting = Summary & { gpc: number; dnt: number };
      const total: Counting = { ...emptySummary(), gpc: 0, dnt: 0 };
      const groups = new Map<string, Counting>();
      const both = (key: string, add: (summary: Counting) => void): void => {
        add(total);
        if (by != 'category') tally(groups, key, () => ({ ...emptySummary(), gpc: 0, dnt: 0 }), add);
      };
      for (const row of decisions) {
        const count = Number(row.count);
        both(dimension(row), (summary) => {
          summary.decisions += count;
          summary.actions[row.action as LogAction] += count;
          if (Number(row.gpc)) summary.gpc += count;
          if (Number(row.dnt)) summary.dnt += count;
        });
      }
      for (const row of categories)
        both(dimension(row), (summary) => {
          // No logical assignment (`??=`): the published files keep to ES2020 syntax.
          const entry = summary.categories[row.category] ?? { granted: 0, total: 0, rate: 0 };
          summary.categories[row.category] = entry;
          entry.granted += Number(row.granted);
          entry.total += Number(row.total);
        });
      for (const row of impressions) both(dimension(row), (summary) => (summary.impressions += Number(row.count)));
      const summary = finish(total);
      const keyed =
        by == 'category'
          ? Object.entries(summary.categories).map(([key, entry]) => ({ key, ...entry }))
          : [...groups.keys()].sort().map((key) => ({ key, ...finish(groups.get(key)!) }));
      return { from: first, to: last, by, total: summary, groups: keyed };
    },

    async erase(consentId) {
      const result = await db.deleteFrom('records').where('consent_id', '=', consentId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async registerConfig(hash, config, now = Date.now()) {
      const text = JSON.stringify(config);
      await db
        .insertInto('configs')
        .values({ hash, config: text, first_seen_at: now, registered_at: now })
        .onConflict((conflict) => conflict.column('hash').doUpdateSet({ config: text, registered_at: now }))
        .execute();
    },

    async configs() {
      const rows = await db.selectFrom('configs').selectAll().orderBy('first_seen_at', 'desc').execute();
      return rows.map((row) => ({
        hash: row.hash,
        config: row.config ? (JSON.parse(row.config) as unknown) : null,
        firstSeenAt: Number(row.first_seen_at),
        registeredAt: row.registered_at == null ? null : Number(row.registered_at),
      }));
    },

    async retain(retainDays, now = Date.now()) {
      const cutoff = now - retainDays * DAY;
      const droppedPartitions: string[] = [];
      if (dialect == 'postgres') {
        await ensureAhead(now);
        // Whole months past the cutoff go at once, without touching a row.
        const { rows } = await sql<{ name: string }>`
          SELECT child.relname AS name FROM pg_inherits
          JOIN pg_class child ON child.oid = pg_inherits.inhrelid
          JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
          WHERE parent.relname = 'records'`.execute(db);
        for (const { name } of rows) {
          const match = /^records_(\d{4})_(\d{2})$/.exec(name);
          if (!match || Date.UTC(Number(match[1]), Number(match[2]), 1) > cutoff) continue;
          await sql.raw(`DROP TABLE IF EXISTS ${name}`).execute(db);
          partitions.delete(name);
          droppedPartitions.push(name);
        }
      }
      // The month that straddles the cutoff (and every row, on the embedded database).
      const records = await db.deleteFrom('records').where('received_at', '<', cutoff).executeTakeFirst();
      const ids = await db
        .deleteFrom('record_ids')
        .where('received_at', '<', now - DEDUPLICATION_DAYS * DAY)
        .executeTakeFirst();
      // A snapshot stays while a record names it, and a registered one for the retention period.
      const configs = await db
        .deleteFrom('configs')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb.selectFrom('records').select('records.record_id').whereRef('records.config_hash', '=', 'configs.hash'),
            ),
          ),
        )
        .where((eb) => eb.fn.coalesce('registered_at', 'first_seen_at'), '<', cutoff)
        .executeTakeFirst();
      return {
        records: Number(records.numDeletedRows),
        recordIds: Number(ids.numDeletedRows),
        configs: Number(configs.numDeletedRows),
        droppedPartitions,
      };
    },

    count: () => sumAll('records'),
    close: () => opened.close(),
  };
  return store;
}
