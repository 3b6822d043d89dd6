import { afterAll, beforeAll, expect, it } from 'vitest';
import { useTempDir } from '../support/temp-dir';
import { runAudit } from './support/audit-cli';
import { consentryTag, startSiteServer, threePages, type SiteServer } from './support/site-server';

let server: SiteServer;
beforeAll(async () => {
  server = await startSiteServer();
});
afterAll(() => server.close());
const tmp = useTempDir('consentry-audit-');

it('smoke', async () => {
  const url = threePages(
    server,
    '/clean',
    consentryTag({
      presets: [
        { name: 'google-analytics', id: 'G-ABC123' },
        { name: 'meta-pixel', id: '1234567890123456' },
      ],
    }),
  );
  const result = await runAudit([url, '--runs', '3', '--json', 'out.json', '--html', 'r.html', '--junit', 'r.xml'], {
    cwd: tmp.path,
  });
  console.log(result.stdout, result.stderr);
  const { readFileSync, copyFileSync } = await import('node:fs');
  copyFileSync(tmp.path + '/out.json', '/tmp/audit-out.json');
  copyFileSync(tmp.path + '/r.html', '/tmp/audit-r.html');
  copyFileSync(tmp.path + '/r.xml', '/tmp/audit-r.xml');
  expect(result.code).toBe(0);
}, 120_000);
