// A compliance scanner run the way a watchdog or an agency runs it: the MIT-licensed
// @slashgear/gdpr-cookie-scanner 3.8.2, unmodified from npm, in real Chromium (the system's,
// through support/gdpr-scanner/), on a plain page with the script tag from the docs (GA4 and
// the Meta Pixel, `ui.shadow: false`). It loads the page, looks for a consent banner in the
// page's DOM, clicks "Reject all" in one browser and "Accept all" in a fresh one, and scores
// what was requested and stored in each phase. Requests to other origins get an empty answer
// (nothing leaves the machine); the scanner still sees and classifies each one.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readmeBlock } from '../../scripts/doc-blocks.mjs';
import { CHROMIUM, startServer, type TestServer } from './support/harness';
import { ROOT } from '../support/root';

const RUN = join(ROOT, 'test/e2e/support/gdpr-scanner/run.mjs');

interface ScannedRequest {
  url: string;
  requiresConsent: boolean;
}

interface ScannedCookie {
  name: string;
  value: string;
  requiresConsent: boolean;
}

/** The parts of the scanner's ScanResult (its dist/types.d.ts) this test reads. */
interface ScanResult {
  modal: {
    detected: boolean;
    buttons: { type: string; text: string }[];
    privacyPolicyUrl: string | null;
  };
  privacyPolicyUrl: string | null;
  networkBeforeInteraction: ScannedRequest[];
  networkAfterReject: ScannedRequest[];
  networkAfterAccept: ScannedRequest[];
  cookiesBeforeInteraction: ScannedCookie[];
  cookiesAfterReject: ScannedCookie[];
  cookiesAfterAccept: ScannedCookie[];
  compliance: { grade: string; issues: { severity: string; description: string }[] };
  errors: string[];
}

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
  for (const file of ['consentry.js', 'consentry-ui.js'])
    server.set(`/consentry/${file}`, { body: readFileSync(join(ROOT, 'dist', file), 'utf8'), type: 'text/javascript' });
  server.set(
    '/shop.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Coffee shop</title>
${readmeBlock('scanner-visible')}</head><body><main><h1>Coffee</h1><p>Fresh beans, roasted weekly.</p></main>
<footer><a href="#" data-consentry-action="preferences">Cookie settings</a></footer></body></html>`,
  );
});

afterAll(() => server?.close());

async function scan(url: string): Promise<ScanResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [RUN, url], {
    cwd: ROOT,
    env: { ...process.env, CHROMIUM_PATH: CHROMIUM },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as ScanResult;
}

/** The choices in Consentry's cookie (`1|id|revision|…|source|choices`), as the scanner read it. */
const decision = (cookies: ScannedCookie[]) =>
  cookies
    .find((cookie) => cookie.name == 'consentry')
    ?.value.split('|')
    .pop();

const hosts = (requests: ScannedRequest[]) =>
  [
    ...new Set(requests.filter((request) => request.requiresConsent).map((request) => new URL(request.url).host)),
  ].sort();

it('finds the banner, rejects and accepts on the first layer, sees the vendors only after accept, and finds the privacy link', async () => {
  const origin = `http://127.0.0.1:${server.port}`;
  const result = await scan(origin + '/shop.html');

  expect(result.errors).toEqual([]);
  expect(result.modal.detected).toBe(true);
  expect(result.modal.buttons.map((button) => [button.type, button.text])).toEqual([
    ['accept', 'Accept all'],
    ['reject', 'Reject all'],
    ['preferences', 'Customize'],
  ]);
  expect(result.modal.privacyPolicyUrl).toBe(origin + '/privacy');

  expect(hosts(result.networkBeforeInteraction)).toEqual([]);
  expect(hosts(result.networkAfterReject)).toEqual([]);
  expect(hosts(result.networkAfterAccept)).toEqual(['connect.facebook.net', 'www.googletagmanager.com']);
  expect(result.cookiesBeforeInteraction.filter((cookie) => cookie.requiresConsent)).toEqual([]);
  expect(result.cookiesAfterReject.filter((cookie) => cookie.requiresConsent)).toEqual([]);

  const critical = result.compliance.issues.filter((issue) => issue.severity == 'critical');
  expect(critical).toEqual([]);
  // Each click decided: the decision cookie the scanner read after it.
  expect(decision(result.cookiesAfterReject)).toBe('analytics=0&advertising=0');
  expect(decision(result.cookiesAfterAccept)).toBe('analytics=1&advertising=1');
  // Two browser starts and the scanner's own waits (2 s after each load, up to 5 s for the
  // network to settle after each click): about 15 s alone, more on a busy machine.
}, 90_000);
