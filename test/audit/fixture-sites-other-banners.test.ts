// `consentry audit` against fixture sites served locally, vendor hosts answered in the browser:
// one site per check, each proving the finding it must give (and the exit code) through the
// JSON report a CI job reads. Here, sites with their own banner, another CMP or none, and a flaky
// third party; the sites with Consentry are in fixture-sites.test.ts.
import { describe, expect, it } from 'vitest';
import { useFixtureAudits } from './support/fixture-audits';
import * as sites from './support/fixtures';
import { findingsOf, overview } from './support/report';

const fixture = useFixtureAudits();

describe("a site's own banner", () => {
  it('with reject as a link inside the text: the first-layer check, unequal weight, no reopen control, a 2-year consent cookie', async () => {
    const { code, report } = await fixture.audit(sites.linkRejectSite(fixture.server), '--phases', 'before,reject');
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
    const { code, report } = await fixture.audit(sites.buriedRejectSite(fixture.server), '--phases', 'before');
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
    const { code, report, stdout } = await fixture.audit(sites.noBannerSite(fixture.server));
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
    const { code, report } = await fixture.audit(
      sites.flakySite(fixture.server),
      '--runs',
      '3',
      '--phases',
      'before',
      '--pages',
      '1',
    );
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
    const strict = await fixture.audit(
      sites.flakySite(fixture.server, '/flaky-strict'),
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

describe('a site with another CMP', () => {
  it('is driven through the rules of @duckduckgo/autoconsent; withdrawal cannot be audited there', async () => {
    const { code, report, stderr } = await fixture.audit(
      sites.otherCmpSite(fixture.server),
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
