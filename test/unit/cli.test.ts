// @vitest-environment node
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { presetRegistry } from '../../presets/registry';
import schema from '../../presets/schema.json';
import { locateJson, positionAt } from '../../src/cli/locate-json';
import { runCli } from '../../src/cli/run';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

/** Runs the CLI in a scratch directory and captures its output. */
async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    registry: presetRegistry,
    schema,
    cwd: dir,
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
  });
  return { code, stdout, stderr };
}

const BROKEN = `{
  "mode": "opt-inn",
  "presets": [
    { "name": "google-analytics", "id": "UA-12345-1" },
    { "name": "pendoo", "apiKey": "0a1b2c3d-1111-4222-8333-444455556666" },
    { "name": "meta-pixel", "id": "1234567890123456", "pixel": true }
  ],
  "cookie": { "days": 500, "dayz": 3 },
  "log": {}
}
`;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consentry-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('consentry check', () => {
  it('exits 0 for a valid file', async () => {
    await writeFile(
      join(dir, 'ok.json'),
      JSON.stringify({ presets: [{ name: 'pendo', apiKey: '0a1b2c3d-1111-4222-8333-444455556666' }] }),
    );
    expect(await cli('check', 'ok.json')).toEqual({ code: 0, stdout: 'ok.json: valid\n', stderr: '' });
  });

  it('prints every problem with its path, line:column and a suggestion, and exits 1', async () => {
    await writeFile(join(dir, 'consent.json'), BROKEN);
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
    expect(hintAfter('presets[0].id')).toBe(
      '    hint: GA4 measurement id: "G-" and 4–12 upper-case letters or digits. Example: "G-ABC123"',
    );
    expect(hintAfter('presets[1].name')).toMatch(/^ {4}hint: .*One of: google-analytics, .*tiktok-pixel, .*posthog\.$/);
    expect(hintAfter('presets[2].pixel')).toBe('    hint: allowed here: name, category, src, id, limitedDataUse');
    expect(hintAfter('log.endpoint')).toBe(
      '    hint: URL that receives each decision as JSON. Example: "/consent-log"',
    );
  });

  it('names the line and column of a JSON syntax error', async () => {
    await writeFile(join(dir, 'bad.json'), '{\n  "mode": "opt-in",\n}\n');
    const { code, stderr } = await cli('check', 'bad.json');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^bad\.json:3:1: not valid JSON: \S/);
  });

  it('reports an unreadable file and a truncated one', async () => {
    expect(await cli('check', 'missing.json')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'missing.json: cannot read the file (ENOENT)\n',
    });
    await writeFile(join(dir, 'cut.json'), '{\n  "presets": [');
    const { code, stderr } = await cli('check', 'cut.json');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^cut\.json:2:15: not valid JSON/);
  });

  it('reports a file that is JSON but not an object', async () => {
    await writeFile(join(dir, 'list.json'), '[]');
    const { code, stderr } = await cli('check', 'list.json');
    expect(code).toBe(1);
    expect(stderr).toContain('list.json:1:1  (root): expected an object, got an array');
  });
});

describe('consentry init', () => {
  it('writes a starter for the named presets whose placeholders the checker flags', async () => {
    const { code, stdout } = await cli('init', 'google-analytics', 'pendo');
    expect(code).toBe(0);
    const written = JSON.parse(await readFile(join(dir, 'consent.json'), 'utf8'));
    expect(written.presets).toEqual([
      { name: 'google-analytics', id: '<your google-analytics id>' },
      { name: 'pendo', apiKey: '<your pendo apiKey>' },
    ]);
    expect(stdout).toContain('wrote consent.json with 2 presets');
    expect(stdout).toContain('  presets[0].id: expected a GA4 measurement id like "G-ABC123"');
    expect(stdout).toContain('  presets[1].apiKey: expected a Pendo API key');
    expect((await cli('check', 'consent.json')).code).toBe(1);
    written.presets[0].id = 'G-ABC123';
    written.presets[1].apiKey = '0a1b2c3d-1111-4222-8333-444455556666';
    await writeFile(join(dir, 'consent.json'), JSON.stringify(written));
    expect((await cli('check', 'consent.json')).code).toBe(0);
  });

  it('refuses to overwrite consent.json unless --force', async () => {
    await writeFile(join(dir, 'consent.json'), '{"mode":"opt-out"}');
    expect(await cli('init', 'pendo')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'consent.json already exists; use --force to overwrite it\n',
    });
    expect(await readFile(join(dir, 'consent.json'), 'utf8')).toBe('{"mode":"opt-out"}');
    expect((await cli('init', 'pendo', '--force')).code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'consent.json'), 'utf8')).presets).toHaveLength(1);
  });

  it('rejects unknown preset names with a suggestion and writes nothing', async () => {
    const { code, stderr } = await cli('init', 'google-analytcs');
    expect(code).toBe(1);
    expect(stderr).toContain('unknown preset "google-analytcs" (did you mean "google-analytics"?)');
    expect(existsSync(join(dir, 'consent.json'))).toBe(false);
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

describe('the built dist/cli.mjs', () => {
  const run = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
      execFile(process.execPath, [join(ROOT, 'dist/cli.mjs'), ...args], { cwd: dir }, (error, stdout, stderr) =>
        done({ code: error ? Number(error.code) : 0, stdout, stderr }),
      ),
    );

  it('checks the marketing-ops example (exit 0) and a broken file (exit 1, with schema hints)', async () => {
    expect(existsSync(join(ROOT, 'dist/cli.mjs')), 'run `npm run build` first').toBe(true);
    const ok = await run(['check', join(ROOT, 'examples/marketing-ops/consent.json')]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    await writeFile(join(dir, 'consent.json'), BROKEN);
    const bad = await run(['check', 'consent.json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('consent.json:4:35  presets[0].id: expected a GA4 measurement id');
    expect(bad.stderr).toContain('    hint: GA4 measurement id');
  });
});
