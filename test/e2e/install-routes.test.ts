// The ways in that need no package registry, as the README gives them for a plain HTML site
// (no build step, no package.json in the web root): the release tarball unpacked and its CLI
// run from the site's folder, or `node dist/cli.mjs copy` from a built clone. Each copies the
// files into the site, and the site then works in Chromium from those files alone. (The tarball
// installed into an npm project, offline, is package-install.test.ts.)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packInto } from '../support/pack';
import { ROOT } from '../support/root';
import { useChromium } from './support/harness';
import { checkPlainSite, serveFolder, writePlainSite } from './support/plain-site';

const s = useChromium();
let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'consentry-routes-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `node <cli> copy consentry/` run from the site's own folder, as the README says; its output. */
function copyInto(site: string, cli: string): string {
  mkdirSync(site, { recursive: true });
  const printed = execFileSync(process.execPath, [cli, 'copy', 'consentry/'], { cwd: site, encoding: 'utf8' });
  writePlainSite(site);
  return printed;
}

describe('no npm at all: the release tarball, unpacked, copies the files into the site', () => {
  it('needs nothing installed, leaves no package.json in the site, and the site works from the copied files', async () => {
    const tarball = packInto(tmp);
    execFileSync('tar', ['xzf', tarball, '-C', tmp]);
    const site = join(tmp, 'tarball-site');
    const printed = copyInto(site, join(tmp, 'package/dist/cli.mjs'));
    expect(printed).toContain(`<script defer src="/consentry/consentry.js" data-config='{ "presets": [] }'></script>`);
    expect(readdirSync(site).sort()).toEqual(['consentry', 'hotjar.html', 'index.html']);
    expect(existsSync(join(tmp, 'package/node_modules'))).toBe(false);
    serveFolder(s, site);
    await checkPlainSite(s);
  });
});

describe('from a built clone: node dist/cli.mjs copy', () => {
  it('copies into a site folder without a package.json, and the site works from the copied files', async () => {
    const site = join(tmp, 'clone-site');
    const printed = copyInto(site, join(ROOT, 'dist/cli.mjs'));
    expect(printed).toMatch(/^copied \d+ files to consentry\/\n/);
    expect(existsSync(join(site, 'package.json'))).toBe(false);
    serveFolder(s, site);
    await checkPlainSite(s);
  });
});
