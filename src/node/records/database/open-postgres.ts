// PostgreSQL through node-postgres (`pg`), for any number of instances sharing one database.
// Commits wait for the WAL flush as long as the server keeps `synchronous_commit` on (its default);
// the service checks it at start and refuses a database that acknowledges before the flush.
import type { Kysely } from 'kysely';
import { loadKysely, loadPg } from '../load-modules';
import type { OpenedDatabase } from './open-sqlite';
import type { Tables } from './tables';

const INT8 = 20;

export async function openPostgres(connectionString: string, poolSize = 8): Promise<OpenedDatabase> {
  const [pg, kysely] = await Promise.all([loadPg(), loadKysely()]);
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    // Counts and epoch milliseconds fit a double exactly (below 2^53).
    types: {
      getTypeParser: (oid: number, format?: string) =>
        oid == INT8 ? Number : pg.types.getTypeParser(oid, format as 'text'),
    },
  });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', (error: Error) => console.error('consentry serve: PostgreSQL connection error:', error.message));
  const db: Kysely<Tables> = new kysely.Kysely<Tables>({ dialect: new kysely.PostgresDialect({ pool }) });
  try {
    const { rows } = await kysely.sql<{ synchronous_commit: string }>`SHOW synchronous_commit`.execute(db);
    if (rows[0]?.synchronous_commit == 'off')
      throw new Error(
        'consentry serve: PostgreSQL has synchronous_commit=off, so a commit could be lost after it is acknowledged. Turn it on for this database.',
      );
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, kysely, close: () => db.destroy() };
}
