// Bad input gives a clear message, the contract's exit code and no stack trace: an unreachable
// URL, a non-HTML answer, a redirect loop and a bot wall (3, could not audit); an invalid
// --config, a wrong command line or a missing browser (2). The JSON report is written in every case.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../support/temp-dir';
import { runAudit } from './support/audit-cli';
import { startSiteServer, type SiteServer } from './support/site-server';

let server: SiteServer;
beforeAll(async () => {
  server = await startSiteServer();
});
afterAll(() => server?.close());
const tmp = useTempDir('consentry-audit-input-');

const audit = (...argv: string[]) => runAudit(argv, { cwd: tmp.path });
const json = () => JSON.parse(readFileSync(join(tmp.path, 'audit.json'), 'utf8'));

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const port = (probe.address() as { port: number }).port;
  await new Promise((done) => probe.close(done));
  return port;
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+[:(]\d+/m);

describe('could not audit (exit 3)', () => {
  it('an unreachable URL', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/`;
    const { code, stderr, stdout } = await audit(url, '--json', 'audit.json');
    expect(code).toBe(3);
    expect(stderr).toContain(`consentry audit: could not load ${url}: net::ERR_CONNECTION_REFUSED`);
    noStack(stderr + stdout);
    expect(json()).toMatchObject({
      url,
      passed: false,
      exitCode: 3,
      error: expect.stringContaining('ERR_CONNECTION_REFUSED'),
    });
  });

  it('a response that is not HTML', async () => {
    server.set('/data.json', { body: '{"ok":true}', headers: { 'content-type': 'application/json' } });
    const { code, stderr } = await audit(server.origin + '/data.json');
    expect(code).toBe(3);
    expect(stderr).toContain(`${server.origin}/data.json answered application/json, not an HTML page`);
    noStack(stderr);
  });

  it('a redirect loop', async () => {
    server.set('/loop-a', { status: 302, headers: { location: '/loop-b' } });
    server.set('/loop-b', { status: 302, headers: { location: '/loop-a' } });
    const { code, stderr } = await audit(server.origin + '/loop-a', '--json', 'audit.json');
    expect(code).toBe(3);
    expect(stderr).toContain(`could not load ${server.origin}/loop-a: net::ERR_TOO_MANY_REDIRECTS`);
    noStack(stderr);
    expect(json().exitCode).toBe(3);
  });

  it('a bot wall', async () => {
    server.set('/walled', { status: 403, body: '<p>Checking your browser…</p>' });
    const { code, stderr } = await audit(server.origin + '/walled');
    expect(code).toBe(3);
    expect(stderr).toContain(`${server.origin}/walled answered HTTP 403 (a bot wall or access control?)`);
  });
});

describe('usage or config error (exit 2)', () => {
  it('an invalid --config: every problem with its path, nothing loaded', async () => {
    writeFileSync(
      join(tmp.path, 'consent.json'),
      JSON.stringify({ presets: [{ name: 'google-analytics', id: 'UA-1' }], cookie: { days: -1 } }),
    );
    const { code, stderr } = await audit(server.origin + '/', '--config', 'consent.json', '--json', 'audit.json');
    expect(code).toBe(2);
    expect(stderr).toContain('consentry audit: --config consent.json: 2 problems');
    expect(stderr).toContain('presets[0].id:');
    expect(stderr).toContain('cookie.days:');
    expect(stderr).toContain('(consentry check consent.json shows where each one is, with hints)');
    noStack(stderr);
    expect(json()).toMatchObject({ passed: false, exitCode: 2 });
    expect(server.hits.get('/') ?? 0).toBe(0);
  });

  it('a --config that is not JSON, or missing', async () => {
    writeFileSync(join(tmp.path, 'broken.json'), '{ "presets": [ }');
    const broken = await audit(server.origin + '/', '--config', 'broken.json');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('--config broken.json: not valid JSON');
    const missing = await audit(server.origin + '/', '--config', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--config nope.json: cannot read the file (ENOENT)');
  });

  it('a wrong command line prints the usage', async () => {
    for (const argv of [
      [],
      ['not a url'],
      ['ftp://example.com/'],
      [server.origin, '--runs', '0'],
      [server.origin, '--fail-on', 'never'],
      [server.origin, '--phases', 'before,later'],
      [server.origin, '--frobnicate'],
    ]) {
      const { code, stderr } = await audit(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toContain('usage: consentry audit <url>');
      noStack(stderr);
    }
  });

  it('a --chromium that does not exist', async () => {
    const { code, stderr } = await audit(server.origin + '/', '--chromium', '/nowhere/chromium');
    expect(code).toBe(2);
    expect(stderr).toContain('consentry audit: --chromium /nowhere/chromium: no such file.');
  });

  it('a --baseline that is not a report', async () => {
    writeFileSync(join(tmp.path, 'accepted.json'), '[]');
    const { code, stderr } = await audit(server.origin + '/', '--baseline', 'accepted.json');
    expect(code).toBe(2);
    expect(stderr).toContain('--baseline accepted.json: expected a report of consentry audit --json');
  });
});
