// `consentry serve` as a user runs it: the built CLI in a child process, on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../support/root';
import { freePort } from './postgres';
import { KEY } from './records';

export interface ServeProcess {
  child: ChildProcess;
  origin: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/** Starts `consentry serve <args>` and waits for its start-up lines, or for it to exit. */
export async function startServe(args: string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist/cli.mjs'), 'serve', '--port', String(port), ...args], {
    env: { ...process.env, CONSENTRY_API_KEY: KEY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  await Promise.race([
    new Promise<void>((resolve) => {
      // "listening on …", then "records in …": both lines are out once the second is.
      const check = () => (/records in .*\n/.test(out) ? resolve() : setTimeout(check, 20));
      check();
    }),
    exited,
  ]);
  return { child, origin: `http://127.0.0.1:${port}`, stdout: () => out, stderr: () => err, exited };
}

/** Every stored record, through the read API's NDJSON export. */
export async function exportedIds(origin: string): Promise<string[]> {
  const response = await fetch(`${origin}/v1/records`, { headers: { authorization: `Bearer ${KEY}` } });
  const text = await response.text();
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { recordId: string }).recordId);
}
