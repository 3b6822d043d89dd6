// The CDN tag that `consentry cdn` prints, in Chromium: the files are answered from dist/ as the
// CDN would serve them (with CORS, which `crossorigin="anonymous"` needs), the pinned file runs
// and fetches the UI from the same CDN folder, and a file that differs by one byte is refused.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useChromium } from './support/harness';
import { poll } from './support/poll';
import { ROOT } from '../support/root';

const s = useChromium();

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const FOLDER = `https://cdn.jsdelivr.net/npm/consentry@${version}/dist/`;
/** The tag line the CLI prints. */
const tag = () =>
  execFileSync(process.execPath, [join(ROOT, 'dist/cli.mjs'), 'cdn'], { encoding: 'utf8' })
    .split('\n')
    .find((line) => line.startsWith('<script'))!;

/** Answers the CDN folder from dist/, with `change` applied to consentry.js; returns the paths asked for. */
async function serveCdn(change = (code: string) => code): Promise<string[]> {
  const asked: string[] = [];
  await s.page.route(`${FOLDER}**`, (route) => {
    const file = route.request().url().slice(FOLDER.length);
    asked.push(file);
    const code = readFileSync(join(ROOT, 'dist', file), 'utf8');
    return route.fulfill({
      status: 200,
      contentType: 'text/javascript',
      headers: { 'access-control-allow-origin': '*' },
      body: file == 'consentry.js' ? change(code) : code,
    });
  });
  return asked;
}

describe('the pinned CDN tag with its integrity hash', () => {
  beforeEach(() => {
    s.server.set('/consent.json', {
      body: JSON.stringify({ presets: [{ name: 'google-analytics', id: 'G-ABC123' }] }),
      type: 'application/json',
    });
    s.server.set('/cdn.html', `<!doctype html><html lang="en"><head>${tag()}</head><body><h1>Shop</h1></body></html>`);
  });

  it('runs the published file, which fetches the UI from the same CDN folder', async () => {
    const asked = await serveCdn();
    await s.page.goto(s.server.origin + '/cdn.html');
    await s.page.locator('[data-consentry-banner]').waitFor();
    expect(asked.slice(0, 2)).toEqual(['consentry.js', 'consentry-ui.js']);
    // Once the page is idle, the look for leftover vendor snippets comes from the same folder, its integrity checked.
    await poll(() => asked.length).toBe(3);
    expect(asked).toEqual(['consentry.js', 'consentry-ui.js', 'consentry-leftovers.js']);
    // It ran, so its bytes matched the hash consentry.js carries.
    await poll(() => s.page.evaluate(() => !!(window as any).ConsentryParts?.leftovers)).toBe(true);
  });

  it('is refused by the browser when the file differs by one byte', async () => {
    const asked = await serveCdn((code) => code + '\n');
    const refused = s.page.waitForEvent('console', (message) => message.text().includes('integrity'));
    await s.page.goto(s.server.origin + '/cdn.html');
    await refused;
    expect(asked).toEqual(['consentry.js']);
    expect(await s.page.evaluate(() => typeof (window as { Consentry?: unknown }).Consentry)).toBe('undefined');
  });
});
