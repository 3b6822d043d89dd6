// `consentry audit <url> --propose consent.json` on a plain site with GA4, the Meta pixel and
// Hotjar pasted in: a config with those presets and the ids from their URLs, which
// `consentry check` accepts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCli } from '../support/cli';
import { useTempDir } from '../support/temp-dir';
import { runAudit } from './support/audit-cli';
import { plainTrackersSite } from './support/fixtures';
import { startSiteServer, type SiteServer } from './support/site-server';

let server: SiteServer;
beforeAll(async () => {
  server = await startSiteServer();
});
afterAll(() => server?.close());
const tmp = useTempDir('consentry-audit-propose-');

describe('--propose', () => {
  it('writes a config with the presets and ids seen, which consentry check accepts', async () => {
    const { code, stdout } = await runAudit([plainTrackersSite(server), '--pages', '1', '--propose', 'consent.json'], {
      cwd: tmp.path,
    });
    expect(code, stdout).toBe(0);
    const config = JSON.parse(readFileSync(join(tmp.path, 'consent.json'), 'utf8'));
    expect(config.presets).toEqual(
      expect.arrayContaining([
        { name: 'google-analytics', id: 'G-TEST1234' },
        { name: 'meta-pixel', id: '1234567890123456' },
        { name: 'hotjar', id: '1234567' },
      ]),
    );
    expect(config.presets).toHaveLength(3);
    expect(stdout).toContain('preset google-analytics with id G-TEST1234 (from www.googletagmanager.com)');
    expect(stdout).toContain('consent.json: proposed config written (3 presets)');
    const checked = await captureCli(['check', 'consent.json'], { cwd: tmp.path });
    expect(checked).toMatchObject({ code: 0, stdout: 'consent.json: valid\n' });
  });

  it('writes nothing and exits 3 when the site cannot be loaded', async () => {
    server.set('/gone', { status: 404, body: 'not found' });
    const { code, stderr } = await runAudit([server.origin + '/gone', '--propose', 'consent.json'], { cwd: tmp.path });
    expect(code).toBe(3);
    expect(stderr).toContain('answered HTTP 404');
    expect(existsSync(join(tmp.path, 'consent.json'))).toBe(false);
  });
});
