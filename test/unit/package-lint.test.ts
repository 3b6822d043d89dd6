// @vitest-environment node
// publint and Are the Types Wrong report no problems on the real tarball, unpacked in a
// temporary folder the way npm installs it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';
let tarball = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'consentry-pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
    cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
  });
  tarball = join(dir, (JSON.parse(out) as Array<{ filename: string }>)[0]!.filename);
  execFileSync('tar', ['-xzf', tarball, '-C', dir]);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('packed package', () => {
  it('publint reports nothing, not even suggestions', async () => {
    const { messages, pkg } = await publint({ pkgDir: join(dir, 'package'), pack: false, level: 'suggestion', strict: true });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`)).toEqual([]);
  });

  it('Are the Types Wrong finds no problem in any entry point', () => {
    // `esm-only`: the package is ESM-only ("type": "module", no `require` condition, Node >= 20),
    // so the profile skips CommonJS and node10 resolution, which it does not support on purpose.
    let output = '';
    try {
      output = execFileSync(join(ROOT, 'node_modules/.bin/attw'), [tarball, '--profile', 'esm-only', '--format', 'json'], {
        encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch (error) {
      output = (error as { stdout?: string }).stdout ?? String(error);
    }
    const report = JSON.parse(output) as { analysis: { problems: unknown[]; entrypoints: Record<string, unknown> } };
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints)).toEqual(expect.arrayContaining(['.', './presets', './ui']));
  });
});
