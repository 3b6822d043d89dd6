// `consentry serve` as a process: an acknowledged record survives `kill -9`, a second process on
// one data directory is refused, two instances on one PostgreSQL store every record exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from './support/databases';
import { record } from './support/records';
import { exportedIds, startServe, type ServeProcess } from './support/serve-process';

const processes: ServeProcess[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const server of processes.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await server.exited;
  }
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const dataDir = (): string => {
  const folder = mkdtempSync(join(tmpdir(), 'consentry-serve-'));
  folders.push(folder);
  return folder;
};
const serve = async (args: string[], env?: Record<string, string>) => {
  const server = await startServe(args, env);
  processes.push(server);
  return server;
};

const post = (origin: string, body: unknown): Promise<number> =>
  fetch(`${origin}/v1/records`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
  }).then(
    (response) => response.status,
    () => 0,
  );

/**
 * Sends records from `workers` concurrent loops until `stop()` says so; returns the record ids the
 * receivers acknowledged (204). `pick` chooses the receiver for each record (and may send it twice).
 */
function load(targets: string[], workers: number) {
  const acknowledged: string[] = [];
  let running = true;
  let sent = 0;
  const loops = Array.from({ length: workers }, async (_, worker) => {
    while (running && sent < 200_000) {
      const body = record({ consentId: `worker-${worker}-visitor` });
      sent++;
      const target = targets[sent % targets.length]!;
      // Now and then the same record twice, to two receivers at once: the outbox re-sends like this.
      const twice = targets.length > 1 && sent % 5 == 0;
      const statuses = await Promise.all(twice ? targets.map((origin) => post(origin, body)) : [post(target, body)]);
      if (statuses.includes(204)) acknowledged.push(body.recordId);
    }
  });
  return {
    acknowledged,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

describe('durability', () => {
  it('every record acknowledged before kill -9 is there after a restart, each once', async () => {
    const folder = dataDir();
    const first = await serve(['--data', folder, '--rate-limit', '0']);
    expect(first.stdout()).toContain(`listening on ${first.origin}`);
    const traffic = load([first.origin], 16);
    // Under load: wait for a few hundred acknowledged writes, then kill without warning.
    while (traffic.acknowledged.length < 400) await new Promise((resolve) => setTimeout(resolve, 20));
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    await traffic.stop();
    const acknowledged = [...traffic.acknowledged];

    const second = await serve(['--data', folder, '--rate-limit', '0']);
    expect(second.stdout()).toContain('listening on');
    const stored = await exportedIds(second.origin);
    const missing = acknowledged.filter((id) => !stored.includes(id));
    expect(missing).toEqual([]);
    expect(new Set(stored).size).toBe(stored.length);
    expect(acknowledged.length).toBeGreaterThanOrEqual(400);
  });

  it('a second process on the same data directory is refused with a clear message, and the first keeps working', async () => {
    const folder = dataDir();
    const first = await serve(['--data', folder]);
    const second = await serve(['--data', folder]);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toContain(`${folder} is in use by another process (process ${first.child.pid}`);
    expect(second.stderr()).toContain('One process owns a data directory');
    expect(await post(first.origin, record())).toBe(204);
  });

  it('stops cleanly on SIGTERM, finishing what it acknowledged', async () => {
    const folder = dataDir();
    const first = await serve(['--data', folder]);
    const sent = record();
    expect(await post(first.origin, sent)).toBe(204);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const again = await serve(['--data', folder]);
    expect(await exportedIds(again.origin)).toEqual([sent.recordId]);
  });
});

describe('two instances on one PostgreSQL', () => {
  it('under concurrent load, with records sent to both at once, every acknowledged record is stored exactly once', async () => {
    const { databaseUrl } = await freshDatabase('postgres');
    const env = { DATABASE_URL: databaseUrl! };
    const [one, two] = await Promise.all([serve(['--rate-limit', '0'], env), serve(['--rate-limit', '0'], env)]);
    expect(one.stdout()).toContain('records in PostgreSQL');
    const traffic = load([one.origin, two.origin], 16);
    while (traffic.acknowledged.length < 1000) await new Promise((resolve) => setTimeout(resolve, 20));
    await traffic.stop();
    const stored = await exportedIds(one.origin);
    expect(new Set(stored).size).toBe(stored.length);
    expect([...stored].sort()).toEqual([...traffic.acknowledged].sort());
    expect(await exportedIds(two.origin)).toHaveLength(stored.length);
  });
});

describe('the command line', () => {
  it.each([
    [['--port', 'eighty'], 2, '--port: expected a whole number'],
    [['--origin', 'shop.example'], 2, '--origin shop.example: expected an origin'],
    [['--retain-days', '0'], 2, '--retain-days: expected a whole number from 1'],
  ])('%j exits %i: %s', async (args, code, message) => {
    const server = await serve(['--data', dataDir(), ...(args as string[])]);
    expect(await server.exited).toBe(code);
    expect(server.stderr()).toContain(message);
  });

  it('refuses a read key shorter than 16 characters', async () => {
    const server = await serve(['--data', dataDir()], { CONSENTRY_API_KEY: 'short' });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('the read key must be at least 16 characters');
  });
});
