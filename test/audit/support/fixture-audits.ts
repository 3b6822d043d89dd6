// What every test file of fixture-site audits needs: the fixture server for the file, a fresh
// folder per test, and `audit(url, ...args)`, which runs `consentry audit` there as a user runs it
// from a shell and reads back the JSON report a CI job reads.
import { afterAll, beforeAll } from 'vitest';
import { useTempDir } from '../../support/temp-dir';
import { runAudit, type AuditRun } from './audit-cli';
import { readReport } from './report';
import type { AuditReport } from '../../../src/node/audit/types';
import { startSiteServer, type SiteServer } from './site-server';

export interface FixtureAudits {
  /** The file's fixture server (set once its `beforeAll` ran). */
  readonly server: SiteServer;
  /** The running test's folder, where the reports are written. */
  readonly dir: string;
  audit(url: string, ...args: string[]): Promise<AuditRun & { report: AuditReport }>;
}

/**
 * Registers the hooks and returns the live holder: read `fixture.server` and `fixture.dir` while
 * a test runs. `audit` uses one run and two pages unless told otherwise: the start page and one
 * more is what every check needs, and keeps the project fast.
 */
export function useFixtureAudits(): FixtureAudits {
  let server: SiteServer | undefined;
  beforeAll(async () => {
    server = await startSiteServer();
  });
  afterAll(() => server?.close());
  const tmp = useTempDir('consentry-audit-');
  return {
    get server() {
      return server!;
    },
    get dir() {
      return tmp.path;
    },
    async audit(url, ...args) {
      const argv = [
        url,
        '--json',
        'audit.json',
        ...(args.includes('--runs') ? [] : ['--runs', '1']),
        ...(args.includes('--pages') ? [] : ['--pages', '2']),
        ...args,
      ];
      const result = await runAudit(argv, { cwd: tmp.path });
      return { ...result, report: readReport(tmp.path) };
    },
  };
}
