// The reports a CI job and a site owner read: JUnit XML that parses (an XML parser's verdict,
// jsdom's), the self-contained HTML report opened in Chromium (it shows the findings and makes
// no request, under its own strict Content-Security-Policy), and the report's look under a
// screenshot test (`UPDATE_SCREENSHOTS=1` rewrites the reference; review it like code).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReport } from '../../src/node/audit/report-html';
import { junitXml } from '../../src/node/audit/report-junit';
import { summaryLines, colours, plain } from '../../src/node/audit/report-terminal';
import type { AuditReport } from '../../src/node/audit/types';
import { launchChromium } from '../e2e/support/harness';
import { MAX_DIFF_RATIO, compareWithReference } from '../e2e/support/screenshots';
import { ROOT } from '../support/root';
import { useTempDir } from '../support/temp-dir';
import { runAudit } from './support/audit-cli';
import { gaInHtmlSite } from './support/fixtures';
import { startSiteServer, type SiteServer } from './support/site-server';
import { FIXED_REPORT } from './support/fixed-report';

const REFERENCE = join(ROOT, 'test/audit/__screenshots__/report.png');

let server: SiteServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startSiteServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
const tmp = useTempDir('consentry-audit-reports-');

/** Opens an HTML file in a fresh context, recording every request and console message. */
async function openReport(file: string): Promise<{ page: Page; requests: string[]; console: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const messages: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  await page.goto(pathToFileURL(file).href);
  return { page, requests, console: messages };
}

describe('the reports of a failing audit', () => {
  let report: AuditReport;
  // One folder for the audit and the tests that read its reports (useTempDir's is per test).
  const reports = { path: '' };
  beforeAll(async () => {
    reports.path = mkdtempSync(join(tmpdir(), 'consentry-audit-reports-'));
    const { code } = await runAudit(
      [
        gaInHtmlSite(server),
        '--phases',
        'before',
        '--runs',
        '1',
        '--pages',
        '2',
        '--json',
        'audit.json',
        '--junit',
        'audit.xml',
        '--html',
        'audit.html',
      ],
      { cwd: reports.path },
    );
    expect(code).toBe(1);
    report = JSON.parse(readFileSync(join(reports.path, 'audit.json'), 'utf8'));
  }, 180_000);
  afterAll(() => rmSync(reports.path, { recursive: true, force: true }));

  it('JUnit XML parses, with a failing test case for the gtag request', () => {
    const xml = readFileSync(join(reports.path, 'audit.xml'), 'utf8');
    const doc = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.tagName).toBe('testsuites');
    expect(Number(root.getAttribute('failures'))).toBeGreaterThanOrEqual(3);
    const suite = doc.querySelector('testsuite[name="consentry audit: before"]')!;
    expect(suite).not.toBeNull();
    const request = [...suite.querySelectorAll('testcase')].find((c) =>
      c.getAttribute('name')!.startsWith('pre-consent-request'),
    )!;
    expect(request.querySelector('failure')!.textContent).toContain(
      'https://www.googletagmanager.com/gtag/js?id=G-TEST1234',
    );
    const weight = [...suite.querySelectorAll('testcase')].find((c) =>
      c.getAttribute('name')!.startsWith('equal-weight'),
    )!;
    expect(weight.querySelector('failure')).toBeNull();
    // Warnings below --fail-on are reported, not failed.
    const unclassified = [...suite.querySelectorAll('testcase')].find((c) =>
      c.getAttribute('name')!.startsWith('unclassified'),
    )!;
    expect(unclassified.querySelector('system-out')!.textContent).toContain('widgets.unknown-vendor.example');
  });

  it('the HTML report opens in Chromium, shows the findings with their evidence and requests nothing', async () => {
    const file = join(reports.path, 'audit.html');
    const { page, requests, console: messages } = await openReport(file);
    expect(requests).toEqual([pathToFileURL(file).href]);
    // A stylesheet or image blocked by its CSP would log a violation here.
    expect(messages).toEqual([]);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Failed');
    const gtag = report.findings.find((f) => f.check == 'pre-consent-request')!;
    expect(text).toContain(gtag.message);
    expect(text).toContain(gtag.evidence.initiator);
    expect(text).toContain('What this audit does not prove');
    // Its own stylesheet applies (by hash), and the banner screenshot is embedded.
    expect(await page.locator('.verdict').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(179, 38, 30)',
    );
    const width = await page
      .locator('.shots img')
      .first()
      .evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(width).toBeGreaterThan(100);
    expect(await page.locator('[style], script').count()).toBe(0);
    await page.context().close();
  });
});

describe('the HTML report', () => {
  it('looks as the reference screenshot shows', async () => {
    const file = join(tmp.path, 'fixed.html');
    writeFileSync(file, htmlReport(FIXED_REPORT, false));
    const { page } = await openReport(file);
    const screenshot = await page.screenshot();
    await page.context().close();
    expect(compareWithReference(screenshot, REFERENCE)).toBeLessThanOrEqual(MAX_DIFF_RATIO);
  });

  it('escapes what the site controls', () => {
    const hostile = structuredClone(FIXED_REPORT);
    hostile.findings[0]!.message = '<img src=x onerror=alert(1)>';
    hostile.findings[0]!.evidence.initiator = '"><script>alert(1)</script>';
    const html = htmlReport(hostile, false);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('the terminal summary', () => {
  it('is plain text off a terminal and coloured on one', () => {
    const text = summaryLines(FIXED_REPORT, false, plain).join('\n');
    expect(text).not.toContain('\u001b[');
    expect(text).toContain('pre-consent-request: No non-essential request before a choice (1)');
    expect(text).toContain('failed: findings at or above error');
    expect(summaryLines(FIXED_REPORT, false, colours).join('\n')).toContain('\u001b[31merror\u001b[0m');
  });

  it('JUnit escapes control characters and markup', () => {
    const hostile = structuredClone(FIXED_REPORT);
    hostile.findings[0]!.message = 'a\u0000b <c> & "d"';
    const xml = junitXml(hostile, false);
    const doc = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.querySelector('failure')!.getAttribute('message')).toBe('ab <c> & "d"');
  });
});
