// A plain HTML site, the way the README's first route makes one: a folder of the site's own
// with no package.json, the files `consentry copy` put in `consentry/`, and pages that paste the
// README's script tag. The test server serves that folder as it is on disk, and nothing else
// under /consentry/, so a file the copy left out is a 404 the check sees.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Response } from 'playwright-core';
import { expect } from 'vitest';
import de from '../../../ui/i18n/de';
import { readmeBlock } from '../../../scripts/doc-blocks.mjs';
import type { ChromiumSession } from './harness';
import { poll } from './poll';

const VENDORS = [
  'googletagmanager.com/gtag/js?id=G-ABC123',
  'connect.facebook.net/en_US/fbevents.js',
  'cdn.pendo.io/agent/static/0a1b2c3d-1111-4222-8333-444455556666/pendo.js',
];
const HOTJAR = 'https://static.hotjar.com/c/hotjar-1234567.js?sv=6';

/**
 * Writes the site's pages into `site` (which holds `consentry/` from `consentry copy`): a German
 * page with the README's script-tag block, and one that adds an add-on preset's file.
 */
export function writePlainSite(site: string): void {
  writeFileSync(
    join(site, 'index.html'),
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Kaffee</title>
${readmeBlock('script-tag')}</head><body><main><h1>Kaffee</h1></main></body></html>`,
  );
  writeFileSync(
    join(site, 'hotjar.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Add-on</title>
<script src="/consentry/presets/hotjar.js"></script>
<script defer src="/consentry/consentry.js" data-config='{ "presets": [{ "name": "hotjar", "id": "1234567" }] }'></script>
</head><body><main><h1>Coffee</h1></main></body></html>`,
  );
}

/** Serves every file under `site` at its path (`site/consentry/consentry.js` → `/consentry/consentry.js`). */
export function serveFolder(s: ChromiumSession, site: string): string[] {
  const files = (readdirSync(site, { recursive: true }) as string[]).filter((name) => name.includes('.'));
  for (const file of files) {
    const path = '/' + relative(site, join(site, file)).split(sep).join('/');
    s.server.set(path, { body: readFileSync(join(site, file), 'utf8'), type: TYPES[path.split('.').pop()!] });
  }
  return files;
}
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8' };

/**
 * The checks a site owner makes in Chromium: the German banner (its UI and translation fetched
 * from the copied folder), nothing from a vendor before consent, each vendor once after "Accept
 * all", the debug report from `consentry-debug.js`, an add-on preset from `presets/`, and not
 * one request to the site's own folder that fails.
 */
export async function checkPlainSite(s: ChromiumSession): Promise<void> {
  const failed: string[] = [];
  const own: string[] = [];
  s.page.on('response', (response: Response) => {
    const url = new URL(response.url());
    if (url.origin != s.server.origin) return;
    own.push(url.pathname);
    if (response.status() >= 400) failed.push(`${response.status()} ${url.pathname}`);
  });
  await s.page.goto(s.server.origin + '/index.html');
  await poll(() => s.page.locator('[data-consentry-banner]').textContent()).toContain(de.title);
  expect(s.thirdParty.requests).toEqual([]);
  await s.page.locator('[data-consentry-action="accept-all"]').click();
  for (const vendor of VENDORS) await poll(() => s.thirdParty.hits(vendor), vendor).toHaveLength(1);
  await s.page.evaluate(() => (window as any).Consentry.debug());

  await s.page.goto(s.server.origin + '/hotjar.html');
  await s.page.waitForFunction(() => (window as any).Consentry);
  expect(await s.page.evaluate(() => (window as any).Consentry.error)).toBeNull();
  await s.page.evaluate(() => (window as any).Consentry.acceptAll());
  await poll(() => s.thirdParty.hits(HOTJAR)).toHaveLength(1);

  expect(own).toEqual(
    expect.arrayContaining([
      '/consentry/consentry.js',
      '/consentry/consentry-ui.js',
      '/consentry/i18n/de.js',
      '/consentry/consentry-debug.js',
      '/consentry/presets/hotjar.js',
    ]),
  );
  expect(failed).toEqual([]);
}
