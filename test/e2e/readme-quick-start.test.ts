// The quick starts (README.md, and the static import of docs/guide/npm.md), pasted into pages as a
// reader would paste them, in Chromium with every vendor request intercepted: nothing before
// consent, each vendor once after "Accept all", and the "Cookie settings" link reopens the
// preferences. (The lazy npm recipe runs from the packed tarball in package-install.test.ts.)
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeEach, describe, expect, it } from 'vitest';
import de from '../../ui/i18n/de';
import { readmeBlock } from '../../scripts/doc-blocks.mjs';
import { useChromium } from './support/harness';
import { serveCopiedSite } from './support/copied-site';
import { poll } from './support/poll';
import { ROOT } from '../support/root';

const s = useChromium();

const VENDORS = [
  'googletagmanager.com/gtag/js?id=G-ABC123',
  'connect.facebook.net/en_US/fbevents.js',
  'cdn.pendo.io/agent/static/0a1b2c3d-1111-4222-8333-444455556666/pendo.js',
];

/** Nothing from a vendor before consent; each vendor's tag exactly once after "Accept all". */
async function acceptLoadsEachVendorOnce(): Promise<void> {
  expect(s.thirdParty.requests.map((request) => request.url())).toEqual([]);
  await s.page.locator('[data-consentry-action="accept-all"]').click();
  for (const vendor of VENDORS) await poll(() => s.thirdParty.hits(vendor), vendor).toHaveLength(1);
}

describe('README quick start: script tag', () => {
  beforeEach(() => {
    serveCopiedSite(s.server, '/shop.html', 'script-tag', ['consentry.js', 'consentry-ui.js', 'i18n/de.js']);
  });

  it('holds GA4, the Meta Pixel and Pendo until "Accept all", then loads each once', async () => {
    await s.page.goto(s.server.origin + '/shop.html');
    await s.page.locator('[data-consentry-banner]').waitFor();
    await acceptLoadsEachVendorOnce();
    expect(s.errors).toEqual([]);
  });

  it('after a choice shows the reopen button, and the "Cookie settings" link opens the preferences', async () => {
    await s.page.goto(s.server.origin + '/shop.html');
    await s.page.locator('[data-consentry-action="reject-all"]').click();
    await s.page.reload();
    await s.page.locator('consentry-reopen button').waitFor();
    await s.page.locator('a[data-consentry-action="preferences"]', { hasText: 'Cookie settings' }).click();
    await s.page.locator('dialog[data-consentry-preferences][open]').waitFor();
    expect(await s.page.locator('input[data-consentry-category="analytics"]').isChecked()).toBe(false);
    expect(s.thirdParty.requests).toEqual([]);
  });
});

describe('README quick start: npm with mountUI imported statically', () => {
  beforeEach(async () => {
    const result = await build({
      stdin: { contents: readmeBlock('npm-static'), resolveDir: ROOT, loader: 'ts', sourcefile: 'app.ts' },
      bundle: true,
      splitting: true,
      format: 'esm',
      target: 'es2020',
      outdir: join(ROOT, 'static-app'),
      write: false,
    });
    for (const file of result.outputFiles)
      s.server.set(`/static-app/${file.path.slice(join(ROOT, 'static-app/').length)}`, {
        body: file.text,
        type: 'text/javascript',
      });
    s.server.set(
      '/app.html',
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>App</title>
<script type="module" src="/static-app/stdin.js"></script></head><body><h1>Kaffee</h1></body></html>`,
    );
  });

  it('shows the German banner on a lang="de" page, and loads each vendor once after "Accept all"', async () => {
    await s.page.goto(s.server.origin + '/app.html');
    await poll(() => s.page.locator('[data-consentry-banner]').textContent()).toContain(de.title);
    await acceptLoadsEachVendorOnce();
    expect(s.errors).toEqual([]);
  });
});
