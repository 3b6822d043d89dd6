// @vitest-environment node
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetRegistry } from '../../../presets/registry';
import schema from '../../../src/core/config/schema.json';
import { locateJson, positionAt } from '../../../src/node/cli/locate-json';
import { BROKEN } from '../../fixtures/configs';
import { captureCli } from '../../support/cli';
import { ROOT } from '../../support/root';
import { useTempDir } from '../../support/temp-dir';

const tmp = useTempDir('consentry-cli-');

/** Runs the CLI in a scratch directory and captures its output. */
const cli = (...argv: string[]) => captureCli(argv, { schema, cwd: tmp.path });

describe('consentry check', () => {
  it('exits 0 for a valid file', async () => {
    await writeFile(
      join(tmp.path, 'ok.json'),
      JSON.stringify({ presets: [{ name: 'pendo', apiKey: '0a1b2c3d-1111-4222-8333-444455556666' }] }),
    );
    expect(await cli('check', 'ok.json')).toEqual({ code: 0, stdout: 'ok.json: valid\n', stderr: '' });
  });

  it('prints every problem with its path, line:column and a suggestion, and exits 1', async () => {
    await writeFile(join(tmp.path, 'consent.json'), BROKEN);
    const { code, stdout, stderr } = await cli('check', 'consent.json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('consent.json: 7 problems');
    const problems = lines.filter((line) => line.startsWith('consent.json:') && !line.endsWith('problems'));
    expect(problems).toEqual([
      'consent.json:2:3  mode: expected one of "opt-in", "opt-out", "auto", got "opt-inn"',
      'consent.json:4:35  presets[0].id: expected a GA4 measurement id like "G-ABC123", got "UA-12345-1"',
      'consent.json:5:7  presets[1].name: unknown preset "pendoo" (did you mean "pendo"?)',
      'consent.json:6:55  presets[2].pixel: unknown key',
      'consent.json:8:15  cookie.days: expected a number from 1 to 395, got 500',
      'consent.json:8:28  cookie.dayz: unknown key (did you mean "days"?)',
      'consent.json:9:3  log.endpoint: is required',
    ]);
    const hintAfter = (problem: string) => lines[lines.findIndex((line) => line.includes(problem)) + 1];
    expect(hintAfter('presets[0].id')).toMatch(
      /^ {4}hint: "UA-" ids are Universal Analytics, which Google has retired/,
    );
    expect(hintAfter('presets[1].name')).toMatch(/^ {4}hint: .*One of: google-analytics, .*tiktok-pixel, .*posthog\.$/);
    expect(hintAfter('presets[2].pixel')).toBe('    hint: allowed here: name, category, src, id, limitedDataUse');
    expect(hintAfter('log.endpoint')).toBe(
      '    hint: URL that receives each decision as JSON: a `consentry serve` receiver\'s /v1/records. Example: "https://consent.example.com/v1/records"',
    );
  });

  it('lists problems in file order, not in the order the validator checks keys', async () => {
    await writeFile(
      join(tmp.path, 'consent.json'),
      `{
  "ui": { "layout": "sidebar" },
  "cookie": { "days": 0 },
  "presets": [{ "name": "pendo", "apiKey": "x" }],
  "mode": "optin"
}
`,
    );
    const { stderr } = await cli('check', 'consent.json');
    const paths = stderr
      .split('\n')
      .filter((line) => /^consent\.json:\d+:\d+ /.test(line))
      .map((line) => line.split(/\s+/)[1]);
    expect(paths).toEqual(['ui.layout:', 'cookie.days:', 'presets[0].apiKey:', 'mode:']);
  });

  /** The problem lines of checking `config`, each followed by its hint line when there is one. */
  async function problemsOf(config: unknown): Promise<string[]> {
    await writeFile(join(tmp.path, 'consent.json'), JSON.stringify(config, null, 2));
    const { code, stderr } = await cli('check', 'consent.json');
    expect(code).toBe(1);
    return stderr.trimEnd().split('\n').slice(1);
  }

  it('explains that a UA- id is retired Universal Analytics and where the G- id is found', async () => {
    const [problem, hint] = await problemsOf({ presets: [{ name: 'google-analytics', id: 'UA-12345-1' }] });
    expect(problem).toContain('presets[0].id: expected a GA4 measurement id like "G-ABC123", got "UA-12345-1"');
    expect(hint).toContain('"UA-" ids are Universal Analytics, which Google has retired');
    expect(hint).toContain(
      'Admin → Data collection and modification → Data streams → your web stream → Measurement ID',
    );
  });

  it('suggests google-tag-manager for a GTM- id, and google-ads for an AW- id, under google-analytics', async () => {
    const [, gtm] = await problemsOf({ presets: [{ name: 'google-analytics', id: 'GTM-ABC1234' }] });
    expect(gtm).toBe(
      '    hint: a "GTM-" id is a Google Tag Manager container: use { "name": "google-tag-manager", "id": "GTM-ABC1234" }.',
    );
    const [, ads] = await problemsOf({ presets: [{ name: 'google-analytics', id: 'AW-123456789' }] });
    expect(ads).toContain('use { "name": "google-ads", "id": "AW-123456789" }');
  });

  it("suggests meta-pixel for facebook-pixel, and the preset for other tools' names", async () => {
    const [problem, hint] = await problemsOf({ presets: [{ name: 'facebook-pixel', id: '1234567890123456' }] });
    expect(problem).toContain('presets[0].name: unknown preset "facebook-pixel"');
    expect(hint).toBe('    hint: use "meta-pixel", the preset for Meta Pixel: { "name": "meta-pixel", … }.');
    const [, gtm] = await problemsOf({ presets: [{ name: 'GTM', id: 'GTM-ABC1234' }] });
    expect(gtm).toContain('use "google-tag-manager"');
  });

  it('says to declare an undeclared category under categories, and shows how', async () => {
    const [problem, hint] = await problemsOf({
      presets: [{ name: 'meta-pixel', id: '1234567890123456', category: 'marketing' }],
    });
    expect(problem).toMatch(
      /presets\[0\]\.category: expected one of "essential", "analytics", "advertising", got "marketing": declare it under "categories"$/,
    );
    expect(hint).toBe(
      '    hint: declare it at the top level of the file: "categories": { "marketing": { "label": "Marketing", ' +
        '"description": "What it is for, as the banner shows it" } } (keep any categories already declared there).',
    );
    const [, named] = await problemsOf({
      presets: [{ name: 'meta-pixel', id: '1234567890123456', category: 'Social Media' }],
    });
    expect(named).toContain('and use "social_media" here: "categories": { "social_media": { "label": "Social media"');
  });

  it('reports one typo once: a misspelt apikey is one problem with its fix', async () => {
    const lines = await problemsOf({ presets: [{ name: 'pendo', apikey: '0a1b2c3d-1111-4222-8333-444455556666' }] });
    expect(lines.filter((line) => line.startsWith('consent.json:'))).toEqual([
      'consent.json:5:7  presets[0].apikey: unknown key (did you mean "apiKey"?)',
    ]);
    const log = await problemsOf({ log: { endpont: '/consent-log' } });
    expect(log.filter((line) => line.startsWith('consent.json:'))).toEqual([
      'consent.json:3:5  log.endpont: unknown key (did you mean "endpoint"?)',
    ]);
  });

  it('names the line that holds a trailing comma, on one line', async () => {
    await writeFile(join(tmp.path, 'bad.json'), '{\n  "mode": "opt-in",\n  "presets": [],\n}\n');
    const { code, stderr } = await cli('check', 'bad.json');
    expect(code).toBe(1);
    expect(stderr).toBe(
      'bad.json:3:16: not valid JSON on line 3: a comma after the last item (JSON allows none there): remove it\n',
    );
  });

  it('names comments and single quotes, and keeps the parser words (without its quote of the file) otherwise', async () => {
    await writeFile(join(tmp.path, 'comment.json'), '{\n  // analytics\n  "mode": "opt-in"\n}\n');
    expect((await cli('check', 'comment.json')).stderr).toBe(
      'comment.json:2:3: not valid JSON on line 2: a comment (JSON has none): remove it\n',
    );
    await writeFile(join(tmp.path, 'quotes.json'), "{\n  'mode': 'opt-in'\n}\n");
    expect((await cli('check', 'quotes.json')).stderr).toMatch(
      /^quotes\.json:2:3: not valid JSON on line 2: single quotes/,
    );
    await writeFile(join(tmp.path, 'word.json'), '{\n  "mode": opt-in\n}\n');
    const { stderr } = await cli('check', 'word.json');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^word\.json:\d+:\d+: not valid JSON on line \d+: Unexpected token/);
    expect(stderr).not.toContain('is not valid JSON');
  });

  it('suggests the declared name for a category spelt another way', async () => {
    const lines = await problemsOf({
      categories: { marketing: { label: 'Marketing', description: 'Ads' } },
      presets: [{ name: 'meta-pixel', id: '1234567890123456', category: 'Marketing' }],
    });
    expect(lines.filter((line) => line.startsWith('consent.json:'))).toEqual([
      'consent.json:12:7  presets[0].category: expected one of "essential", "analytics", "advertising", "marketing", got "Marketing" (did you mean "marketing"?)',
    ]);
  });

  it('says "use apiKey" for an "id" under a preset that takes an apiKey, as one problem', async () => {
    const lines = await problemsOf({ presets: [{ name: 'pendo', id: '0a1b2c3d-1111-4222-8333-444455556666' }] });
    expect(lines).toEqual(['consent.json:5:7  presets[0].id: unknown key: use "apiKey"']);
  });

  it('reports an unreadable file and a truncated one', async () => {
    expect(await cli('check', 'missing.json')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'missing.json: cannot read the file (ENOENT)\n',
    });
    await writeFile(join(tmp.path, 'cut.json'), '{\n  "presets": [');
    const { code, stderr } = await cli('check', 'cut.json');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^cut\.json:2:15: not valid JSON/);
  });

  it('reports a file that is JSON but not an object', async () => {
    await writeFile(join(tmp.path, 'list.json'), '[]');
    const { code, stderr } = await cli('check', 'list.json');
    expect(code).toBe(1);
    expect(stderr).toContain('list.json:1:1  (root): expected an object, got an array');
  });
});

describe('consentry init', () => {
  it('writes a starter for the named presets whose placeholders the checker flags', async () => {
    const { code, stdout } = await cli('init', 'google-analytics', 'pendo');
    expect(code).toBe(0);
    const written = JSON.parse(await readFile(join(tmp.path, 'consent.json'), 'utf8'));
    expect(written.presets).toEqual([
      { name: 'google-analytics', id: '<your google-analytics id>' },
      { name: 'pendo', apiKey: '<your pendo apiKey>' },
    ]);
    expect(stdout).toContain('wrote consent.json with 2 presets');
    expect(stdout).toContain('  presets[0].id: expected a GA4 measurement id like "G-ABC123"');
    expect(stdout).toContain('  presets[1].apiKey: expected a Pendo API key');
    expect(written.ui.privacyPolicyUrl).toMatch(/^<your privacy policy URL/);
    expect(stdout).toContain('  ui.privacyPolicyUrl: expected an http(s), mailto: or relative URL');
    expect((await cli('check', 'consent.json')).code).toBe(1);
    written.presets[0].id = 'G-ABC123';
    written.presets[1].apiKey = '0a1b2c3d-1111-4222-8333-444455556666';
    written.ui.privacyPolicyUrl = '/privacy';
    await writeFile(join(tmp.path, 'consent.json'), JSON.stringify(written));
    expect((await cli('check', 'consent.json')).code).toBe(0);
  });

  it("points $schema at the installed schema from the file's own folder (--out public/consent.json)", async () => {
    await mkdir(join(tmp.path, 'node_modules/consentry/dist'), { recursive: true });
    await copyFile(
      join(ROOT, 'src/core/config/schema.json'),
      join(tmp.path, 'node_modules/consentry/dist/schema.json'),
    );
    for (const file of ['consent.json', 'public/consent.json', 'site/config/consent.json']) {
      await mkdir(join(tmp.path, file, '..'), { recursive: true });
      expect((await cli('init', 'pendo', '--out', file)).code).toBe(0);
      const { $schema } = JSON.parse(await readFile(join(tmp.path, file), 'utf8'));
      expect($schema).toMatch(/^\.\.?\//);
      expect(existsSync(join(tmp.path, file, '..', $schema)), `${file}: ${$schema}`).toBe(true);
    }
    expect(JSON.parse(await readFile(join(tmp.path, 'public/consent.json'), 'utf8')).$schema).toBe(
      '../node_modules/consentry/dist/schema.json',
    );
  });

  it('refuses to overwrite consent.json unless --force', async () => {
    await writeFile(join(tmp.path, 'consent.json'), '{"mode":"opt-out"}');
    expect(await cli('init', 'pendo')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'consent.json already exists; use --force to overwrite it\n',
    });
    expect(await readFile(join(tmp.path, 'consent.json'), 'utf8')).toBe('{"mode":"opt-out"}');
    expect((await cli('init', 'pendo', '--force')).code).toBe(0);
    expect(JSON.parse(await readFile(join(tmp.path, 'consent.json'), 'utf8')).presets).toHaveLength(1);
  });

  it('lists the preset names when none is named', async () => {
    const { code, stdout } = await cli('init');
    expect(code).toBe(0);
    expect(stdout).toContain('no presets named: to start with some, run npx consentry init <preset …> --force');
    expect(stdout).toContain(`available presets: ${Object.keys(presetRegistry).join(', ')}`);
  });

  it('rejects unknown preset names with a suggestion and writes nothing', async () => {
    const { code, stderr } = await cli('init', 'google-analytcs');
    expect(code).toBe(1);
    expect(stderr).toContain('unknown preset "google-analytcs" (did you mean "google-analytics"?)');
    expect(existsSync(join(tmp.path, 'consent.json'))).toBe(false);
  });
});

describe('consentry usage', () => {
  it('prints help with the preset names for --help, and usage with exit 2 otherwise', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('check <file>');
    expect(help.stdout).toContain(Object.keys(presetRegistry).join(', '));
    expect((await cli()).code).toBe(2);
    expect((await cli('lint', 'x.json')).code).toBe(2);
    expect((await cli('check')).code).toBe(2);
    expect((await cli('init', '--forse')).code).toBe(2);
  });
});

describe('locateJson', () => {
  it('finds values by config path, keys where they are written, through escapes and nesting', () => {
    const text = '{"a\\"]": 1, "list": [ {"x": "}]"}, [2] ], "b": {"c": null}}';
    const at = locateJson(text);
    expect(text.slice(at.get('a"]')!)).toMatch(/^"a\\"\]"/);
    expect(text.slice(at.get('list[0].x')!)).toMatch(/^"x"/);
    expect(text.slice(at.get('list[1][0]')!)).toMatch(/^2/);
    expect(text.slice(at.get('b.c')!)).toMatch(/^"c": null/);
    expect(positionAt('a\nbc', 3)).toEqual({ line: 2, column: 2 });
  });
});
