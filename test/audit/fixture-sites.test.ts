// `consentry audit` against fixture sites served locally, vendor hosts answered in the browser:
// one site per check, each proving the finding it must give (and the exit code) through the
// JSON report a CI job reads. Here, sites with Consentry; sites with their own banner, another
// CMP or none are in fixture-sites-other-banners.test.ts (two files, so the two run side by side).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFixtureAudits } from './support/fixture-audits';
import * as sites from './support/fixtures';
import { findingsOf, overview } from './support/report';

const fixture = useFixtureAudits();

describe('a clean Consentry site', () => {
  it('passes every phase: exit 0, no error, the long-lived _ga cookie a warning', async () => {
    const { code, report, stdout } = await fixture.audit(sites.cleanSite(fixture.server));
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
    const url = sites.gaInHtmlSite(fixture.server);
    const { code, report, stdout } = await fixture.audit(url, '--phases', 'before');
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
    const url = sites.gaInHtmlSite(fixture.server, '/baseline');
    const first = await fixture.audit(url, '--phases', 'before');
    expect(first.code).toBe(1);
    writeFileSync(join(fixture.dir, 'accepted.json'), JSON.stringify(first.report));
    const second = await fixture.audit(url, '--phases', 'before', '--baseline', 'accepted.json');
    expect(second.code, overview(second.report)).toBe(0);
    expect(second.report.findings.length).toBeGreaterThan(0);
    expect(second.report.findings.every((f) => f.accepted)).toBe(true);
  });
});

describe('a vendor that keeps loading after the choice', () => {
  it('is caught after reject (with a reload and the other pages), after withdrawal and with GPC', async () => {
    const { code, report } = await fixture.audit(sites.leakySite(fixture.server), '--phases', 'reject,withdraw,gpc');
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
      join(fixture.dir, 'consent.json'),
      JSON.stringify({ presets: [sites.GA, { name: 'pendo', apiKey: '0a1b2c3d-1111-4222-8333-444455556666' }] }),
    );
    const { code, report } = await fixture.audit(
      sites.undeclaredSite(fixture.server),
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

describe("Google Consent Mode's cookieless ping before a choice", () => {
  it('is a warning by default and an error with --cookieless-pings error', async () => {
    const url = sites.pingSite(fixture.server);
    const warned = await fixture.audit(url, '--phases', 'before', '--pages', '1');
    expect(warned.code, overview(warned.report)).toBe(0);
    expect(findingsOf(warned.report, 'cookieless-ping')).toEqual([
      expect.objectContaining({ severity: 'warn', subject: 'request www.google-analytics.com' }),
    ]);
    expect(findingsOf(warned.report, 'pre-consent-request')).toEqual([]);
    const failed = await fixture.audit(url, '--phases', 'before', '--pages', '1', '--cookieless-pings', 'error');
    expect(failed.code).toBe(1);
  });
});
