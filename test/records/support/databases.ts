// A fresh database per test: a temp folder for the embedded one, a new database in the shared
// PostgreSQL cluster for the other (removed with the cluster after the run).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

export type DatabaseKind = 'sqlite' | 'postgres';
export const KINDS: DatabaseKind[] = ['sqlite', 'postgres'];

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let counter = 0;

/** Options for `createRecordsService` that point at a new, empty database of `kind`. */
export async function freshDatabase(kind: DatabaseKind): Promise<{ dataDir?: string; databaseUrl?: string }> {
  if (kind == 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'consentry-records-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    return { dataDir };
  }
  const admin = inject('postgresUrl');
  const name = `consentry_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  // Not dropped one by one: the whole cluster is thrown away after the run.
  return { databaseUrl: admin.replace(/\/postgres$/, `/${name}`) };
}
