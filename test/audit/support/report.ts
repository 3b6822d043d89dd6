// Reads what an audit wrote: the JSON report, and its findings by check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditReport, Finding } from '../../../src/node/audit/types';

export const readReport = (folder: string, file = 'audit.json'): AuditReport =>
  JSON.parse(readFileSync(join(folder, file), 'utf8'));

export const findingsOf = (report: AuditReport, check: string): Finding[] =>
  report.findings.filter((finding) => finding.check == check);

/** `check phase subject` of every finding, for an overview in a failure message. */
export const overview = (report: AuditReport): string =>
  report.findings
    .map((f) => `${f.severity} ${f.check} [${f.phase}] ${f.subject}${f.flaky ? ' (flaky)' : ''}`)
    .join('\n');
