// The CLI commands that work on the built files: `copy` and `cdn` (what they copy and hash is
// dist/), and the built `dist/cli.mjs` itself, run as a user runs it.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKEN } from '../fixtures/configs';
import { captureCli, runBuiltCli } from '../support/cli';
import { ADD_ON_PRESETS } from '../../src/core/config/add-on-presets';
import { companionFiles } from '../../src/node/companion-files';
import { ROOT } from '../support/root';
import { useTempDir } from '../support/temp-dir';

const tmp = useTempDir('consentry-cli-');

describe('consentry copy', () => {
  const DIST = join(ROOT, 'dist');
  const copy = (...argv: string[]) => captureCli(['copy', ...argv], { cwd: tmp.path, dist: DIST });

  it('copies the script-tag files and every file they may fetch, byte for byte, and prints the tag', async () => {
    const { code, stdout } = await copy('public/consentry/');
    expect(code).toBe(0);
    const languages = (await readdir(join(DIST, 'i18n'))).filter((f) => f.endsWith('.js'));
    const addOns = (await readdir(join(DIST, 'presets'))).filter((f) => f.endsWith('.js'));
    expect(languages.length).toBeGreaterThanOrEqual(10);
    expect(addOns.map((f) => f.replace('.js', '')).sort()).toEqual([...ADD_ON_PRESETS].sort());
    const copied = (await readdir(join(tmp.path, 'public/consentry'), { recursive: true })).map(String).sort();
    expect(copied).toEqual(
      [
        'consentry.js',
        'consentry.full.js',
        'consentry-ui.js',
        'consentry-check.js',
        'consentry-debug.js',
        'consentry-leftovers.js',
        'consentry-embeds.js',
        'consentry-cleanup.js',
        'consentry-log.js',
        'gpp.js',
        'i18n',
        ...languages.map((f) => `i18n/${f}`),
        'presets',
        ...addOns.map((f) => `presets/${f}`),
      ].sort(),
    );
    // The one list `copy` and `build` share.
    expect(copied.filter((f) => f.endsWith('.js'))).toEqual(
      ['consentry.js', 'consentry.full.js', ...companionFiles(DIST)].sort(),
    );
    for (const file of [
      'consentry.js',
      'consentry-ui.js',
      'consentry-debug.js',
      'consentry-embeds.js',
      'consentry-cleanup.js',
      'i18n/de.js',
      'presets/hotjar.js',
    ])
      expect(await readFile(join(tmp.path, 'public/consentry', file))).toEqual(await readFile(join(DIST, file)));
    expect(stdout).toContain(`copied ${copied.length - 2} files to public/consentry/`);
  });

  it('prints the tag with data-config-url only when the site has a consent.json, else with the config inline', async () => {
    // No public/consent.json: a tag pointing at /consent.json would fail closed on every page.
    const without = await copy('public/consentry/');
    expect(without.stdout).toContain(
      `<script defer src="/consentry/consentry.js" data-config='{ "presets": [] }'></script>`,
    );
    expect(without.stdout).not.toContain('consentry.js" data-config-url');
    expect(without.stdout).toContain(
      `(no ${join('public', 'consent.json')} yet, so the config is inline: name your presets there, or write the file ` +
        `with npx consentry init <preset …> --out ${join('public', 'consent.json')} and use data-config-url="/consent.json" instead)`,
    );
    // `public/` is the web root: the folder is served as /consentry/, public/consent.json as /consent.json.
    await writeFile(join(tmp.path, 'public/consent.json'), '{ "presets": [] }');
    const withFile = await copy('public/consentry/');
    expect(withFile.stdout).toContain(
      '<script defer src="/consentry/consentry.js" data-config-url="/consent.json"></script>',
    );
    expect(withFile.stdout).toContain(`check it with npx consentry check ${join('public', 'consent.json')}`);
  });

  it('uses --base for the src, and keeps a folder that is not under a web root as it is', async () => {
    expect((await copy('assets/cmp', '--base', 'https://static.example.com/cmp')).stdout).toContain(
      '<script defer src="https://static.example.com/cmp/consentry.js"',
    );
    expect((await copy('assets/cmp')).stdout).toContain('<script defer src="/assets/cmp/consentry.js"');
    const outside = await copy(join(tmpdir(), 'elsewhere-' + Date.now()));
    expect(outside.code).toBe(0);
    expect(outside.stdout).toContain('pass --base');
  });

  it('exits 1 when the built files are missing or the folder cannot be written, 2 without a folder', async () => {
    expect((await captureCli(['copy', 'public'], { cwd: tmp.path, dist: join(tmp.path, 'nothing-here') })).code).toBe(
      1,
    );
    await writeFile(join(tmp.path, 'taken'), 'a file, not a folder');
    const blocked = await copy('taken/consentry');
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/^cannot copy into taken\/consentry \(E/);
    expect((await copy()).code).toBe(2);
    expect((await copy('a', 'b')).code).toBe(2);
    expect((await copy('a', '--bsae', 'x')).code).toBe(2);
  });
});

describe('consentry cdn', () => {
  const cdn = (...argv: string[]) => captureCli(['cdn', ...argv], { cwd: tmp.path, dist: join(ROOT, 'dist') });
  const sri = async (file: string) =>
    'sha384-' +
    createHash('sha384')
      .update(await readFile(join(ROOT, 'dist', file)))
      .digest('base64');

  it('prints the tag for this exact version with the SRI hash of the installed file', async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    const { code, stdout } = await cdn();
    expect(code).toBe(0);
    expect(stdout).toContain(
      `<script defer src="https://cdn.jsdelivr.net/npm/consentry@${version}/dist/consentry.js" integrity="${await sri('consentry.js')}" crossorigin="anonymous" data-config-url="/consent.json"></script>`,
    );
    expect(stdout).toContain('allow https://cdn.jsdelivr.net in your Content-Security-Policy script-src');
    const full = await cdn('--full');
    expect(full.stdout).toContain(`/dist/consentry.full.js" integrity="${await sri('consentry.full.js')}"`);
  });

  it('exits 1 without the installed files, 2 on wrong usage', async () => {
    expect((await captureCli(['cdn'], { dist: join(tmp.path, 'nothing-here') })).code).toBe(1);
    expect((await cdn('consentry.js')).code).toBe(2);
    expect((await cdn('--ful')).code).toBe(2);
  });
});

describe('the built dist/cli.mjs', () => {
  const run = (args: string[]) => runBuiltCli(args, tmp.path);

  it('checks the marketing-ops example (exit 0) and a broken file (exit 1, with schema hints)', async () => {
    const ok = await run(['check', join(ROOT, 'examples/marketing-ops/consent.json')]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    await writeFile(join(tmp.path, 'consent.json'), BROKEN);
    const bad = await run(['check', 'consent.json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('consent.json:4:35  presets[0].id: expected a GA4 measurement id');
    expect(bad.stderr).toContain('    hint: "UA-" ids are Universal Analytics');
    expect(bad.stderr).toContain('    hint: URL that receives each decision as JSON');
  });
});
