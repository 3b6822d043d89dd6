// JUnit XML for CI: one test suite per phase, one test case per check that ran in it. A failing
// finding is a <failure>; "could not audit" an <error>; findings below `--fail-on`, flaky or in
// the baseline are reported in <system-out> and do not fail.
import { CHECKS, fails, type CheckId } from './checks';
import type { AuditReport, Finding, PhaseName } from './types';
import { PHASES } from './types';

/** XML 1.0 allows no control characters but tab, newline and carriage return (XML 1.0, §2.2 Characters). */
const allowedInXml = (char: string): boolean => {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code != 0xfffe && code != 0xffff) || code == 0x9 || code == 0xa || code == 0xd;
};

const escapeXml = (text: string): string =>
  [...text]
    .filter(allowedInXml)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** The checks that apply to each phase. */
const PHASE_CHECKS: Record<PhaseName, CheckId[]> = {
  before: [
    'pre-consent-request',
    'pre-consent-cookie',
    'pre-consent-storage',
    'cookieless-ping',
    'reject-first-layer',
    'reject-clicks',
    'pre-ticked',
    'equal-weight',
    'unclassified',
  ],
  reject: ['after-reject', 'consent-cookie-lifetime', 'reopen-control', 'unclassified'],
  accept: ['undeclared-vendor', 'declared-not-seen', 'cookie-lifetime', 'unclassified'],
  withdraw: ['withdrawal-requests', 'withdrawal-cookies', 'unclassified'],
  gpc: ['gpc', 'unclassified'],
};

const describe = (finding: Finding) =>
  `${finding.severity}${finding.flaky ? ' (flaky)' : ''}${finding.accepted ? ' (baseline)' : ''}: ${finding.message}\n` +
  `  evidence: ${finding.evidence.url} +${finding.evidence.at} ms, by ${finding.evidence.initiator}; classified by ${finding.evidence.classifiedBy}`;

export function junitXml(report: AuditReport, strict: boolean): string {
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  let totalErrors = 0;
  for (const phase of PHASES) {
    const status = report.phases.find((p) => p.phase == phase);
    if (!status) continue;
    const cases: string[] = [];
    let failures = 0;
    let errors = 0;
    const findings = report.findings.filter((f) => f.phase == phase);
    const blocked = findings.find((f) => f.check == 'could-not-audit');
    if (blocked) {
      errors++;
      cases.push(
        `    <testcase classname="consentry.audit.${phase}" name="could-not-audit"><error message="${escapeXml(blocked.message)}">${escapeXml(describe(blocked))}</error></testcase>`,
      );
    } else {
      for (const check of PHASE_CHECKS[phase]) {
        const ofCheck = findings.filter((f) => f.check == check);
        const failing = ofCheck.filter((f) => fails(f, report.failOn, strict));
        const name = `${check}: ${CHECKS[check].title}`;
        let body = '';
        if (failing.length) {
          failures++;
          body += `<failure message="${escapeXml(failing[0]!.message)}" type="${failing[0]!.severity}">${escapeXml(failing.map(describe).join('\n'))}</failure>`;
        }
        const other = ofCheck.filter((f) => !failing.includes(f));
        if (other.length) body += `<system-out>${escapeXml(other.map(describe).join('\n'))}</system-out>`;
        cases.push(`    <testcase classname="consentry.audit.${phase}" name="${escapeXml(name)}">${body}</testcase>`);
      }
    }
    totalTests += cases.length;
    totalFailures += failures;
    totalErrors += errors;
    suites.push(
      `  <testsuite name="${escapeXml(`consentry audit: ${phase}`)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${escapeXml(`consentry audit ${report.url}`)}" tests="${totalTests}" failures="${totalFailures}" errors="${totalErrors}" time="${(report.durationMs / 1000).toFixed(3)}">\n` +
    `${suites.join('\n')}\n</testsuites>\n`
  );
}
