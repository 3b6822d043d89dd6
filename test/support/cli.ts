// The CLI driven the two ways the tests need: in process (`runCli` with captured output, from
// source) and as the built `dist/cli.mjs` in a child process, as a user runs it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { presetRegistry } from '../../presets/registry';
import { runCli, type CliDeps } from '../../src/node/cli/run';
import { ROOT } from './root';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `consentry <argv>` from source, in `cwd`, with every shipped preset known; output captured. */
export async function captureCli(argv: string[], deps: Partial<CliDeps> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    registry: presetRegistry,
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    ...deps,
  });
  return { code, stdout, stderr };
}

/** `node dist/cli.mjs <args>` in `cwd`. */
export const runBuiltCli = (args: string[], cwd: string): Promise<CliResult> =>
  new Promise((done) =>
    execFile(process.execPath, [join(ROOT, 'dist/cli.mjs'), ...args], { cwd }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    ),
  );
