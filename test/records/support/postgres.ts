// A throwaway PostgreSQL cluster for the records tests: Debian's `postgresql` package, a fresh
// data directory in a temp folder, a free port on 127.0.0.1, stopped and removed afterwards.
// Nothing skips: without PostgreSQL the tests fail with what to install (.ci/run installs it).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  /** `postgres://consentry@127.0.0.1:PORT/postgres` */
  url: string;
  stop(): void;
}

/** The newest installed server's bin/ folder (or $PG_BIN). */
export function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).filter((name) => existsSync(join(root, name, 'bin/initdb')))
    : [];
  if (!versions.length)
    throw new Error(
      "The records tests need PostgreSQL: install Debian's package (apt-get install -y postgresql) or set PG_BIN to a bin/ folder with initdb and pg_ctl.",
    );
  return join(root, versions.sort((a, b) => Number(b) - Number(a))[0]!, 'bin');
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** initdb refuses to run as root: then the cluster belongs to the `postgres` user. */
const asOwner = (command: string, args: string[]): string[] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]].flat() : [command, ...args];

function run(command: string, args: string[]): void {
  const [program, ...rest] = asOwner(command, args);
  const result = spawnSync(program!, rest, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
}

export async function startCluster(): Promise<Cluster> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'consentry-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'consentry', '--auth=trust', '--encoding=UTF8', '--no-locale']);
  const port = await freePort();
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on -c synchronous_commit=on`,
    'start',
  ]);
  return {
    url: `postgres://consentry@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
