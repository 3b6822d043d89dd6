// publint and Are the Types Wrong report no problems on the real tarball, unpacked in a
// temporary folder the way npm installs it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packInto } from '../support/pack';
import { ROOT } from '../support/root';

let dir = '';
let tarball = '';

interface AttwProblem {
  kind: string;
  resolutionKind?: string;
  entrypoint?: string;
  fileName?: string;
  moduleSpecifier?: string;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'consentry-pack-'));
  tarball = packInto(dir);
  execFileSync('tar', ['-xzf', tarball, '-C', dir]);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs attw on the tarball; returns its JSON report and exit code. */
function attw(): { problems: AttwProblem[]; entrypoints: string[]; code: number } {
  let output = '';
  let code = 0;
  try {
    output = execFileSync(
      join(ROOT, 'node_modules/.bin/attw'),
      [tarball, '--profile', 'esm-only', '--format', 'json'],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
  } catch (error) {
    output = (error as { stdout?: string }).stdout ?? '';
    code = (error as { status?: number }).status ?? 1;
  }
  const { analysis } = JSON.parse(output) as {
    analysis: { problems: AttwProblem[]; entrypoints: Record<string, unknown> };
  };
  return { problems: analysis.problems, entrypoints: Object.keys(analysis.entrypoints), code };
}

describe('packed package', () => {
  it('publint reports nothing, not even suggestions', async () => {
    const { messages, pkg } = await publint({
      pkgDir: join(dir, 'package'),
      pack: false,
      level: 'suggestion',
      strict: true,
    });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`)).toEqual([]);
  });

  it('Are the Types Wrong finds no problem in any entry point', () => {
    // `esm-only` profile: the package is ESM-only ("type": "module", no `require` condition,
    // Node >= 20), so CommonJS and node10 resolution are out of scope, as in attw's exit code.
    const ignored = ['node10', 'node16-cjs'];
    const { problems, entrypoints, code } = attw();
    const relevant = problems.filter((p) => !p.resolutionKind || !ignored.includes(p.resolutionKind));
    expect(
      relevant.map((p) =>
        [p.kind, p.resolutionKind, p.entrypoint ?? p.fileName, p.moduleSpecifier].filter(Boolean).join(' '),
      ),
    ).toEqual([]);
    expect(code).toBe(0);
    expect(entrypoints).toEqual(expect.arrayContaining(['.', './presets', './ui']));
  }, 60_000);

  it('pulls in no browser automation: playwright-core, autoconsent and esbuild are optional peers, loaded on use', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package/package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual(['preact']);
    expect(manifest.optionalDependencies).toBeUndefined();
    for (const name of ['playwright-core', '@duckduckgo/autoconsent', 'esbuild']) {
      expect(manifest.peerDependencies, name).toHaveProperty([name]);
      expect(manifest.peerDependenciesMeta?.[name], name).toEqual({ optional: true });
    }
    // The CLI's other commands never load the audit (and with it playwright-core and the cookie database).
    const cli = readFileSync(join(dir, 'package/dist/cli.mjs'), 'utf8');
    expect(cli).not.toMatch(/^import [^;]*['"](?:\.\/node\/audit\.mjs|playwright-core)['"]/m);
    expect(cli).toContain("import('./node/audit.mjs')");
  });
});
