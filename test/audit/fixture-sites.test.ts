// `consentry audit` against fixture sites served locally, vendor hosts answered in the browser:
// one site per check, each proving the finding it must give (and the exit code) through the
// JSON report a CI job reads.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../support/temp-dir';
import { runAudit } from './support/audit-cli';
import * as sites from './support/fixtures';
import { findingsOf, overview, readReport } from './support/report';
import { startSiteServer, type SiteServer } from './support/site-server';

let server: SiteServer;
beforeAll(async () => {
  server = await startSiteServer();
});
afterAll(() => server?.close());
const tmp = useTempDir('consentry-audit-');

/**
 * Audits `url` with `args` (one run and two pages unless given: the start page and one more is
 * what every check needs, and keeps the project fast), writing the JSON report to audit.json.
 */
async function audit(url: string, ...args: string[]) {
  const argv = [
    url,
    '--json',
    'audit.json',
    ...(args.includes('--runs') ? [] : ['--runs', '1']),
    ...(args.includes('--pages') ? [] : ['--pages', '2']),
    ...args,
  ];
  const result = await runAudit(argv, { cwd: tmp.path });
  const report = readReport(tmp.path);
  return { ...result, report };
}

describe('a clean Consentry site', () => {
  it('passes every phase: exit 0, no error, the long-lived _ga cookie a warning', async () => {
    const { code, report, stdout } = await audit(sites.cleanSite(server));
    expect(code, overview(report)).toBe(0);
    expect(report.passed).toBe(true);
    expect(report.phases.map((p) => [p.phase, p.status])).toEqual([
      ['before', 'audited'],
      ['reject', 'audited'],
      ['accept', 'audited'],
      ['withdraw', 'audited'],
      ['gpc', 'audited'],
    ]);
    expect(
      report.findings.filter((f) => f.severity == 'error'),
      overview(report),
    ).toEqual([]);
    expect(report.config).toEqual({ source: 'page', presets: ['google-analytics', 'meta-pixel'] });
    // Chromium caps cookie lifetimes at 400 days; GA asks for two years.
    const [lifetime] = findingsOf(report, 'cookie-lifetime');
    expect(lifetime).toMatchObject({ severity: 'warn', phase: 'accept', subject: 'cookie _ga' });
    expect(lifetime!.evidence).toMatchObject({
      initiator: expect.stringContaining('https://www.googletagmanager.com/gtag/js?id=G-ABC123'),
      classifiedBy: 'config presets[0] (google-analytics)',
    });
    expect(report.screenshots.banner).toMatch(/^data:image\/jpeg;base64,/);
    expect(report.screenshots.dialog).toMatch(/^data:image\/jpeg;base64,/);
    expect(stdout).toContain('passed (fail on: error)');
  });
});

describe('GA loaded straight from the HTML', () => {
  it('is an error naming the gtag URL and its initiator, the HTML line; the cookie, storage key and unknown widget too; exit 1', async () => {
    const url = sites.gaInHtmlSite(server);
    const { code, report, stdout } = await audit(url, '--phases', 'before');
    expect(code, overview(report)).toBe(1);
    const request = findingsOf(report, 'pre-consent-request').find(
      (f) => f.subject == 'request www.googletagmanager.com',
    );
    expect(request, overview(report)).toMatchObject({ severity: 'error', phase: 'before', flaky: false });
    expect(request!.evidence.url).toBe('https://www.googletagmanager.com/gtag/js?id=G-TEST1234');
    // The parser met the <script> in the page's HTML: the page and its line.
    expect(request!.evidence.initiator).toMatch(new RegExp(`^${url.replace(/[.?]/g, '\\$&')}:\\d+ \\(HTML\\)$`));
    expect(request!.evidence.classifiedBy).toBe('config presets[0] (google-analytics)');
    expect(request!.evidence.at).toBeGreaterThanOrEqual(0);
    expect(findingsOf(report, 'pre-consent-cookie').map((f) => f.subject)).toContain('cookie _ga');
    const storage = findingsOf(report, 'pre-consent-storage');
    expect(storage.map((f) => f.subject)).toEqual(['localStorage _hjTLDTest']);
    expect(storage[0]!.evidence.classifiedBy).toMatch(/^preset hotjar \(consentry /);
    expect(storage[0]!.evidence.initiator).toMatch(new RegExp(`^${url.replace(/[.?]/g, '\\$&')}:\\d+$`));
    expect(findingsOf(report, 'unclassified')).toEqual([
      expect.objectContaining({ severity: 'warn', subject: 'request widgets.unknown-vendor.example' }),
    ]);
    expect(stdout).toContain('pre-consent-request: No non-essential request before a choice');
    expect(stdout).toContain('failed: findings at or above error');
  });

  it('gates only on new findings with a baseline made from an earlier report', async () => {
    const url = sites.gaInHtmlSite(server, '/baseline');
    const first = await audit(url, '--phases', 'before');
    expect(first.code).toBe(1);
    writeFileSync(join(tmp.path, 'accepted.json'), JSON.stringify(first.report));
    const second = await audit(url, '--phases', 'before', '--baseline', 'accepted.json');
    expect(second.code, overview(second.report)).toBe(0);
    expect(second.report.findings.length).toBeGreaterThan(0);
    expect(second.report.findings.every((f) => f.accepted)).toBe(true);
  });
});

describe('a vendor that keeps loading after the choice', () => {
  it('is caught after reject (with a reload and the other pages), after withdrawal and with GPC', async () => {
    const { code, report } = await audit(sites.leakySite(server), '--phases', 'reject,withdraw,gpc');
    expect(code, overview(report)).toBe(1);
    const afterReject = findingsOf(report, 'after-reject');
    expect(afterReject.map((f) => f.subject)).toEqual(
      expect.arrayContaining(['request connect.facebook.net', 'cookie _fbp']),
    );
    expect(afterReject[0]!.evidence.classifiedBy).toBe('config presets[0] (meta-pixel)');
    expect(findingsOf(report, 'withdrawal-requests').map((f) => f.subject)).toContain('request connect.facebook.net');
    expect(findingsOf(report, 'withdrawal-cookies').map((f) => f.subject)).toContain('cookie _fbp');
    expect(findingsOf(report, 'gpc').map((f) => f.subject)).toContain('request connect.facebook.net');
  });
});

describe('an undeclared vendor', () => {
  it('is an error naming it; a declared vendor never seen is a note (stale config)', async () => {
    writeFileSync(
      join(tmp.path, 'consent.json'),
      JSON.stringify({ presets: [sites.GA, { name: 'pendo', apiKey: '0a1b2c3d-1111-4222-8333-444455556666' }] }),
    );
    const { code, report } = await audit(
      sites.undeclaredSite(server),
      '--phases',
      'accept',
      '--config',
      'consent.json',
    );
    expect(code, overview(report)).toBe(1);
    expect(report.config.source).toBe('option');
    const undeclared = findingsOf(report, 'undeclared-vendor');
    expect(undeclared.map((f) => f.subject)).toEqual(['vendor Hotjar']);
    expect(undeclared[0]!.evidence.classifiedBy).toMatch(/^preset hotjar \(consentry /);
    expect(findingsOf(report, 'declared-not-seen')).toEqual([
      expect.objectContaining({ severity: 'info', subject: 'vendor pendo' }),
    ]);
  });
});

describe("a site's own banner", () => {
  it('with reject as a link inside the text: the first-layer check, unequal weight, no reopen control, a 2-year consent cookie', async () => {
    const { code, report } = await audit(sites.linkRejectSite(server), '--phases', 'before,reject');
    expect(code, overview(report)).toBe(1);
    const [firstLayer] = findingsOf(report, 'reject-first-layer');
    expect(firstLayer!.message).toBe(
      'Reject is a link inside the text ("continue without accepting"), not a button like accept',
    );
    expect(findingsOf(report, 'reject-clicks')).toEqual([]);
    const [weight] = findingsOf(report, 'equal-weight');
    expect(weight).toMatchObject({ severity: 'warn' });
    expect(weight!.message).toMatch(/reject is \d+×\d+ px, accept \d+×\d+ px/);
    expect(findingsOf(report, 'reopen-control')).toEqual([
      expect.objectContaining({ severity: 'error', phase: 'reject' }),
    ]);
    expect(findingsOf(report, 'consent-cookie-lifetime')).toEqual([
      expect.objectContaining({ severity: 'error', subject: 'cookie consentry' }),
    ]);
  });

  it('with reject only in the settings, whose switches start on: first layer, clicks and pre-ticked checks', async () => {
    const { code, report } = await audit(sites.buriedRejectSite(server), '--phases', 'before');
    expect(code, overview(report)).toBe(1);
    expect(findingsOf(report, 'reject-first-layer')[0]!.message).toBe(
      'No reject control on the first layer: rejecting needs the preferences (2 clicks)',
    );
    expect(findingsOf(report, 'reject-clicks')[0]!.message).toBe('Rejecting takes 2 clicks, accepting 1');
    expect(findingsOf(report, 'pre-ticked')[0]!.message).toBe('Switched on before any choice: analytics, advertising');
  });
});

describe('no banner at all', () => {
  it('cannot audit the phases that need a click: exit 3, never 0', async () => {
    const { code, report, stdout } = await audit(sites.noBannerSite(server));
    expect(code, overview(report)).toBe(3);
    expect(report.passed).toBe(false);
    const blocked = findingsOf(report, 'could-not-audit');
    expect(blocked.map((f) => f.phase)).toEqual(['reject', 'accept', 'withdraw']);
    expect(blocked[0]!.message).toBe('Could not audit the reject phase: no consent banner found on the start page');
    expect(report.phases.find((p) => p.phase == 'before')!.status).toBe('audited');
    expect(report.phases.find((p) => p.phase == 'gpc')!.status).toBe('audited');
    expect(stdout).toContain('could not audit:');
  });
});

describe('a third party in one run of three', () => {
  it('is flaky and does not fail the audit; --strict makes it fail', async () => {
    const { code, report } = await audit(sites.flakySite(server), '--runs', '3', '--phases', 'before', '--pages', '1');
    expect(code, overview(report)).toBe(0);
    const flaky = report.findings.find((f) => f.subject == 'request www.facebook.com');
    expect(flaky, overview(report)).toMatchObject({
      check: 'pre-consent-request',
      severity: 'error',
      flaky: true,
      runs: 1,
    });
    expect(flaky!.evidence.classifiedBy).toMatch(/^Open Cookie Database 0ee5a17 \(2026-01-21\): /);
    expect(report.findings.filter((f) => !f.flaky && f.severity == 'error')).toEqual([]);

    // Two runs are enough to see it in one of them.
    const strict = await audit(
      sites.flakySite(server, '/flaky-strict'),
      '--runs',
      '2',
      '--phases',
      'before',
      '--pages',
      '1',
      '--strict',
    );
    expect(strict.code, overview(strict.report)).toBe(1);
  });
});

describe("Google Consent Mode's cookieless ping before a choice", () => {
  it('is a warning by default and an error with --cookieless-pings error', async () => {
    const url = sites.pingSite(server);
    const warned = await audit(url, '--phases', 'before', '--pages', '1');
    expect(warned.code, overview(warned.report)).toBe(0);
    expect(findingsOf(warned.report, 'cookieless-ping')).toEqual([
      expect.objectContaining({ severity: 'warn', subject: 'request www.google-analytics.com' }),
    ]);
    expect(findingsOf(warned.report, 'pre-consent-request')).toEqual([]);
    const failed = await audit(url, '--phases', 'before', '--pages', '1', '--cookieless-pings', 'error');
    expect(failed.code).toBe(1);
  });
});

describe('a site with another CMP', () => {
  it('is driven through the rules of @duckduckgo/autoconsent; withdrawal cannot be audited there', async () => {
    const { code, report, stderr } = await audit(
      sites.otherCmpSite(server),
      '--phases',
      'before,reject,accept,withdraw',
    );
    expect(stderr).toContain('banner: autoconsent (Adroll)');
    expect(report.phases.map((p) => [p.phase, p.status])).toEqual([
      ['before', 'audited'],
      ['reject', 'audited'],
      ['accept', 'audited'],
      ['withdraw', 'could-not-audit'],
    ]);
    // After accept the site's pixel loads; after reject nothing does.
    expect(findingsOf(report, 'after-reject'), overview(report)).toEqual([]);
    expect(report.requests.some((r) => r.phase == 'accept' && r.host == 'www.facebook.com')).toBe(true);
    expect(code).toBe(3);
  });
});
