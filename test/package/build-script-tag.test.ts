// `consentry build`: a site's own script-tag file. Checked here on the real output (esbuild,
// the package's dist/build/runtime.mjs): it refuses an invalid config with the checker's
// messages, is deterministic, carries only the presets and parts the config uses, and prints
// the right tag with a correct integrity hash. The e2e-built test project runs the end-to-end suites that
// depend on the file served against such a file.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { presetRegistry } from '../../presets/registry';
import schema from '../../src/core/config/schema.json';
import { buildScriptTag } from '../../src/node/build/build-script-tag';
import { companionFiles } from '../../src/node/companion-files';
import { captureCli } from '../support/cli';
import { ConsentConfigError } from '../../src/core/config/errors';
import type { ConsentConfig } from '../../src/core/types';
import { ROOT } from '../support/root';

const DIST = join(ROOT, 'dist');
const dir = mkdtempSync(join(tmpdir(), 'consentry-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** GA4 and the Meta Pixel, opt-in, no auto-blocking: the benchmark's site. */
const SITE: ConsentConfig = {
  mode: 'opt-in',
  presets: [
    { name: 'google-analytics', id: 'G-ABC123' },
    { name: 'meta-pixel', id: '1234567890123456' },
  ],
};
let count = 0;
const build = (config: ConsentConfig, src?: string) =>
  buildScriptTag(config, {
    registry: presetRegistry,
    distDir: DIST,
    outFile: join(dir, `site-${count++}/consentry.js`),
    src,
  });
const codeOf = (result: { files: string[] }) => readFileSync(result.files[0]!, 'utf8');

/** Strings only the named part's code contains. */
const MARKERS = {
  autoBlock: 'javascript/blocked',
  validator: 'did you mean',
  metaPixel: 'connect.facebook.net',
  googleAnalytics: 'www.googletagmanager.com/gtag/js',
  tiktok: 'analytics.tiktok.com',
  linkedin: 'snap.licdn.com',
  consentMode: 'ads_data_redaction',
  crossTab: 'BroadcastChannel',
};
/** The consent log: a site's file whose config logs carries it; the generic file fetches it (consentry-log.js). */
const LOG = 'keepalive';
/** Strings of the parts the script tag fetches when first needed, which no script-tag file but consentry.full.js carries. */
const FETCHED = { placeholders: 'data-consentry-placeholder', cleanup: 'max-age=0' };

describe('buildScriptTag', () => {
  it('refuses an invalid config with the paths and messages of consentry check', async () => {
    const bad = { presets: [{ name: 'google-analytics', id: 'UA-1' }], cookie: { days: 500 } };
    const error = await build(bad as ConsentConfig).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsentConfigError);
    expect((error as ConsentConfigError).errors.map((issue) => issue.path)).toEqual(['presets[0].id', 'cookie.days']);
  });

  it('is deterministic: the same config gives the same bytes and integrity', async () => {
    const first = await build(SITE);
    const second = await build(SITE);
    expect(codeOf(second)).toBe(codeOf(first));
    expect(second.integrity).toBe(first.integrity);
  });

  it('carries the named presets only, no auto-blocking, no consent log and no validator, the config built in', async () => {
    const result = await build(SITE);
    const code = codeOf(result);
    expect(code).toContain(MARKERS.googleAnalytics);
    expect(code).toContain(MARKERS.metaPixel);
    // A Google preset: Consent Mode comes with it. Cross-tab sync is for every site.
    expect(code).toContain(MARKERS.consentMode);
    expect(code).toContain(MARKERS.crossTab);
    for (const absent of [MARKERS.autoBlock, MARKERS.validator, MARKERS.tiktok, MARKERS.linkedin, LOG])
      expect(code, absent).not.toContain(absent);
    for (const fetched of Object.values(FETCHED)) expect(code, fetched).not.toContain(fetched);
    expect(result.features).toEqual({ autoBlock: false, gpp: false, consentMode: true, log: false, crossTab: true });
    expect(code).toContain('G-ABC123');
    expect(result.presets).toEqual(['google-analytics', 'meta-pixel']);
    // The generic file for comparison: every preset and part, the validator; it too fetches the rest.
    const generic = readFileSync(join(DIST, 'consentry.js'), 'utf8');
    for (const present of Object.values(MARKERS)) expect(generic, present).toContain(present);
    for (const fetched of [...Object.values(FETCHED), LOG]) expect(generic, fetched).not.toContain(fetched);
    const full = readFileSync(join(DIST, 'consentry.full.js'), 'utf8');
    for (const present of [...Object.values(FETCHED), LOG]) expect(full, present).toContain(present);
    expect(result.gzipBytes).toBeLessThan(readFileSync(join(DIST, 'consentry.js')).length);
  });

  it('carries Google Consent Mode only with a Google preset or googleConsentMode, the log only with log', async () => {
    const pendo = { name: 'pendo', apiKey: '0a1b2c3d-1111-4222-8333-444455556666' };
    const withoutGoogle = await build({ presets: [pendo] });
    expect(withoutGoogle.features).toMatchObject({ consentMode: false, log: false });
    expect(codeOf(withoutGoogle)).not.toContain(MARKERS.consentMode);
    const switchedOff = await build({ ...SITE, googleConsentMode: false });
    expect(codeOf(switchedOff)).not.toContain(MARKERS.consentMode);
    const asked = await build({ presets: [pendo], googleConsentMode: { mode: 'basic' }, log: { endpoint: '/log' } });
    expect(asked.features).toMatchObject({ consentMode: true, log: true });
    expect(codeOf(asked)).toContain(MARKERS.consentMode);
    expect(codeOf(asked)).toContain(LOG);
  });

  it('carries auto-blocking when the config turns it on, and then asks for a blocking tag', async () => {
    const result = await build({ ...SITE, autoBlock: true });
    expect(codeOf(result)).toContain(MARKERS.autoBlock);
    expect(result.tag).toMatch(/^<script src=/);
  });

  it('prints a defer tag with the integrity of the written file', async () => {
    const result = await build(SITE, '/static/consentry.js');
    const digest = createHash('sha384').update(readFileSync(result.files[0]!)).digest('base64');
    expect(result.integrity).toBe(`sha384-${digest}`);
    expect(result.tag).toBe(
      `<script defer src="/static/consentry.js" integrity="sha384-${digest}" crossorigin="anonymous"></script>`,
    );
  });

  it('puts every file the page may fetch next to the output: the list `consentry copy` uses', async () => {
    const result = await build(SITE);
    const written = result.files.map((file) => file.replace(/^.*site-\d+\//, ''));
    expect(written).toEqual(['consentry.js', ...companionFiles(DIST)]);
    expect(written).toEqual(
      expect.arrayContaining([
        'consentry-ui.js',
        'consentry-check.js',
        'consentry-debug.js',
        'consentry-leftovers.js',
        'consentry-embeds.js',
        'consentry-cleanup.js',
        'consentry-log.js',
        'i18n/de.js',
        'presets/hotjar.js',
      ]),
    );
    for (const file of [
      'consentry-ui.js',
      'consentry-debug.js',
      'consentry-embeds.js',
      'consentry-cleanup.js',
      'i18n/de.js',
      'presets/hotjar.js',
    ])
      expect(readFileSync(join(result.files[0]!, '..', file))).toEqual(readFileSync(join(DIST, file)));
  });

  it('fails before writing anything when a file the page may fetch is missing from dist/', async () => {
    const partial = mkdtempSync(join(tmpdir(), 'consentry-partial-dist-'));
    cpSync(DIST, partial, { recursive: true });
    rmSync(join(partial, 'consentry-debug.js'));
    const outFile = join(dir, 'partial/consentry.js');
    const error = await buildScriptTag(SITE, { registry: presetRegistry, distDir: partial, outFile }).catch(
      (e: Error) => e,
    );
    rmSync(partial, { recursive: true, force: true });
    expect(String(error)).toContain('consentry-debug.js is missing');
    expect(existsSync(outFile)).toBe(false);
  });
});

describe('consentry build (CLI)', () => {
  const cli = (...argv: string[]) => captureCli(argv, { schema, cwd: dir, dist: DIST });

  it('writes the file and prints the tag to paste (exit 0)', async () => {
    writeFileSync(join(dir, 'consent.json'), JSON.stringify(SITE));
    const { code, stdout } = await cli('build', 'consent.json', '-o', 'public/consentry.js', '--src', '/consentry.js');
    expect(code).toBe(0);
    expect(stdout).toContain('wrote public/consentry.js');
    expect(stdout).toMatch(
      /\ncopied next to it: consentry-ui\.js, consentry-check\.js, consentry-debug\.js, consentry-leftovers\.js, consentry-embeds\.js, consentry-cleanup\.js, consentry-log\.js, gpp\.js, i18n\/ \(\d+ files\), presets\/ \(12 files\)\n/,
    );
    expect(stdout).toMatch(
      /<script defer src="\/consentry\.js" integrity="sha384-[\w+/=]+" crossorigin="anonymous"><\/script>/,
    );
  });

  it('refuses an invalid config with the same lines as consentry check (exit 1)', async () => {
    writeFileSync(join(dir, 'broken.json'), '{\n  "presets": [{ "name": "google-analytics", "id": "UA-1" }]\n}\n');
    const built = await cli('build', 'broken.json', '-o', 'out/consentry.js');
    const checked = await cli('check', 'broken.json');
    expect(built.code).toBe(1);
    expect(built.stderr).toBe(checked.stderr);
    expect(built.stderr).toContain('broken.json:2:45  presets[0].id');
  });

  it('explains its usage when the output is missing (exit 2)', async () => {
    const { code, stderr } = await cli('build', 'consent.json');
    expect(code).toBe(2);
    expect(stderr).toContain('usage: consentry build <file> -o <out>');
  });
});
