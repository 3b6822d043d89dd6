// `npm run bench:server`: the records service (`consentry serve`, the built CLI in a process of its
// own) under autocannon, on the embedded database and on PostgreSQL (a throwaway cluster from
// Debian's package, or DATABASE_URL). Per database: 30 s of beacons with a new record id each,
// acknowledged records per second and p50 / p99 latency, then the count in the database against
// the acknowledged count; short steps of more connections until 503s start (the knee); and the
// server's memory while it streams a CSV export of 1 million rows.
// Env: BENCH_SECONDS (default 30), BENCH_CONNECTIONS (default 64), BENCH_EXPORT_ROWS (default 1e6).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { newId, record } from '../../test/records/support/records.ts';
import { writeSection } from './results.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KEY = 'bench-read-key-0123456789abcdef';
const SECONDS = Number(process.env.BENCH_SECONDS) || 30;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS) || 64;
const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS) || 1_000_000;
const KNEE_STEPS = [64, 256, 1024, 4096];

/** A valid record with a new record id and consent id each time (the tests' builder). */
const beaconRecord = (now = Date.now()) => record({ consentId: newId(), createdAt: now });

async function startServe(args, env) {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'dist/cli.mjs'), 'serve', '--port', '0', '--rate-limit', '0', ...args],
    {
      env: { ...process.env, CONSENTRY_API_KEY: KEY, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const origin = await new Promise((resolve, reject) => {
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
      else if (child.exitCode !== null) reject(new Error(`consentry serve exited: ${out}`));
      else setTimeout(check, 20);
    };
    check();
  });
  return {
    origin,
    pid: child.pid,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** autocannon POSTing a new record per request. */
function load(origin, connections, duration) {
  return autocannon({
    url: `${origin}/v1/records`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(beaconRecord()) }),
      },
    ],
  });
}

const status = (result, code) => Number(result.statusCodeStats?.[code]?.count ?? 0);

async function storedCount(origin) {
  const response = await fetch(`${origin}/v1/records`, { headers: { authorization: `Bearer ${KEY}` } });
  let lines = 0;
  const decoder = new TextDecoder();
  for await (const chunk of response.body) lines += decoder.decode(chunk, { stream: true }).split('\n').length - 1;
  return lines;
}

/** Resident memory of a process in MB (Linux). */
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Fills the database up to `rows` records through the store directly (the HTTP path is measured above). */
async function fill(options, rows, have) {
  const { createRecordsService } = await import(join(ROOT, 'dist/server.mjs'));
  const service = await createRecordsService({ ...options, retentionJob: false });
  const receivedAt = Date.now() - 3_600_000;
  for (let done = have; done < rows; ) {
    const batch = [];
    for (let i = 0; i < 500 && done < rows; i++, done++)
      batch.push({ kind: 'record', record: beaconRecord(receivedAt), receivedAt, country: null, device: 'desktop' });
    await service.store.write(batch);
  }
  await service.close();
}

/** Streams the CSV export and samples the server's memory every 100 ms. */
async function exportMemory(server) {
  const samples = [rssMb(server.pid)];
  const timer = setInterval(() => samples.push(rssMb(server.pid)), 100);
  const started = performance.now();
  const response = await fetch(`${server.origin}/v1/records?format=csv`, {
    headers: { authorization: `Bearer ${KEY}` },
  });
  let lines = 0;
  const decoder = new TextDecoder();
  for await (const chunk of response.body) lines += decoder.decode(chunk, { stream: true }).split('\n').length - 1;
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  return { rows: lines - 1, seconds, before: samples[0], peak: Math.max(...samples), after: samples.at(-1) };
}

async function benchDatabase(name, options, env, args) {
  console.log(`\n${name}: ${SECONDS} s, ${CONNECTIONS} connections`);
  let server = await startServe(args, env);
  const main = await load(server.origin, CONNECTIONS, SECONDS);
  const acknowledged = status(main, 204);
  const stored = await storedCount(server.origin);
  const row = {
    name,
    perSecond: acknowledged / SECONDS,
    p50: main.latency.p50,
    p99: main.latency.p99,
    acknowledged,
    stored,
    other: main.non2xx + main.errors + main.timeouts,
  };
  console.log(row);
  const knee = [];
  for (const connections of KNEE_STEPS) {
    const step = await load(server.origin, connections, 5);
    const entry = {
      connections,
      perSecond: status(step, 204) / 5,
      p99: step.latency.p99,
      unavailable: status(step, 503),
      errors: step.errors + step.timeouts,
    };
    knee.push(entry);
    console.log(entry);
    if (entry.unavailable > 0) break;
  }
  const have = await storedCount(server.origin);
  await server.stop();
  await fill(options, EXPORT_ROWS, have);
  server = await startServe(args, env);
  const exported = await exportMemory(server);
  console.log(exported);
  await server.stop();
  return { ...row, knee, exported };
}

export default async function serverBench() {
  const rows = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'consentry-bench-'));
  try {
    rows.push(await benchDatabase('embedded (SQLite)', { dataDir }, {}, ['--data', dataDir]));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  let cluster;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const { startCluster } = await import('../../test/records/support/postgres.ts');
    cluster = await startCluster();
    databaseUrl = cluster.url;
  }
  try {
    rows.push(await benchDatabase('PostgreSQL', { databaseUrl }, { DATABASE_URL: databaseUrl }, []));
  } finally {
    cluster?.stop();
  }

  const fixed = (value, digits = 1) => value.toFixed(digits);
  const markdown = [
    '## Records service (`npm run bench:server`)',
    '',
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, autocannon against \`consentry serve\` (built CLI, its own process, rate limit off) on the same 2-core machine; ${SECONDS} s, ${CONNECTIONS} connections, a new record id per request. PostgreSQL 15 with fsync and synchronous_commit on. Goal: ≥ 5,000 acknowledged records/s with p99 ≤ 50 ms.`,
    '',
    '| Database | Acknowledged records/s | p50 (ms) | p99 (ms) | Acknowledged (204) | In the database | Other answers / errors |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${fixed(row.perSecond, 0)} | ${row.p50} | ${row.p99} | ${row.acknowledged} | ${row.stored} | ${row.other} |`,
    ),
    '',
    'autocannon stops with up to one request per connection in flight, which the server still commits: "in the database" may exceed the acknowledged count by at most the number of connections, and must never be below it.',
    '',
    'More connections, 5 s each, until the write queue answers 503 (the knee):',
    '',
    '| Database | Connections | Acknowledged records/s | p99 (ms) | 503 answers | Errors |',
    '|---|---|---|---|---|---|',
    ...rows.flatMap((row) =>
      row.knee.map(
        (step) =>
          `| ${row.name} | ${step.connections} | ${fixed(step.perSecond, 0)} | ${step.p99} | ${step.unavailable} | ${step.errors} |`,
      ),
    ),
    '',
    'CSV export of every record, the server process resident memory (RSS) sampled every 100 ms:',
    '',
    '| Database | Rows | Seconds | RSS before (MB) | RSS peak (MB) | RSS after (MB) |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      ({ name, exported }) =>
        `| ${name} | ${exported.rows} | ${fixed(exported.seconds)} | ${fixed(exported.before)} | ${fixed(exported.peak)} | ${fixed(exported.after)} |`,
    ),
  ].join('\n');
  console.log('\n' + markdown);
  writeSection('server', markdown);
}
