// Proof of consent in real Chromium: the script tag on the site's origin, the records service
// (`consentry/server` on the embedded database) on another origin. A decision reaches it through
// the page's beacon without a preflight or cookies and is stored; with the receiver down, the record
// waits in the outbox and arrives on the next page view, once. On a site with GPP, the record
// stored carries the GPP string the page served to ad tech. An app on the ES module build
// (`gate()`) imports the log's own module only when its config has `log`.
import { createServer as createHttpServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { GppModel } from '@iabgpp/cmpapi';
import type { Request as PageRequest } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecordsService, type RecordsService } from '../../src/node/records/service';
import { esmPage } from './support/esm-page';
import { fence, scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';

const KEY = 'e2e-read-key-0123456789abcdef';
const s = useChromium();

/** A port nothing listens on yet: the receiver is started on it when a test wants it up. */
const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createHttpServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

let receiver: { origin: string; service?: RecordsService; server?: Server; dataDir: string; port: number };
/** Requests the page made to the receiver (whether or not it was up). */
let posts: PageRequest[];

beforeEach(async () => {
  const port = await freePort();
  receiver = { origin: `http://127.0.0.1:${port}`, port, dataDir: mkdtempSync(join(tmpdir(), 'consentry-e2e-')) };
  posts = [];
  s.context.on('request', (request) => {
    if (request.url().startsWith(receiver.origin)) posts.push(request);
  });
});
afterEach(async () => {
  await stopReceiver();
  rmSync(receiver.dataDir, { recursive: true, force: true });
});

async function startReceiver(): Promise<void> {
  receiver.service = await createRecordsService({ dataDir: receiver.dataDir, apiKey: KEY, rateLimit: 0 });
  const server = serve({ fetch: receiver.service.fetch, port: receiver.port, hostname: '127.0.0.1' });
  await new Promise<void>((done) => server.once('listening', () => done()));
  receiver.server = server as unknown as Server;
}
async function stopReceiver(): Promise<void> {
  if (receiver.server) await new Promise<void>((done) => receiver.server!.close(() => done()));
  await receiver.service?.close();
  receiver.server = undefined;
  receiver.service = undefined;
}

/** Every stored record, through the read API's export. */
async function stored(): Promise<Array<Record<string, any>>> {
  const response = await fetch(`${receiver.origin}/v1/records`, { headers: { authorization: `Bearer ${KEY}` } });
  return (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

const page = () =>
  scriptTagPage({
    mode: 'opt-in',
    log: { endpoint: `${receiver.origin}/v1/records` },
    presets: [{ name: 'google-analytics', id: 'G-TEST1234' }],
  });
const consentry = <T>(expression: string): Promise<T> => s.page.evaluate(expression) as Promise<T>;

describe('proof of consent, receiver on another origin', () => {
  it('a decision is stored through the beacon: text/plain, no preflight, no cookies, origin and path only', async () => {
    await startReceiver();
    s.server.set('/shop', page());
    await s.page.goto(s.server.origin + '/shop?email=visitor@example.com#top');
    await fence(s.page);
    expect(await stored()).toEqual([]); // no decision yet, nothing to prove

    await consentry('window.Consentry.acceptAll()');
    await poll(stored).toHaveLength(1);
    const consentId = await consentry<string>('window.Consentry.record.id');
    const [accepted] = await stored();
    expect(accepted).toMatchObject({
      consentId,
      action: 'accept-all',
      schema: 1,
      choices: { essential: true, analytics: true, advertising: true },
      signals: { gpc: false, dnt: false },
      mode: 'opt-in',
      language: 'en',
      url: s.server.origin + '/shop',
    });
    expect(accepted!.configHash).toMatch(/^[0-9a-f]{16}$/);

    // One POST, no OPTIONS preflight, a CORS-safelisted type, no cookie sent.
    expect(posts.map((request) => request.method())).toEqual(['POST']);
    const headers = await posts[0]!.allHeaders();
    expect(headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(headers.cookie).toBeUndefined();

    // Analytics ran, so this withdrawal reloads the page: the record still gets out.
    await Promise.all([s.page.waitForEvent('load'), consentry('window.Consentry.update({ analytics: false })')]);
    await poll(async () => (await stored()).map((record) => record.action)).toEqual(['accept-all', 'withdraw']);
    expect((await stored())[1]).toMatchObject({ consentId, choices: { analytics: false, advertising: true } });
    expect(s.errors).toEqual([]);
  });

  it('with the receiver down, the record waits in the outbox and arrives on the next page view, once', async () => {
    s.server.set('/shop', page());
    await s.page.goto(s.server.origin + '/shop');
    await fence(s.page);
    await consentry('window.Consentry.rejectAll()');
    // The attempt failed (nothing listens): the decision itself stands.
    await poll(() => posts.filter((request) => request.failure() !== null).length).toBe(1);
    expect(await consentry('window.Consentry.granted("analytics")')).toBe(false);
    expect(await consentry('window.Consentry.decided')).toBe(true);

    await startReceiver();
    expect(await stored()).toEqual([]);
    await s.page.goto(s.server.origin + '/shop');
    await poll(stored).toHaveLength(1);
    expect((await stored())[0]).toMatchObject({
      consentId: await consentry<string>('window.Consentry.record.id'),
      action: 'reject-all',
      choices: { essential: true, analytics: false, advertising: false },
    });

    // Acknowledged, so out of the outbox: later page views send nothing more.
    const sent = posts.length;
    await s.page.goto(s.server.origin + '/shop');
    await s.page.goto(s.server.origin + '/shop');
    await fence(s.page);
    expect(posts.length).toBe(sent);
    expect(await stored()).toHaveLength(1);
    expect(s.errors).toEqual([]);
  });

  it('on a site with GPP, the stored record carries the string __gpp served when the visitor decided', async () => {
    await startReceiver();
    const config = {
      mode: 'auto',
      region: 'US-CA',
      gpp: { sections: 'auto' },
      log: { endpoint: `${receiver.origin}/v1/records` },
    };
    // As the GPP guide shows it: gpp.js before consentry.js.
    s.server.set(
      '/us-shop',
      scriptTagPage(config).replace(
        '<script src="/dist/consentry.js"',
        '<script src="/dist/gpp.js"></script>\n<script src="/dist/consentry.js"',
      ),
    );
    await s.page.goto(s.server.origin + '/us-shop');
    await fence(s.page);
    await consentry('window.Consentry.rejectAll()');
    await poll(async () => (await stored()).map((record) => record.action)).toEqual(['reject-all']);

    const served = await s.page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          (window as any).__gpp('ping', (data: { gppString: string }) => resolve(data.gppString)),
        ),
    );
    const [record] = await stored();
    expect(record).toMatchObject({ mode: 'opt-out', gpp: served });
    expect(await consentry('window.Consentry.record.gpp')).toBe(served);
    // The IAB's own decoder reads the stored string as the opt-out the visitor made.
    const usnat = (new GppModel(record!.gpp).toObject() as Record<string, Record<string, unknown>>).usnat;
    expect(usnat).toMatchObject({ SaleOptOut: 1, TargetedAdvertisingOptOut: 1 });
    expect(s.errors).toEqual([]);
  });
});

describe('proof of consent from an app on the ES module build (gate())', () => {
  let seen = 0;
  beforeEach(() => {
    seen = s.server.requests.length;
  });
  /** This test's requests for the log's own module. */
  const logModuleRequests = (): string[] =>
    s.server.requests.slice(seen).filter((path) => path == '/dist/consentry-log.mjs');

  it('with `log`, imports the log on use; a decision taken before it arrives is stored once', async () => {
    await startReceiver();
    const config = { mode: 'opt-in', log: { endpoint: `${receiver.origin}/v1/records` } };
    s.server.set('/app', esmPage(config));
    // The log's module is held back until the visitor has decided.
    let release = (): void => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await s.page.route('**/dist/consentry-log.mjs', async (route) => {
      await released;
      await route.continue();
    });
    try {
      await s.page.goto(s.server.origin + '/app');
      await s.page.evaluate(() => (window as any).consent.acceptAll());
      expect(await stored()).toEqual([]);
      release();
      await poll(async () => (await stored()).map((record) => record.action)).toEqual(['accept-all']);
      expect((await stored())[0]).toMatchObject({
        consentId: await s.page.evaluate(() => (window as any).consent.record.id),
        choices: { essential: true, analytics: true, advertising: true },
      });
      expect(logModuleRequests()).toHaveLength(1);
      expect(s.errors).toEqual([]);
    } finally {
      release();
      await s.page.unroute('**/dist/consentry-log.mjs');
    }
  });

  it('without `log`, never requests the log', async () => {
    s.server.set('/app', esmPage({ mode: 'opt-in' }));
    await s.page.goto(s.server.origin + '/app');
    await s.page.waitForFunction(() => (window as any).started);
    await s.page.evaluate(() => (window as any).consent.acceptAll());
    await fence(s.page);
    expect(await s.page.evaluate(() => (window as any).consent.granted('analytics'))).toBe(true);
    expect(logModuleRequests()).toEqual([]);
    expect(posts).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
