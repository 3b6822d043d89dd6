// The terminal summary: the findings grouped by check, failing ones first, with their evidence in
// one line each; colour only on a terminal (and never with NO_COLOR, https://no-color.org).
import { CHECKS, fails, type CheckId } from './checks';
import type { AuditReport, Finding } from './types';

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const sgr = (code: number) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
export const colours: Paint = { red: sgr(31), yellow: sgr(33), green: sgr(32), dim: sgr(2), bold: sgr(1) };
const plainText = (s: string) => s;
export const plain: Paint = { red: plainText, yellow: plainText, green: plainText, dim: plainText, bold: plainText };

export function paintFor(isTTY: boolean, env: NodeJS.ProcessEnv): Paint {
  return isTTY && !env.NO_COLOR && env.TERM != 'dumb' ? colours : plain;
}

function label(finding: Finding, paint: Paint): string {
  const tags = [finding.flaky ? `flaky, ${finding.runs} of the runs` : '', finding.accepted ? 'in baseline' : '']
    .filter(Boolean)
    .join(', ');
  const severity =
    finding.severity == 'error'
      ? paint.red('error')
      : finding.severity == 'warn'
        ? paint.yellow('warn')
        : paint.dim('info');
  return `${severity}${tags ? paint.dim(` (${tags})`) : ''}`;
}

/** The summary lines. */
export function summaryLines(report: AuditReport, strict: boolean, paint: Paint): string[] {
  const lines: string[] = [];
  const byCheck = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const list = byCheck.get(finding.check) ?? [];
    list.push(finding);
    byCheck.set(finding.check, list);
  }
  const failing = (f: Finding) => fails(f, report.failOn, strict) || f.check == 'could-not-audit';
  const groups = [...byCheck.entries()].sort(([, a], [, b]) => Number(b.some(failing)) - Number(a.some(failing)));
  for (const [check, findings] of groups) {
    const title = CHECKS[check as CheckId]?.title ?? check;
    lines.push('', paint.bold(`${check}: ${title}`) + paint.dim(` (${findings.length})`));
    for (const finding of findings) {
      lines.push(`  ${label(finding, paint)} [${finding.phase}] ${finding.message}`);
      const { evidence } = finding;
      const where = [
        evidence.url && `at ${evidence.url}`,
        evidence.at ? `+${evidence.at} ms` : '',
        evidence.initiator && `by ${evidence.initiator}`,
      ]
        .filter(Boolean)
        .join(', ');
      if (where) lines.push(paint.dim(`      ${where}`));
      if (evidence.classifiedBy) lines.push(paint.dim(`      classified by ${evidence.classifiedBy}`));
    }
  }
  const count = (severity: string) => report.findings.filter((f) => f.severity == severity).length;
  const flaky = report.findings.filter((f) => f.flaky).length;
  const accepted = report.findings.filter((f) => f.accepted).length;
  lines.push(
    '',
    `${count('error')} errors, ${count('warn')} warnings, ${count('info')} notes` +
      (flaky ? `, ${flaky} flaky` : '') +
      (accepted ? `, ${accepted} in the baseline` : '') +
      ` · ${report.runs} run${report.runs == 1 ? '' : 's'} of ${report.pages.length} page${report.pages.length == 1 ? '' : 's'} in ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  if (report.exitCode == 0) lines.push(paint.green(`passed (fail on: ${report.failOn})`));
  else if (report.exitCode == 1) lines.push(paint.red(`failed: findings at or above ${report.failOn}`));
  else lines.push(paint.red(`could not audit: ${report.error}`));
  return lines;
}
