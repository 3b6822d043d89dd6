// The packed package, installed as a user installs it before it is on the registry: `npm pack`,
// then `npm ci` in a fresh, empty project (offline, from the npm cache, with the versions the
// repository's lock file pins: no registry is asked for anything).
// The app is the README's lazy-UI quick start, built by rollup and by Vite. Its entry chunk
// must not carry Preact, and a lang="de" page must show the German banner in Chromium. The
// installed CLI's `copy` makes a plain HTML site that works from the copied files alone.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import type { Request } from 'playwright-core';
import { rollup, type OutputChunk } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { build as viteBuild } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import de from '../../ui/i18n/de';
import { readmeBlock } from '../../scripts/doc-blocks.mjs';
import { useChromium } from './support/harness';
import { poll } from './support/poll';
import { checkPlainSite, serveFolder, writePlainSite } from './support/plain-site';
import { packInto } from '../support/pack';
import { ROOT } from '../support/root';

const s = useChromium();

let app = '';
let chunks: OutputChunk[] = [];
/** Vite's build of the same app: file name → { code, entry, modules }. */
let viteFiles: Array<{ fileName: string; code: string; isEntry: boolean; modules: string[] }> = [];

/** A project that depends on the tarball, with a lock file so `npm ci` needs no registry. */
function writeProject(tarball: string): void {
  const repoLock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).packages;
  const { dependencies, version, bin } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const fromRegistry = (name: string) => {
    const locked = repoLock[`node_modules/${name}`];
    return {
      version: locked.version,
      resolved: `https://registry.npmjs.org/${name}/-/${name}-${locked.version}.tgz`,
      integrity: locked.integrity,
    };
  };
  const integrity =
    'sha512-' +
    createHash('sha512')
      .update(readFileSync(join(app, tarball)))
      .digest('base64');
  const project = { name: 'app', private: true, type: 'module', dependencies: { consentry: `file:${tarball}` } };
  const lock = {
    name: 'app',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'app', dependencies: project.dependencies },
      'node_modules/consentry': { version, resolved: `file:${tarball}`, integrity, dependencies, bin },
      ...Object.fromEntries(Object.keys(dependencies).map((name) => [`node_modules/${name}`, fromRegistry(name)])),
    },
  };
  writeFileSync(join(app, 'package.json'), JSON.stringify(project, null, 2));
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify(lock, null, 2));
}

beforeAll(async () => {
  expect(existsSync(join(ROOT, 'dist/consentry.mjs')), 'run `npm run build` first').toBe(true);
  app = mkdtempSync(join(tmpdir(), 'consentry-app-'));
  writeProject(basename(packInto(app)));
  try {
    execFileSync('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: app,
      stdio: 'pipe',
    });
  } catch (error) {
    // Offline on purpose: the dependencies come from the npm cache that installing the repository filled.
    const output = String((error as { stderr?: Buffer }).stderr);
    throw new Error(`npm ci --offline failed in a fresh project (run npm install in the repository first):\n${output}`);
  }
  mkdirSync(join(app, 'src'));
  writeFileSync(join(app, 'src/main.ts'), readmeBlock('npm-lazy'));
  const bundle = await rollup({
    input: join(app, 'src/main.ts'),
    plugins: [nodeResolve({ browser: true, rootDir: app }), esbuild({ target: 'es2020', minify: true })],
  });
  const { output } = await bundle.write({ dir: join(app, 'dist'), format: 'es' });
  await bundle.close();
  chunks = output.filter((file): file is OutputChunk => file.type == 'chunk');

  // The same app as a Vite project: index.html with the README block as its module.
  writeFileSync(
    join(app, 'index.html'),
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>App</title>
<script type="module" src="/src/main.ts"></script></head>
<body><h1>Kaffee</h1><footer><a href="#" data-consentry-action="preferences">Cookie-Einstellungen</a></footer></body></html>`,
  );
  const built = await viteBuild({
    root: app,
    base: '/vite/',
    logLevel: 'silent',
    configFile: false,
    build: { write: false },
  });
  const viteOutput = (Array.isArray(built) ? built[0] : built) as { output: Array<Record<string, any>> };
  viteFiles = viteOutput.output.map((file) => ({
    fileName: file.fileName,
    code: String(file.type == 'chunk' ? file.code : file.source),
    isEntry: !!file.isEntry,
    modules: Object.keys(file.modules ?? {}),
  }));
}, 60_000);
afterAll(() => rmSync(app, { recursive: true, force: true }));

/** The chunk holding a module whose id contains `part`. */
const chunkWith = (part: string) => chunks.find((chunk) => Object.keys(chunk.modules).some((id) => id.includes(part)))!;
/** What a page loads before any dynamic import: the entry chunk and the chunks it imports statically. */
function startChunks(): OutputChunk[] {
  const loaded = chunks.filter((chunk) => chunk.isEntry);
  for (const chunk of loaded)
    for (const name of chunk.imports) loaded.push(chunks.find((other) => other.fileName == name)!);
  return loaded;
}

describe('the packed package in a rollup app (README lazy recipe)', () => {
  it('resolves consentry from the installed tarball', () => {
    const ids = chunks.flatMap((chunk) => Object.keys(chunk.modules));
    expect(ids.filter((id) => id.includes('/node_modules/consentry/'))).not.toEqual([]);
    expect(ids.filter((id) => id.startsWith(ROOT))).toEqual([]);
  });

  it('keeps Preact and the UI out of the entry chunk, in chunks of their own', () => {
    const start = startChunks().flatMap((chunk) => Object.keys(chunk.modules));
    expect(start.some((id) => id.includes('/node_modules/consentry/dist/consentry.mjs'))).toBe(true);
    expect(start.filter((id) => /\/node_modules\/preact\/|\/consentry\/dist\/(ui|i18n\/)/.test(id))).toEqual([]);
    // The UI chunk carries Preact: the split is real, not an empty UI.
    expect(Object.keys(chunkWith('/consentry/dist/ui.mjs').modules).some((id) => id.includes('/preact/'))).toBe(true);
    expect(chunkWith('/consentry/dist/i18n/de.mjs')).not.toBe(chunkWith('/consentry/dist/i18n/fr.mjs'));
  });

  it('keeps Preact out of the entry chunk in a Vite build too', () => {
    const entry = viteFiles.filter((file) => file.isEntry);
    expect(entry).toHaveLength(1);
    expect(entry[0]!.modules.some((id) => id.includes('/node_modules/consentry/dist/consentry.mjs'))).toBe(true);
    expect(
      entry[0]!.modules.filter((id) => /\/node_modules\/preact\/|\/consentry\/dist\/(ui|i18n\/)/.test(id)),
    ).toEqual([]);
    const ui = viteFiles.find((file) => file.modules.some((id) => id.includes('/consentry/dist/ui.mjs')))!;
    expect(ui.modules.some((id) => id.includes('/node_modules/preact/'))).toBe(true);
  });

  it('keeps the consent log out of what every page loads: its own chunk, imported only for a config with `log`', () => {
    const log = '/node_modules/consentry/dist/consentry-log.mjs';
    expect(
      startChunks()
        .flatMap((chunk) => Object.keys(chunk.modules))
        .filter((id) => id.includes(log)),
    ).toEqual([]);
    expect(chunkWith(log).isEntry).toBe(false);
    const viteEntry = viteFiles.find((file) => file.isEntry)!;
    expect(viteEntry.modules.filter((id) => id.includes(log))).toEqual([]);
    expect(viteFiles.some((file) => !file.isEntry && file.modules.some((id) => id.includes(log)))).toBe(true);
  });

  it("type-checks the README's npm blocks against the published types (strict)", () => {
    const tsc = (files: Record<string, string>) => {
      const dir = mkdtempSync(join(app, 'types-'));
      mkdirSync(join(dir, 'src'));
      for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, 'src', name), code);
      const compilerOptions = {
        strict: true,
        noEmit: true,
        target: 'es2020',
        module: 'esnext',
        moduleResolution: 'bundler',
        lib: ['es2020', 'dom', 'dom.iterable'],
        types: [],
      };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src'] }));
      try {
        execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
        return '';
      } catch (error) {
        return String((error as { stdout?: string }).stdout) || 'tsc failed';
      }
    };
    const consent = "import { createConsent } from 'consentry';\nconst consent = createConsent({});\n";
    expect(
      tsc({
        'lazy.ts': readmeBlock('npm-lazy'),
        'static.ts': 'export {};\n' + readmeBlock('npm-static'),
        'one-language.ts': consent + readmeBlock('npm-one-language'),
      }),
    ).toBe('');
    // The check is real: a wrong option type and a language file that does not exist fail it.
    const wrong =
      "import { pendo } from 'consentry/presets';\nimport ja from 'consentry/i18n/ja';\npendo({ apiKey: 42 });\n";
    const errors = tsc({ 'wrong.ts': wrong });
    expect(errors).toContain("error TS2307: Cannot find module 'consentry/i18n/ja'");
    expect(errors).toContain('error TS2322');
  });

  it('imports consentry/i18n/de in Node, and runs the installed CLI', () => {
    const title = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "console.log((await import('consentry/i18n/de')).default.title)"],
      { cwd: app, encoding: 'utf8' },
    );
    expect(title.trim()).toBe(de.title);
    const copied = execFileSync(join(app, 'node_modules/.bin/consentry'), ['copy', 'public/consentry/'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(copied).toContain('<script defer src="/consentry/consentry.js"');
    expect(readFileSync(join(app, 'public/consentry/i18n/de.js'))).toEqual(readFileSync(join(ROOT, 'dist/i18n/de.js')));
    // The README's consent.json, kept in public/: valid, and its $schema reaches the installed schema.
    writeFileSync(join(app, 'public/consent.json'), readmeBlock('consent-json'));
    const { $schema } = JSON.parse(readmeBlock('consent-json'));
    expect(existsSync(join(app, 'public', $schema))).toBe(true);
    const checked = execFileSync(join(app, 'node_modules/.bin/consentry'), ['check', 'public/consent.json'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(checked).toBe('public/consent.json: valid\n');
  });

  describe('in Chromium', () => {
    it('serves a plain HTML site from the files the installed CLI copied (no package.json in the web root)', async () => {
      const site = join(app, 'www');
      const copied = execFileSync(join(app, 'node_modules/.bin/consentry'), ['copy', 'www/consentry/'], {
        cwd: app,
        encoding: 'utf8',
      });
      expect(copied).toContain('<script defer src="/consentry/consentry.js"');
      writePlainSite(site);
      expect(existsSync(join(site, 'package.json'))).toBe(false);
      serveFolder(s, site);
      await checkPlainSite(s);
    });

    const requests: string[] = [];
    const served = (chunk: OutputChunk) => `/app/${chunk.fileName}`;

    beforeEach(() => {
      for (const chunk of chunks) s.server.set(served(chunk), { body: chunk.code, type: 'text/javascript' });
      s.server.set(
        '/app/index.html',
        `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>App</title>
<script type="module" src="/app/${chunks.find((chunk) => chunk.isEntry)!.fileName}"></script></head>
<body><h1>Kaffee</h1><footer><a href="#" data-consentry-action="preferences">Cookie-Einstellungen</a></footer></body></html>`,
      );
      requests.length = 0;
      s.page.on('request', (request: Request) => requests.push(new URL(request.url()).pathname));
    });

    const requestedChunk = (part: string) => requests.filter((path) => path == served(chunkWith(part)));

    it('shows a lang="de" page the German banner, fetching the UI and only the German texts', async () => {
      await s.page.goto(s.server.origin + '/app/index.html');
      const banner = s.page.locator('[data-consentry-banner]');
      await poll(() => banner.textContent()).toContain(de.title);
      expect(await s.page.locator('[data-consentry-action="accept-all"]').textContent()).toBe(de.acceptAll);
      expect(requestedChunk('/consentry/dist/ui.mjs')).toHaveLength(1);
      expect(requestedChunk('/consentry/dist/i18n/de.mjs')).toHaveLength(1);
      expect(requestedChunk('/consentry/dist/i18n/fr.mjs')).toEqual([]);
      expect(s.thirdParty.requests).toEqual([]);

      await s.page.locator('[data-consentry-action="accept-all"]').click();
      for (const vendor of [
        'googletagmanager.com/gtag/js?id=G-ABC123',
        'connect.facebook.net/en_US/fbevents.js',
        'cdn.pendo.io/agent/static/0a1b2c3d-1111-4222-8333-444455556666/pendo.js',
      ])
        await poll(() => s.thirdParty.hits(vendor), vendor).toHaveLength(1);
    });

    it('shows the German banner from the Vite build too', async () => {
      for (const file of viteFiles)
        s.server.set(`/vite/${file.fileName}`, {
          body: file.code,
          type: file.fileName.endsWith('.html') ? 'text/html' : 'text/javascript',
        });
      await s.page.goto(s.server.origin + '/vite/index.html');
      await poll(() => s.page.locator('[data-consentry-banner]').textContent()).toContain(de.title);
      expect(s.thirdParty.requests).toEqual([]);
    });

    it('loads no UI for a returning visitor until "Cookie settings" is clicked, then opens the preferences', async () => {
      await s.page.goto(s.server.origin + '/app/index.html');
      await s.page.locator('[data-consentry-action="reject-all"]').click();
      await s.page.locator('[data-consentry-banner]').waitFor({ state: 'detached' });

      requests.length = 0;
      await s.page.goto(s.server.origin + '/app/index.html');
      // The entry ran (and would have asked for the UI by now): the reopen link is wired.
      expect(requests).toContain(served(chunks.find((chunk) => chunk.isEntry)!));
      requests.push('click');
      await s.page.locator('footer a[data-consentry-action="preferences"]').click();
      const dialog = s.page.locator('dialog[data-consentry-preferences][open]');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(de.prefsTitle);
      expect(requests.indexOf(served(chunkWith('/consentry/dist/ui.mjs')))).toBeGreaterThan(requests.indexOf('click'));
      expect(await s.page.locator('input[data-consentry-category="analytics"]').isChecked()).toBe(false);
      expect(s.thirdParty.requests).toEqual([]);
    });
  });
});
