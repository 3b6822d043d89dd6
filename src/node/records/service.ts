// The records service as a Web-standard handler, `(Request) => Promise<Response>`: the beacon's
// endpoints, the read API behind the key, and the dashboard. `consentry serve` puts it on a port;
// any server that speaks Request/Response (Node, Next.js route handlers, Bun, Deno) can mount it.
import type { Context, Hono } from 'hono';
import { configHash } from '../../core/log/config-hash';
import type { ConsentConfig } from '../../core/types';
import { bearerKey, createSession, keyMatches, SESSION_COOKIE, SESSION_SECONDS, sessionValid } from './auth';
import { deviceClass, truncateAddress, trustedCountry } from './client-info';
import { renderDashboard, renderLogin, DASHBOARD_CSS } from './dashboard/pages';
import { openPostgres } from './database/open-postgres';
import { openSqlite, type OpenedDatabase } from './database/open-sqlite';
import { createStore, type RecordStore, type StatsDimension, type Write } from './database/store';
import { csvHeader, csvLine, ndjsonLine } from './export-format';
import { readJsonBody } from './http-body';
import { loadHono } from './load-modules';
import { parseRange } from './range';
import { createRateLimiter } from './rate-limit';
import { checkImpression, checkRecord } from './validate';
import { createWriteQueue } from './write-queue';

/** The largest beacon body accepted. */
export const MAX_BODY = 8 * 1024;
const DAY = 864e5;

export interface RecordsServiceOptions {
  /** The embedded database's folder (default `./consentry-data`); ignored with `databaseUrl`. */
  dataDir?: string;
  /** `postgres://…`: PostgreSQL instead of the embedded database. */
  databaseUrl?: string;
  /** Origins allowed to send records (CORS); default: any. */
  origins?: string[];
  /** The read key (API and dashboard); without one, both answer 401. */
  apiKey?: string;
  /** Days a record is kept (default 730: two years, the California minimum for opt-out records). */
  retainDays?: number;
  /** Records per minute per client network (default 600; 0: no limit). */
  rateLimit?: number;
  /** The site's current config: registered under its hash, so records name what visitors saw. */
  config?: ConsentConfig;
  /** Use the last X-Forwarded-For address as the client's (behind a proxy you run). */
  trustProxy?: boolean;
  /** A header an edge you trust sets to the visitor's country (`cf-ipcountry`); stored as given. */
  countryHeader?: string;
  /** Run the retention job at start and then daily (default true). */
  retentionJob?: boolean;
  /** The write queue: records waiting at most before 503 (default 10,000), rows per commit (500), wait for a batch in ms (2). */
  queue?: { maxQueued?: number; maxBatch?: number; maxWaitMs?: number };
}

export interface RecordsService {
  /** The handler. `env` may carry Node's request (`{ incoming }`, as @hono/node-server passes it). */
  fetch(request: Request, env?: unknown): Promise<Response>;
  /** The database's kind. */
  readonly database: 'sqlite' | 'postgres';
  readonly store: RecordStore;
  /** Runs the retention job now. */
  retain(now?: number): Promise<void>;
  /** Finishes the writes under way, stops the job and closes the database. */
  close(): Promise<void>;
}

type Env = { Bindings: { incoming?: { socket?: { remoteAddress?: string } } } };

const json = (c: Context, status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  c.newResponse(JSON.stringify(body), status as 200, { 'content-type': 'application/json; charset=utf-8', ...headers });

/** Security headers of every dashboard page: no script at all, styles from this server only. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export async function createRecordsService(options: RecordsServiceOptions = {}): Promise<RecordsService> {
  const { Hono: HonoApp } = await loadHono();
  const retainDays = options.retainDays ?? 730;
  const dialect = options.databaseUrl ? 'postgres' : 'sqlite';
  const opened: OpenedDatabase = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openSqlite(options.dataDir ?? 'consentry-data');
  let store: RecordStore;
  try {
    store = await createStore(opened, dialect);
    if (options.config) await store.registerConfig(configHash(options.config), options.config);
  } catch (error) {
    await opened.close();
    throw error;
  }
  const queue = createWriteQueue<Write>({
    commit: (batch) => store.write(batch),
    concurrency: dialect == 'postgres' ? 4 : 1,
    ...options.queue,
  });
  const limiter = createRateLimiter(options.rateLimit ?? 600);
  const origins = options.origins?.length ? options.origins.map((origin) => new URL(origin).origin) : null;
  const key = options.apiKey || undefined;

  const clientOf = (c: Context<Env>): string => {
    const forwarded = options.trustProxy ? c.req.header('x-forwarded-for')?.split(',').pop()?.trim() : undefined;
    return truncateAddress(forwarded || c.env?.incoming?.socket?.remoteAddress);
  };
  const corsHeaders = (origin: string | undefined): Record<string, string> =>
    !origins
      ? { 'access-control-allow-origin': '*' }
      : origin && origins.includes(origin)
        ? { 'access-control-allow-origin': origin, vary: 'Origin' }
        : { vary: 'Origin' };

  /** The beacon endpoints' common steps: origin, rate, body, check, queue, commit. */
  const receive = async <T>(
    c: Context<Env>,
    check: (body: unknown) => { value: T } | { error: string },
    toWrite: (value: T, receivedAt: number) => Write,
  ): Promise<Response> => {
    const origin = c.req.header('origin');
    const cors = corsHeaders(origin);
    if (origins && origin && !origins.includes(origin)) return json(c, 403, { error: 'origin not allowed' }, cors);
    const rate = limiter.take(clientOf(c));
    if (!rate.allowed)
      return json(c, 429, { error: 'too many records' }, { ...cors, 'retry-after': String(rate.retryAfter) });
    const body = await readJsonBody(c.req.raw, MAX_BODY);
    if ('error' in body) return json(c, body.status, { error: body.error }, cors);
    const checked = check(body.json);
    if ('error' in checked) return json(c, 400, { error: checked.error }, cors);
    const written = queue.enqueue(toWrite(checked.value, Date.now()));
    if (!written) return json(c, 503, { error: 'busy, send again later' }, { ...cors, 'retry-after': '1' });
    try {
      await written;
    } catch (error) {
      console.error('consentry serve: a write failed:', (error as Error).message);
      return json(c, 503, { error: 'not stored, send again later' }, { ...cors, 'retry-after': '1' });
    }
    return c.body(null, 204, cors);
  };

  const authorized = (c: Context<Env>): boolean => keyMatches(key, bearerKey(c.req.header('authorization')));
  const unauthorized = (c: Context<Env>): Response =>
    json(
      c,
      401,
      { error: key ? 'send Authorization: Bearer <key>' : 'no read key is set (CONSENTRY_API_KEY or --api-key-file)' },
      {
        'www-authenticate': 'Bearer',
      },
    );
  const sessionOf = (c: Context<Env>): boolean => {
    const cookie = c.req.header('cookie') ?? '';
    const value = /(?:^|;\s*)consentry_session=([^;]+)/.exec(cookie)?.[1];
    return sessionValid(key, value);
  };

  /** Streams every record of the range as NDJSON or CSV, a page of rows at a time. */
  const exportResponse = (c: Context<Env>, format: string, from?: number, to?: number): Response => {
    const csv = format == 'csv';
    const rows = store.exportRecords({ from, to });
    const encoder = new TextEncoder();
    let headerSent = !csv;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          if (!headerSent) {
            headerSent = true;
            controller.enqueue(encoder.encode(csvHeader()));
            return;
          }
          // Up to a few hundred lines per chunk: fewer writes, memory still flat.
          let chunk = '';
          for (let count = 0; count < 500; count++) {
            const next = await rows.next();
            if (next.done) {
              if (chunk) controller.enqueue(encoder.encode(chunk));
              controller.close();
              return;
            }
            chunk += csv ? csvLine(next.value) : ndjsonLine(next.value);
          }
          controller.enqueue(encoder.encode(chunk));
        } catch (error) {
          console.error('consentry serve: export failed:', (error as Error).message);
          controller.error(error);
        }
      },
      async cancel() {
        await rows.return(undefined);
      },
    });
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        'content-type': csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="consent-records-${stamp}.${csv ? 'csv' : 'ndjson'}"`,
        'cache-control': 'no-store',
      },
    });
  };

  const app: Hono<Env> = new HonoApp<Env>();

  app.options('/v1/:endpoint{records|impressions}', (c) => {
    const origin = c.req.header('origin');
    return c.body(null, 204, {
      ...corsHeaders(origin),
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '86400',
    });
  });
  app.post('/v1/records', (c) =>
    receive(c, checkRecord, (record, receivedAt) => ({
      kind: 'record',
      record,
      receivedAt,
      country: trustedCountry(c.req.raw.headers, options.countryHeader),
      device: deviceClass(c.req.header('user-agent')),
    })),
  );
  app.post('/v1/impressions', (c) =>
    receive(c, checkImpression, (event, receivedAt) => ({ kind: 'impression', event, receivedAt })),
  );

  app.get('/v1/consents/:consentId', async (c) => {
    if (!authorized(c)) return unauthorized(c);
    const consentId = c.req.param('consentId');
    const records = /^[A-Za-z0-9_-]{8,64}$/.test(consentId) ? await store.history(consentId) : [];
    if (!records.length) return json(c, 404, { error: 'no records for this consent id' });
    return json(c, 200, { consentId, records });
  });
  app.delete('/v1/consents/:consentId', async (c) => {
    if (!authorized(c)) return unauthorized(c);
    const consentId = c.req.param('consentId');
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(consentId))
      return json(c, 400, { error: 'consentId: expected 8 to 64 of A-Z a-z 0-9 _ -' });
    return json(c, 200, { consentId, deleted: await store.erase(consentId) });
  });
  app.get('/v1/records', (c) => {
    if (!authorized(c)) return unauthorized(c);
    const format = c.req.query('format') ?? 'ndjson';
    if (format != 'ndjson' && format != 'csv') return json(c, 400, { error: 'format: expected ndjson or csv' });
    const range = parseRange(c.req.query('from'), c.req.query('to'));
    if ('error' in range) return json(c, 400, { error: range.error });
    return exportResponse(c, format, range.from, range.to);
  });
  app.get('/v1/stats', async (c) => {
    if (!authorized(c)) return unauthorized(c);
    const by = (c.req.query('by') ?? 'day') as StatsDimension;
    if (!['day', 'region', 'category', 'config'].includes(by))
      return json(c, 400, { error: 'by: expected day, region, category or config' });
    const range = parseRange(c.req.query('from'), c.req.query('to'));
    if ('error' in range) return json(c, 400, { error: range.error });
    return json(c, 200, await store.stats(range, by));
  });
  app.get('/healthz', async (c) => {
    try {
      await store.count();
      return json(c, 200, { status: 'ok', database: dialect, queued: queue.pending });
    } catch {
      return json(c, 503, { status: 'unavailable', database: dialect });
    }
  });

  // The dashboard: a login form, then server-rendered pages (no script) behind the session cookie.
  app.get('/dashboard.css', (c) =>
    c.body(DASHBOARD_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }),
  );
  app.get('/', async (c) => {
    if (!sessionOf(c)) return c.body(renderLogin({ keySet: !!key }), 200, PAGE_HEADERS);
    const now = Date.now();
    const range = parseRange(c.req.query('from'), c.req.query('to'));
    const period = 'error' in range ? {} : range;
    const from = period.from ?? now - 29 * DAY - (now % DAY);
    const to = period.to ?? now - (now % DAY) + DAY;
    const consentId = c.req.query('consent')?.trim();
    const [byDay, byRegion, byConfig, configs, history] = await Promise.all([
      store.stats({ from, to }, 'day'),
      store.stats({ from, to }, 'region'),
      store.stats({ from, to }, 'config'),
      store.configs(),
      consentId && /^[A-Za-z0-9_-]{8,64}$/.test(consentId) ? store.history(consentId) : Promise.resolve(null),
    ]);
    const html = renderDashboard({ from, to, byDay, byRegion, byConfig, configs, consentId, history });
    return c.body(html, 200, PAGE_HEADERS);
  });
  app.post('/login', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const given = typeof form.key == 'string' ? form.key : '';
    if (!keyMatches(key, given)) return c.body(renderLogin({ keySet: !!key, failed: true }), 401, PAGE_HEADERS);
    const secure = new URL(c.req.url).protocol == 'https:' ? '; Secure' : '';
    return c.body(null, 303, {
      location: '/',
      'set-cookie': `${SESSION_COOKIE}=${createSession(key!)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_SECONDS}${secure}`,
      'cache-control': 'no-store',
    });
  });
  app.post('/logout', (c) =>
    c.body(null, 303, {
      location: '/',
      'set-cookie': `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`,
    }),
  );
  app.get('/export.csv', (c) => {
    if (!sessionOf(c)) return c.text('sign in first', 401);
    const range = parseRange(c.req.query('from'), c.req.query('to'));
    if ('error' in range) return json(c, 400, { error: range.error });
    return exportResponse(c, 'csv', range.from, range.to);
  });

  app.notFound((c) => json(c, 404, { error: 'not found' }));
  // A fault of ours (the database is gone, say) is a 503 to retry, never a 500 for the client to puzzle over.
  app.onError((error, c) => {
    console.error('consentry serve:', error.message);
    return json(c, 503, { error: 'unavailable, try again later' }, { 'retry-after': '5' });
  });

  const retain = async (now = Date.now()): Promise<void> => {
    const result = await store.retain(retainDays, now);
    if (result.records || result.droppedPartitions.length)
      console.log(
        `consentry serve: retention removed ${result.records} records older than ${retainDays} days` +
          (result.droppedPartitions.length ? ` and dropped ${result.droppedPartitions.join(', ')}` : ''),
      );
  };
  let job: ReturnType<typeof setInterval> | undefined;
  if (options.retentionJob !== false) {
    await retain();
    job = setInterval(
      () => void retain().catch((error: Error) => console.error('consentry serve: retention failed:', error.message)),
      DAY,
    );
    job.unref();
  }

  return {
    fetch: (request, env) => Promise.resolve(app.fetch(request, env as Env['Bindings'])),
    database: dialect,
    store,
    retain,
    async close() {
      if (job) clearInterval(job);
      await queue.drain();
      await store.close();
    },
  };
}
