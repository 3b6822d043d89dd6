// The records service's dashboard in real Chromium: sign-in with the key (an HttpOnly,
// SameSite=Strict session cookie; the key in no URL and no page storage), keyboard only, no CSP
// violation under its script-free policy, axe clean and screenshots in light and dark compared
// with committed references (test/e2e/__screenshots__/records/, `npm run test:update-screenshots`).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { configHash } from '../../src/core/log/config-hash';
import type { LogAction, LogRecord } from '../../src/core/log/record';
import type { ConsentConfig } from '../../src/core/types';
import { createRecordsService, type RecordsService } from '../../src/node/records/service';
import type { Write } from '../../src/node/records/database/store';
import { ROOT } from '../support/root';
import { useChromium } from './support/harness';
import { poll } from './support/poll';
import { MAX_DIFF_RATIO, compareWithReference } from './support/screenshots';

const KEY = 'dashboard-key-0123456789abcdef';
const REFERENCES = join(ROOT, 'test/e2e/__screenshots__/records');
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** A fixed fortnight, so the screenshots never depend on today's date. */
const PERIOD = '?from=2026-11-02&to=2026-11-15';
const VISITOR = 'visitor-anna-0001';
const DAY = 864e5;

const CONFIG: ConsentConfig = {
  mode: 'opt-in',
  presets: [{ name: 'google-analytics', id: 'G-ABC123' }],
  log: { endpoint: '/v1/records', impressions: true },
};

const s = useChromium();
let service: RecordsService;
let server: Server;
let origin = '';
let dataDir = '';

/** Two weeks of a small shop's decisions, the same on every run. */
function seed(hash: string): Write[] {
  const writes: Write[] = [];
  const start = Date.UTC(2026, 10, 2, 9);
  const actions: LogAction[] = [
    'accept-all',
    'accept-all',
    'reject-all',
    'custom',
    'accept-all',
    'reject-all',
    'signal',
  ];
  for (let day = 0; day < 14; day++) {
    for (let visitor = 0; visitor < 6 + (day % 5); visitor++) {
      const receivedAt = start + day * DAY + visitor * 600_000;
      writes.push({
        kind: 'impression',
        receivedAt,
        event: { schema: 1, configHash: hash, language: 'en', mode: 'opt-in', region: 'DE' },
      });
      if ((visitor + day) % 4 == 3) continue; // closed the page without deciding
      const action = actions[(visitor * 3 + day) % actions.length]!;
      const analytics = action == 'accept-all' || (action == 'custom' && visitor % 2 == 0);
      const record: LogRecord = {
        recordId: `seed-${day}-${visitor}-record`,
        consentId: day == 0 && visitor == 0 ? VISITOR : `visitor-${day}-${visitor}-id`,
        schema: 1,
        revision: 1,
        configHash: hash,
        language: visitor % 3 == 0 ? 'de' : 'en',
        version: '0.1.0',
        action,
        choices: { essential: true, analytics, advertising: action == 'accept-all' },
        signals: { gpc: action == 'signal', dnt: false },
        mode: 'opt-in',
        region: visitor % 2 ? 'DE' : 'FR',
        url: 'https://shop.example/cart',
        createdAt: receivedAt - 80,
      };
      writes.push({ kind: 'record', record, receivedAt, country: null, device: visitor % 2 ? 'mobile' : 'desktop' });
    }
  }
  // Anna later withdraws advertising.
  writes.push({
    kind: 'record',
    receivedAt: start + 3 * DAY,
    country: null,
    device: 'desktop',
    record: {
      ...(writes.find((write) => write.kind == 'record') as { record: LogRecord }).record,
      consentId: VISITOR,
      recordId: 'seed-anna-withdraw',
      action: 'withdraw',
      choices: { essential: true, analytics: true, advertising: false },
      createdAt: start + 3 * DAY - 80,
    },
  });
  return writes;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'consentry-dashboard-'));
  service = await createRecordsService({ dataDir, apiKey: KEY, config: CONFIG, retentionJob: false });
  await service.store.write(seed(configHash(CONFIG)));
  const listening = serve({ fetch: service.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((done) => listening.once('listening', () => done()));
  server = listening as unknown as Server;
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise<void>((done) => server?.close(() => done()));
  await service?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Records every CSP violation of the pages in `window.__violations` (an init script runs whatever the CSP). */
async function watchCsp(): Promise<void> {
  await s.context.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as any).__violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
}
const violations = (): Promise<string[]> => s.page.evaluate(() => (window as any).__violations as string[]);

/** Signs in with the keyboard alone: the focused key field, then Enter. */
async function signIn(key = KEY): Promise<void> {
  await s.page.goto(origin + '/');
  // `autofocus` applies at the next rendering update, which may come after the load event.
  await poll(() => s.page.evaluate(() => document.activeElement?.id)).toBe('key');
  await s.page.keyboard.type(key);
  // The form's answer: a 303 to the dashboard, or the sign-in page again with a 401.
  const answered = s.page.waitForResponse((response) => response.url() == origin + '/login');
  await s.page.keyboard.press('Enter');
  const status = (await answered).status();
  // Signed in: the dashboard, with its sign-out button.
  if (status == 303) await s.page.locator('form[action="/logout"]').waitFor();
  await s.page.waitForLoadState('load');
}

/** axe-core's violations. The page's CSP allows no script, so axe is evaluated through the debugger protocol. */
async function axeViolations(): Promise<string[]> {
  if (!(await s.page.evaluate(() => 'axe' in window))) await s.page.evaluate(AXE);
  return s.page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v: any) => `${v.id}: ${v.help} — ${v.nodes.map((n: any) => JSON.stringify(n.target)).join(' | ')}`,
    );
  });
}

/** The whole page's share of pixels that differ from reference `name`.png. */
const differenceFromReference = async (name: string): Promise<number> =>
  compareWithReference(await s.page.screenshot({ fullPage: true }), join(REFERENCES, name + '.png'));

describe('signing in', () => {
  it('a wrong key gets 401 and says so; the right one sets an HttpOnly, SameSite=Strict session, and the key goes nowhere else', async () => {
    await watchCsp();
    await s.page.goto(origin + '/');
    const response = await s.page.request.get(origin + '/');
    expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers()['content-security-policy']).not.toContain('unsafe-inline');

    await signIn('not-the-key-0123456789');
    expect(await s.page.getByRole('alert').textContent()).toContain('That key is not right.');
    expect(await s.context.cookies()).toEqual([]);

    await signIn();
    expect(s.page.url()).toBe(origin + '/');
    expect(await s.page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
    const [session] = await s.context.cookies();
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(session!.value).not.toContain(KEY);
    expect(await s.page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([
      0,
      0,
      '',
    ]);
    expect(await s.page.content()).not.toContain(KEY);
    // The read API still wants the key itself: the session cookie opens the dashboard only.
    expect((await s.page.request.get(origin + '/v1/stats')).status()).toBe(401);
    expect(await violations()).toEqual([]);
  });
});

describe.each(['light', 'dark'] as const)('the dashboard, %s', (colorScheme) => {
  it("shows the period and one visitor's history, axe clean, no CSP violation, as in its reference screenshot", async () => {
    await watchCsp();
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await s.page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await signIn();
    await s.page.goto(`${origin}/${PERIOD}&consent=${VISITOR}`);
    // Anna's history, oldest first, with what she was shown.
    const history = await s.page.locator('ol.history > li > strong').allTextContents();
    expect(history).toEqual(['accept-all', 'withdraw']);
    expect(await s.page.locator('ol.history').textContent()).toContain('google-analytics');
    expect(await s.page.locator('svg').count()).toBeGreaterThan(0);
    expect(await s.page.locator(`a[href^="/export.csv"]`).count()).toBe(1);
    expect(await axeViolations()).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(
      await differenceFromReference(`dashboard-${colorScheme}`),
      'see test-results/screenshots/',
    ).toBeLessThanOrEqual(MAX_DIFF_RATIO);
  });

  it('sign-in page: axe clean, as in its reference screenshot', async () => {
    await s.page.setViewportSize({ width: 1280, height: 720 });
    await s.page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await s.page.goto(origin + '/');
    expect(await axeViolations()).toEqual([]);
    expect(await differenceFromReference(`login-${colorScheme}`), 'see test-results/screenshots/').toBeLessThanOrEqual(
      MAX_DIFF_RATIO,
    );
  });
});
