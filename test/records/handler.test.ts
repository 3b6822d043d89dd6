// The receiver as a Web-standard handler, the same suite on the embedded database (SQLite) and on
// a real PostgreSQL: what it stores, what it refuses, the read API behind the key, retention.
import { describe, expect, it, afterEach } from 'vitest';
import { createRecordsService, type RecordsService, type RecordsServiceOptions } from '../../src/server';
import { configHash } from '../../src/core/log/config-hash';
import { encodeGpp } from '../../src/core/gpp/encode';
import { SECTIONS } from '../../src/core/gpp/sections';
import { MAX_GPP } from '../../src/node/records/validate';
import { freshDatabase, KINDS, type DatabaseKind } from './support/databases';
import { BASE, beacon, GPP_STRING, KEY, newId, read, record } from './support/records';

const services: RecordsService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
});

describe.each(KINDS)('on %s', (kind: DatabaseKind) => {
  const start = async (options: RecordsServiceOptions = {}): Promise<RecordsService> => {
    const service = await createRecordsService({ ...(await freshDatabase(kind)), apiKey: KEY, ...options });
    services.push(service);
    return service;
  };
  const history = async (service: RecordsService, consentId: string) =>
    (await (await service.fetch(read(`/v1/consents/${consentId}`))).json()) as {
      records: Array<Record<string, unknown>>;
    };

  describe('POST /v1/records', () => {
    it('stores a record and acknowledges it with 204 after the commit; the history returns it with its receipt time', async () => {
      const service = await start();
      const sent = record({ url: 'https://shop.example/cart' });
      const before = Date.now();
      const response = await service.fetch(beacon(sent));
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const { records } = await history(service, sent.consentId);
      expect(records).toEqual([
        { ...sent, receivedAt: expect.any(Number), country: null, device: 'other', config: null },
      ]);
      expect(records[0]!.receivedAt).toBeGreaterThanOrEqual(before);
    });

    it('acknowledges a repeated recordId and stores it once', async () => {
      const service = await start();
      const sent = record();
      const answers = await Promise.all([sent, sent, sent].map((body) => service.fetch(beacon(body))));
      expect(answers.map((answer) => answer.status)).toEqual([204, 204, 204]);
      expect((await service.fetch(beacon(sent))).status).toBe(204);
      expect(await service.store.count()).toBe(1);
    });

    it('keeps only the origin and path of the url, and takes JSON whatever the safelisted type or none', async () => {
      const service = await start();
      const sent = record({ url: 'https://shop.example/checkout?email=a%40b.example#pay' });
      const untyped = new Request('http://records.test/v1/records', {
        method: 'POST',
        body: new Blob([JSON.stringify(sent)]),
      });
      expect((await service.fetch(untyped)).status).toBe(204);
      const json = record({ consentId: sent.consentId });
      expect((await service.fetch(beacon(json, { headers: { 'content-type': 'application/json' } }))).status).toBe(204);
      const { records } = await history(service, sent.consentId);
      expect(records.map((stored) => stored.url)).toContain('https://shop.example/checkout');
    });

    it('stores a coarse device class and a country only from the trusted edge header, never the address or user agent', async () => {
      const service = await start({ countryHeader: 'cf-ipcountry' });
      const sent = record();
      const headers = {
        'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148',
        'cf-ipcountry': 'FR',
        'x-forwarded-for': '203.0.113.7',
      };
      expect((await service.fetch(beacon(sent, { headers }))).status).toBe(204);
      const [stored] = (await history(service, sent.consentId)).records;
      expect(stored).toMatchObject({ device: 'mobile', country: 'FR' });
      expect(JSON.stringify(stored)).not.toMatch(/203\.0\.113|iPhone OS/);
    });

    it('answers CORS for the --origin list, refuses other origins with 403, and answers a preflight', async () => {
      const service = await start({ origins: ['https://shop.example'] });
      const allowed = await service.fetch(beacon(record(), { headers: { origin: 'https://shop.example' } }));
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      const other = await service.fetch(beacon(record(), { headers: { origin: 'https://evil.example' } }));
      expect(other.status).toBe(403);
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await service.fetch(
        new Request('http://records.test/v1/records', {
          method: 'OPTIONS',
          headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
        }),
      );
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
      expect(await service.store.count()).toBe(1);
    });

    it('answers 429 with Retry-After past the per-client rate', async () => {
      const service = await start({ rateLimit: 3 });
      const statuses = [];
      for (let n = 0; n < 5; n++) statuses.push((await service.fetch(beacon(record()))).status);
      expect(statuses).toEqual([204, 204, 204, 429, 429]);
      const limited = await service.fetch(beacon(record()));
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    });

    it('answers 503 with Retry-After when the write queue is full, and stores nothing then', async () => {
      const service = await start({ queue: { maxQueued: 0 } });
      const response = await service.fetch(beacon(record()));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(await service.store.count()).toBe(0);
    });
  });

  describe('the GPP string, part of the proof on sites with gpp', () => {
    it("is stored with its record: the visitor's history, the NDJSON and CSV export and the dashboard show it", async () => {
      const service = await start();
      const withGpp = record({ consentId: 'visitor-gpp-1', action: 'reject-all', gpp: GPP_STRING });
      const without = record({ consentId: 'visitor-gpp-1', createdAt: withGpp.createdAt - 1000 });
      expect((await service.fetch(beacon(withGpp))).status).toBe(204);
      expect((await service.fetch(beacon(without))).status).toBe(204);

      const { records } = await history(service, 'visitor-gpp-1');
      expect(records.map((stored) => stored.gpp)).toEqual([undefined, GPP_STRING]);
      expect(records[0]).not.toHaveProperty('gpp');

      const lines = (await (await service.fetch(read('/v1/records'))).text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.find((line) => line.recordId == withGpp.recordId)).toMatchObject({ gpp: GPP_STRING });
      const csv = (await (await service.fetch(read('/v1/records?format=csv'))).text()).trim().split('\r\n');
      const column = csv[0]!.split(',').indexOf('gpp');
      const cells = csv.slice(1).map((row) => row.split(','));
      expect(cells.find((row) => row.includes(withGpp.recordId))![column]).toBe(GPP_STRING);
      expect(cells.find((row) => row.includes(without.recordId))![column]).toBe('');

      const login = await service.fetch(
        new Request(BASE + '/login', {
          method: 'POST',
          body: new URLSearchParams({ key: KEY }),
        }),
      );
      const session = login.headers.get('set-cookie')!.split(';')[0]!;
      const page = await (
        await service.fetch(new Request(BASE + '/?consent=visitor-gpp-1', { headers: { cookie: session } }))
      ).text();
      expect(page).toContain(`GPP string <code class="gpp">${GPP_STRING}</code>`);
      expect(page.match(/GPP string/g)).toHaveLength(1);
    });

    it('takes the longest string the page can write: every section, every field set', async () => {
      const service = await start();
      const longest = encodeGpp(
        SECTIONS.map((section) => ({
          section,
          fields: Object.fromEntries(
            section.fields.map((name) => [
              name,
              name in section.lists ? Array.from({ length: section.lists[name]! }, () => 3) : 3,
            ]),
          ),
          gpc: section.gpc ? true : undefined,
        })),
      );
      expect(longest.length).toBeLessThan(MAX_GPP);
      const sent = record({ gpp: longest });
      expect((await service.fetch(beacon(sent))).status).toBe(204);
      expect((await history(service, sent.consentId)).records[0]!.gpp).toBe(longest);
    });
  });

  describe('hostile input: a 4xx with a reason, the server stays up, nothing partial stored', () => {
    const valid = record();
    const big = (bytes: number) => JSON.stringify({ ...valid, version: 'x'.repeat(bytes) });
    const cases: Array<[string, () => Request, number]> = [
      ['malformed JSON', () => beacon('{"recordId": "abc'), 400],
      ['an empty body', () => beacon(''), 400],
      ['a JSON array', () => beacon([valid]), 400],
      ['a 1 MB body', () => beacon(big(1024 * 1024)), 413],
      ['9 KB, over the 8 KB limit', () => beacon(big(9 * 1024)), 413],
      [
        '9 KB without a Content-Length (streamed)',
        () => {
          const bytes = new TextEncoder().encode(big(9 * 1024));
          const body = new ReadableStream({
            start(controller) {
              controller.enqueue(bytes);
              controller.close();
            },
          });
          return new Request('http://records.test/v1/records', { method: 'POST', body, duplex: 'half' } as RequestInit);
        },
        413,
      ],
      ['a number as recordId', () => beacon({ ...valid, recordId: 12345678 }), 400],
      ['a short recordId', () => beacon({ ...valid, recordId: 'abc' }), 400],
      ['a string as a choice', () => beacon({ ...valid, choices: { essential: true, analytics: 'yes' } }), 400],
      ['essential denied', () => beacon({ ...valid, choices: { essential: false } }), 400],
      [
        'a __proto__ key at the top',
        () => beacon(`{"__proto__":{"polluted":true},${JSON.stringify(valid).slice(1)}`),
        400,
      ],
      [
        'a __proto__ category',
        () => beacon(JSON.stringify(valid).replace('"essential":true', '"essential":true,"__proto__":true')),
        400,
      ],
      [
        '10,000 categories',
        () =>
          beacon({
            ...valid,
            choices: Object.fromEntries([
              ['essential', true],
              ...Array.from({ length: 10_000 }, (_, n) => [`c${n}`, true]),
            ]),
          }),
        413,
      ],
      [
        '100 categories (under 8 KB)',
        () =>
          beacon({
            ...valid,
            choices: Object.fromEntries([
              ['essential', true],
              ...Array.from({ length: 100 }, (_, n) => [`c${n}`, true]),
            ]),
          }),
        400,
      ],
      ['SQL in a string field', () => beacon({ ...valid, version: "1'); DROP TABLE records; --" }), 400],
      ['SQL in the url path', () => beacon({ ...valid, url: "https://shop.example/'); DROP TABLE records;--" }), 400],
      ['a control character in a string', () => beacon({ ...valid, language: 'en\u0000' }), 400],
      ['a control character in the url', () => beacon({ ...valid, url: 'https://shop.example/a\u0007b' }), 400],
      ['a javascript: url', () => beacon({ ...valid, url: 'javascript:alert(1)' }), 400],
      ['a url over 2,048 characters', () => beacon({ ...valid, url: `https://shop.example/${'a'.repeat(2100)}` }), 400],
      ['an unknown field', () => beacon({ ...valid, ip: '203.0.113.7' }), 400],
      ['a missing field', () => beacon({ ...valid, signals: undefined }), 400],
      ['an unknown action', () => beacon({ ...valid, action: 'maybe' }), 400],
      ['an unknown schema', () => beacon({ ...valid, schema: 2 }), 400],
      ['a negative revision', () => beacon({ ...valid, revision: -1 }), 400],
      ['a float createdAt', () => beacon({ ...valid, createdAt: 1.5 }), 400],
      ['a number as gpp', () => beacon({ ...valid, gpp: 12345 }), 400],
      ['gpp null', () => beacon({ ...valid, gpp: null }), 400],
      ['an empty gpp', () => beacon({ ...valid, gpp: '' }), 400],
      [
        'a TCF string as gpp (not a GPP header)',
        () => beacon({ ...valid, gpp: 'CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA' }),
        400,
      ],
      ['markup in gpp', () => beacon({ ...valid, gpp: 'DBABLA~<script>alert(1)</script>' }), 400],
      ['SQL in gpp', () => beacon({ ...valid, gpp: "DBABLA~'); DROP TABLE records; --" }), 400],
      ['a control character in gpp', () => beacon({ ...valid, gpp: 'DBABLA~CVQqAAAAAACA\u0000.QA' }), 400],
      ['an empty section in gpp', () => beacon({ ...valid, gpp: 'DBABLA~~CVQqAAAAAACA' }), 400],
      ['gpp over 1,024 characters', () => beacon({ ...valid, gpp: `DBABLA~${'A'.repeat(1100)}` }), 400],
      ['gpp as an object', () => beacon({ ...valid, gpp: { usnat: 'CVQqAAAAAACA' } }), 400],
      [
        'multipart/form-data',
        () => beacon(valid, { headers: { 'content-type': 'multipart/form-data; boundary=x' } }),
        415,
      ],
      [
        'application/x-www-form-urlencoded',
        () => beacon(valid, { headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
        415,
      ],
      ['image/png', () => beacon(valid, { headers: { 'content-type': 'image/png' } }), 415],
      [
        'a Latin-1 charset',
        () => beacon(valid, { headers: { 'content-type': 'text/plain; charset=iso-8859-1' } }),
        415,
      ],
      [
        'invalid UTF-8',
        () =>
          new Request('http://records.test/v1/records', {
            method: 'POST',
            body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
          }),
        400,
      ],
    ];

    it.each(cases)('%s', async (_, request, status) => {
      const service = await start();
      const response = await service.fetch(request());
      expect(response.status).toBe(status);
      if (status != 413 && status != 415) expect(((await response.json()) as { error: string }).error).toMatch(/\w/);
      expect(await service.store.count()).toBe(0);
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect((await service.fetch(new Request('http://records.test/healthz'))).status).toBe(200);
      expect((await service.fetch(beacon(record()))).status).toBe(204);
    });
  });

  describe('the read API', () => {
    const protectedRoutes: Array<[string, string]> = [
      ['GET', '/v1/consents/visitor-0001'],
      ['DELETE', '/v1/consents/visitor-0001'],
      ['GET', '/v1/records'],
      ['GET', '/v1/records?format=csv'],
      ['GET', '/v1/stats'],
    ];
    it.each(protectedRoutes)('%s %s: 401 without the key or with a wrong one', async (method, path) => {
      const service = await start();
      await service.fetch(beacon(record()));
      for (const key of [null, 'wrong-key-0123456789', `${KEY}x`, KEY.slice(0, -1)]) {
        const response = await service.fetch(read(path, key, method));
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
      }
      expect(await service.store.count()).toBe(1);
    });

    it('401 everywhere when no key is set', async () => {
      const service = await start({ apiKey: undefined });
      expect((await service.fetch(read('/v1/stats', KEY))).status).toBe(401);
    });

    it("GET /v1/consents/:id: a visitor's whole history, oldest first, each with the config it saw; 404 for none", async () => {
      const config = {
        categories: { analytics: { label: 'Statistics' } },
        presets: [{ name: 'google-analytics', id: 'G-ABC123' }],
      };
      const service = await start({ config: config as never });
      const hash = configHash(config as never);
      const first = record({ consentId: 'visitor-4242', configHash: hash, createdAt: Date.now() - 5000 });
      const second = record({
        consentId: 'visitor-4242',
        configHash: hash,
        action: 'withdraw',
        choices: { essential: true, analytics: false, advertising: true },
      });
      await service.fetch(beacon(second));
      await service.fetch(beacon(first));
      await service.fetch(beacon(record({ consentId: 'someone-else' })));
      const body = (await (await service.fetch(read('/v1/consents/visitor-4242'))).json()) as {
        consentId: string;
        records: Array<Record<string, unknown>>;
      };
      expect(body.consentId).toBe('visitor-4242');
      expect(body.records.map((stored) => stored.recordId)).toEqual([first.recordId, second.recordId]);
      expect(body.records[1]).toMatchObject({ action: 'withdraw', choices: second.choices, config });
      expect((await service.fetch(read('/v1/consents/nobody-000'))).status).toBe(404);
    });

    it('flags a record whose config is not registered (config null) until it is', async () => {
      const service = await start();
      const sent = record({ configHash: 'feedfacecafebeef' });
      await service.fetch(beacon(sent));
      expect((await history(service, sent.consentId)).records[0]!.config).toBeNull();
      expect((await service.store.configs()).find((config) => config.hash == 'feedfacecafebeef')).toMatchObject({
        config: null,
        registeredAt: null,
      });
    });

    it('GET /v1/records: every record of the range as NDJSON (fields at the top level) or CSV', async () => {
      const service = await start();
      const sent = [
        record(),
        record({ action: 'reject-all', choices: { essential: true, analytics: false, advertising: false } }),
      ];
      for (const body of sent) await service.fetch(beacon(body));
      const ndjson = await service.fetch(read('/v1/records'));
      expect(ndjson.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
      const lines = (await ndjson.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.map((line) => line.recordId).sort()).toEqual(sent.map((body) => body.recordId).sort());
      expect(lines[0]).toMatchObject({
        consentId: 'visitor-0001',
        signals: { gpc: false, dnt: false },
        receivedAt: expect.any(Number),
      });

      const csv = await (await service.fetch(read('/v1/records?format=csv'))).text();
      const [header, ...rows] = csv.trim().split('\r\n');
      expect(header).toBe(
        'receivedAt,createdAt,recordId,consentId,action,choices,gpc,dnt,mode,region,country,device,language,revision,configHash,version,schema,url,gpp',
      );
      expect(rows).toHaveLength(2);
      expect(csv).toContain('essential=1 analytics=0 advertising=0');

      const tomorrow = new Date(Date.now() + 864e5).toISOString().slice(0, 10);
      expect(await (await service.fetch(read(`/v1/records?from=${tomorrow}`))).text()).toBe('');
      expect((await service.fetch(read('/v1/records?from=yesterday'))).status).toBe(400);
      expect((await service.fetch(read('/v1/records?format=xml'))).status).toBe(400);
    });

    it('GET /v1/stats: banners shown, decisions, shares, consent rate per category, GPC and DNT shares, by day, region, category and config', async () => {
      const service = await start();
      const impression = { schema: 1, configHash: '0123456789abcdef', language: 'en', mode: 'opt-in', region: 'DE' };
      for (let n = 0; n < 4; n++)
        expect((await service.fetch(beacon(impression, { path: '/v1/impressions' }))).status).toBe(204);
      await service.fetch(beacon(record()));
      await service.fetch(
        beacon(
          record({
            action: 'reject-all',
            choices: { essential: true, analytics: false, advertising: false },
            signals: { gpc: true, dnt: false },
          }),
        ),
      );
      await service.fetch(
        beacon(
          record({
            action: 'custom',
            region: 'US-CA',
            choices: { essential: true, analytics: true, advertising: false },
          }),
        ),
      );
      const stats = (await (await service.fetch(read('/v1/stats?by=region'))).json()) as Record<string, any>;
      expect(stats.total).toMatchObject({
        impressions: 4,
        decisions: 3,
        actions: { 'accept-all': 1, 'reject-all': 1, custom: 1, withdraw: 0, signal: 0, default: 0 },
        shares: { acceptAll: 0.3333, rejectAll: 0.3333, custom: 0.3333 },
        interactionRate: 0.75,
        gpcShare: 0.3333,
        dntShare: 0,
        categories: {
          analytics: { granted: 2, total: 3, rate: 0.6667 },
          advertising: { granted: 1, total: 3, rate: 0.3333 },
        },
      });
      expect(stats.groups.map((group: { key: string }) => group.key)).toEqual(['DE', 'US-CA']);
      expect(stats.groups[0]).toMatchObject({ impressions: 4, decisions: 2 });
      const byCategory = (await (await service.fetch(read('/v1/stats?by=category'))).json()) as Record<string, any>;
      expect(byCategory.groups).toContainEqual({ key: 'analytics', granted: 2, total: 3, rate: 0.6667 });
      const byDay = (await (await service.fetch(read('/v1/stats?by=day'))).json()) as Record<string, any>;
      expect(byDay.groups).toHaveLength(1);
      expect(byDay.groups[0].key).toBe(new Date().toISOString().slice(0, 10));
      expect((await service.fetch(read('/v1/stats?by=browser'))).status).toBe(400);
      expect((await service.fetch(beacon({ ...impression, consentId: 'x' }, { path: '/v1/impressions' }))).status).toBe(
        400,
      );
    });

    it('DELETE /v1/consents/:id erases that visitor, and a re-sent record of theirs is not stored again', async () => {
      const service = await start();
      const sent = record({ consentId: 'erase-me-1' });
      await service.fetch(beacon(sent));
      await service.fetch(beacon(record({ consentId: 'keep-me-01' })));
      const response = await service.fetch(read('/v1/consents/erase-me-1', KEY, 'DELETE'));
      expect(await response.json()).toEqual({ consentId: 'erase-me-1', deleted: 1 });
      expect((await service.fetch(read('/v1/consents/erase-me-1'))).status).toBe(404);
      expect((await service.fetch(beacon(sent))).status).toBe(204);
      expect(await service.store.count()).toBe(1);
    });
  });

  describe('retention', () => {
    it('deletes records older than --retain-days; a config snapshot stays while a record names it', async () => {
      const service = await start({ retainDays: 30, retentionJob: false });
      const day = 864e5;
      const now = Date.now();
      const old = record({ configHash: 'aaaaaaaaaaaaaaaa' });
      const oldShared = record({ configHash: 'bbbbbbbbbbbbbbbb' });
      const recent = record({ configHash: 'bbbbbbbbbbbbbbbb' });
      const at = (item: typeof old, receivedAt: number) => ({
        kind: 'record' as const,
        record: item,
        receivedAt,
        country: null,
        device: 'other' as const,
      });
      await service.store.write([at(old, now - 90 * day), at(oldShared, now - 90 * day)]);
      await service.store.write([at(recent, now - day)]);
      await service.store.registerConfig('aaaaaaaaaaaaaaaa', { mode: 'opt-in' }, now - 90 * day);
      await service.retain(now);
      const kept = [];
      for await (const stored of service.store.exportRecords({})) kept.push(stored.recordId);
      expect(kept).toEqual([recent.recordId]);
      expect((await service.store.configs()).map((config) => config.hash)).toEqual(['bbbbbbbbbbbbbbbb']);
      // The daily counts keep no identity, and stay.
      expect((await service.store.stats({ from: now - 100 * day }, 'day')).total.decisions).toBe(3);
    });

    it('forgets record ids after 35 days, and keeps them until then', async () => {
      const service = await start({ retentionJob: false });
      const sent = record();
      const now = Date.now();
      await service.store.write([
        { kind: 'record', record: sent, receivedAt: now - 36 * 864e5, country: null, device: 'other' },
      ]);
      await service.retain(now);
      await service.store.write([
        { kind: 'record', record: { ...sent }, receivedAt: now, country: null, device: 'other' },
      ]);
      expect(await service.store.count()).toBe(2);
    });
  });

  it('GET /healthz', async () => {
    const service = await start();
    const response = await service.fetch(new Request('http://records.test/healthz'));
    expect(await response.json()).toMatchObject({ status: 'ok', database: kind });
  });
});

it('a record id is one per decision: ids differ', () => {
  expect(newId()).not.toBe(newId());
});
