// The embedded database: SQLite through better-sqlite3, in WAL mode with synchronous=FULL, so a
// commit returns only once the write-ahead log is flushed to disk and an acknowledged record
// survives a killed process or a power cut (https://www.sqlite.org/pragma.html#pragma_synchronous).
// One process owns a data directory: `locking_mode=EXCLUSIVE` keeps SQLite's own file lock for
// as long as the connection is open, and the operating system releases it when the process
// dies, even by `kill -9`, so a second process is refused and a crashed one leaves no stale lock.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { loadKysely, loadSqlite } from '../load-modules';
import type { Tables } from './tables';

export const DATABASE_FILE = 'records.sqlite';
const OWNER_FILE = 'owner.json';

export interface OpenedDatabase {
  db: Kysely<Tables>;
  kysely: typeof import('kysely');
  close(): Promise<void>;
}

export class DataDirectoryInUse extends Error {}

export async function openSqlite(directory: string): Promise<OpenedDatabase> {
  const [Database, kysely] = await Promise.all([loadSqlite(), loadKysely()]);
  const folder = resolve(directory);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, DATABASE_FILE);
  const database = new Database(file, { timeout: 0 });
  try {
    database.pragma('locking_mode = EXCLUSIVE');
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    // Takes the exclusive lock now rather than at the first record.
    database.exec('BEGIN IMMEDIATE; COMMIT');
  } catch (error) {
    database.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      let owner = '';
      try {
        const { pid, since } = JSON.parse(readFileSync(join(folder, OWNER_FILE), 'utf8')) as Record<string, unknown>;
        owner = ` (process ${pid}, since ${since})`;
      } catch {
        // No note left: the message is clear without it.
      }
      throw new DataDirectoryInUse(
        `consentry serve: ${folder} is in use by another process${owner}. One process owns a data directory: stop the other one, or give this one another --data.`,
      );
    }
    throw error;
  }
  // For the message above only: the lock is SQLite's.
  writeFileSync(join(folder, OWNER_FILE), JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
  const db = new kysely.Kysely<Tables>({ dialect: new kysely.SqliteDialect({ database }) });
  return { db, kysely, close: () => db.destroy() };
}
