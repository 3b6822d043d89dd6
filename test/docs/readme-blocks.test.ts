// @vitest-environment node
// The marked code blocks of README.md and docs/, run as a reader would run them, so they cannot rot:
// the CLI output they show is what the CLI prints, and the npm snippets bundle against the package's
// exports. The script-tag and npm blocks also run in Chromium (test/e2e/readme-quick-start.test.ts
// and test/e2e/package-install.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import de from '../../ui/i18n/de';
import fr from '../../ui/i18n/fr';
import { readmeBlock, readmeBlocks } from '../../scripts/doc-blocks.mjs';
import { validateConfig } from '../../src/core/config/validate';
import { checkGpp } from '../../src/core/gpp/check';
import { presetRegistry } from '../../presets/index';
import { runBuiltCli } from '../support/cli';
import { ROOT } from '../support/root';
import { useTempDir } from '../support/temp-dir';

const tmp = useTempDir('consentry-readme-');

/** Runs the built CLI in the scratch folder. */
const consentry = (...args: string[]) => runBuiltCli(args, tmp.path);

/** A console block's output lines after the `$ <command>` line, up to the next prompt. */
function outputAfter(block: string, command: string): string[] {
  const lines = block.trimEnd().split('\n');
  const start = lines.indexOf(`$ ${command}`);
  expect(start, `the block runs "${command}"`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('$ '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** Bundles TypeScript as an app would, resolving `consentry/...` through the package's exports. */
async function bundle(code: string): Promise<string> {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    format: 'esm',
    write: false,
    charset: 'utf8',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('README and docs blocks', () => {
  it('are all there, each with a language', () => {
    const blocks = readmeBlocks();
    expect([...blocks.keys()].sort()).toEqual(
      [
        'check-input',
        'cdn-output',
        'check-output',
        'consent-json',
        'copy-output',
        'gpp-config',
        'gpp-npm',
        'gpp-script-tag',
        'npm-lazy',
        'npm-one-language',
        'npm-static',
        'script-tag',
        // docs/guide/react.md and docs/guide/vue.md, built and run in test/e2e/framework-bindings.test.ts.
        'bindings-config',
        'react-main',
        'react-app',
        'react-ssr-server',
        'react-ssr-client',
        'next-layout',
        'next-consentry',
        'vue-main',
        'vue-app',
        'nuxt-plugin',
      ].sort(),
    );
    for (const [name, { lang }] of blocks) expect(lang, name).toMatch(/^(html|ts|tsx|vue|json|console)$/);
  });

  it('check-output is what `consentry check` prints for check-input, with the exit code it shows', async () => {
    expect(existsSync(join(ROOT, 'dist/cli.mjs')), 'run `npm run build` first').toBe(true);
    await writeFile(join(tmp.path, 'consent.json'), readmeBlock('check-input'));
    const shown = readmeBlock('check-output');
    const { code, stdout, stderr } = await consentry('check', 'consent.json');
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual(outputAfter(shown, 'npx consentry check consent.json'));
    expect([String(code)]).toEqual(outputAfter(shown, 'echo $?'));
  });

  it('copy-output is what `consentry copy public/consentry/` prints', async () => {
    const { code, stdout } = await consentry('copy', 'public/consentry/');
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toEqual(
      outputAfter(readmeBlock('copy-output'), 'npx consentry copy public/consentry/'),
    );
    expect(existsSync(join(tmp.path, 'public/consentry/consentry.js'))).toBe(true);
  });

  it('cdn-output is what `consentry cdn` prints, but for the hash, which changes with every build', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const { code, stdout } = await consentry('cdn');
    expect(code).toBe(0);
    const shown = outputAfter(readmeBlock('cdn-output'), 'npx consentry cdn');
    expect(shown.join('\n')).toContain(`consentry@${version}/`);
    const printed = stdout.trimEnd().split('\n').slice(0, shown.length);
    expect(printed.map((line) => line.replace(/sha384-[\w+/=]+/, 'sha384-…'))).toEqual(shown);
  });

  it('consent-json, kept in public/, is valid', async () => {
    await writeFile(join(tmp.path, 'consent.json'), readmeBlock('consent-json'));
    expect(await consentry('check', 'consent.json')).toEqual({ code: 0, stdout: 'consent.json: valid\n', stderr: '' });
    expect(JSON.parse(readmeBlock('consent-json')).$schema).toBe('../node_modules/consentry/dist/schema.json');
  });

  it('npm-one-language bundles the German texts in, and no other language', async () => {
    const app = `import { createConsent } from 'consentry';\nconst consent = createConsent({});\n${readmeBlock('npm-one-language')}`;
    const code = await bundle(app);
    expect(code).toContain(JSON.stringify(de.prefsTitle));
    expect(code).not.toContain(JSON.stringify(fr.prefsTitle));
  });

  it('npm-lazy and npm-static bundle against the package exports', async () => {
    for (const name of ['npm-lazy', 'npm-static']) expect(await bundle(readmeBlock(name)), name).toContain('G-ABC123');
  });

  it('gpp-config passes the checker with its GPP check, and gpp-npm bundles the GPP API from consentry/gpp', async () => {
    expect(validateConfig(JSON.parse(readmeBlock('gpp-config')), presetRegistry, checkGpp)).toEqual([]);
    const code = await bundle(readmeBlock('gpp-npm'));
    expect(code).toContain('__gppLocator');
    expect(code).toContain('usca');
  });

  it('gpp-script-tag loads gpp.js before consentry.js, without defer', () => {
    const tags = [...readmeBlock('gpp-script-tag').matchAll(/<script([^>]*)>/g)].map((match) => match[1]!);
    expect(tags[0]).toMatch(/^ src="[^"]*\/gpp\.js"$/);
    expect(tags[1]).toContain('consentry.js');
  });
});
