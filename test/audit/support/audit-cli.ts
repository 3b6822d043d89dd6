// Runs `consentry audit` from source as a user runs it from a shell, against the fixture sites:
// its output captured, in a temp folder, with the vendor hosts answered locally.
import { captureCli, type CliResult } from '../../support/cli';
import { CHROMIUM_ARGS, interceptVendors } from './site-server';

export interface AuditRun extends CliResult {
  /** stderr lines as they came (progress), for tests that act between runs. */
}

export async function runAudit(
  argv: string[],
  options: { cwd: string; onProgress?: (line: string) => void } = { cwd: process.cwd() },
): Promise<AuditRun> {
  let progress = '';
  return captureCli(['audit', ...argv], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1' },
    isTTY: false,
    audit: { prepareContext: interceptVendors, chromiumArgs: CHROMIUM_ARGS, quietMs: 300 },
    stderr: (text) => {
      progress += text;
      for (const line of text.split('\n')) if (line) options.onProgress?.(line);
    },
  }).then((result) => ({ ...result, stderr: progress }));
}
