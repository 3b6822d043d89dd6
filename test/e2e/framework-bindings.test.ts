// consentry/react and consentry/vue as front-end teams use them: the docs' React and Vue blocks
// (docs/guide/react.md, docs/guide/vue.md) built by Vite from the packed package, installed
// offline with React and Vue, and run in Chromium with every third-party request intercepted.
// A YouTube embed inside <Consent category="advertising"> is never requested before consent,
// appears after "Accept all" and leaves on withdrawal; a page server-rendered with react-dom/server
// for the visitor's cookie hydrates without a mismatch or a placeholder flash for a returning
// visitor who accepted, and renders the placeholder for one who rejected. The blocks, the Next.js
// and Nuxt ones included, are type-checked against the published types.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vuePlugin from '@vitejs/plugin-vue';
import type { Page } from 'playwright-core';
import { build as viteBuild, type InlineConfig, type PluginOption } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeBlock } from '../../scripts/doc-blocks.mjs';
import { SITE_DOMAIN, fence, useChromium } from './support/harness';
import { installPackedApp } from './support/packed-app';
import { poll } from './support/poll';
import { ROOT } from '../support/root';

const s = useChromium({ consoleErrors: true });

const EMBED = 'www.youtube.com/embed/aqz-KE-bpKQ';
const GTAG = 'googletagmanager.com/gtag/js?id=G-ABC123';

interface Built {
  body: string;
  type: string;
}
/** Each app's built files by the path they are served at. */
const built: Record<'react' | 'vue' | 'ssr', Map<string, Built>> = { react: new Map(), vue: new Map(), ssr: new Map() };
let app = '';
let renderPage: (headers: Record<string, string | string[] | undefined>, clientScript: string) => string;
let ssrServer: Server;
let ssrOrigin = '';
/** The HTML the server sent for each request to the server-rendered page, in order. */
const ssrPages: string[] = [];

/** Writes an app's files under `app/<name>/`. */
function writeApp(name: string, files: Record<string, string>): string {
  const root = join(app, name);
  for (const [file, code] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), code);
  }
  return root;
}

const page = (mount: string, script: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Videos</title><script type="module" src="${script}"></script></head><body><div id="${mount}"></div></body></html>`;

/** A Vite production build of the app in `root`, kept in memory as the files a server serves under `base`. */
async function viteFiles(root: string, base: string, extra: InlineConfig = {}, plugins: PluginOption[] = []) {
  const output = await viteBuild({
    root,
    base,
    configFile: false,
    logLevel: 'silent',
    plugins,
    // JSX as @vitejs/plugin-react compiles it: the automatic runtime.
    oxc: { jsx: { runtime: 'automatic' } },
    ...extra,
    build: { write: false, ...extra.build },
  });
  const files = new Map<string, Built>();
  const result = (Array.isArray(output) ? output[0] : output) as { output: Array<Record<string, any>> };
  for (const file of result.output) {
    const body = file.type == 'chunk' ? file.code : String(file.source);
    const type = file.fileName.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8';
    files.set(base + file.fileName, { body, type });
  }
  return files;
}

beforeAll(async () => {
  app = mkdtempSync(join(tmpdir(), 'consentry-bindings-'));
  installPackedApp(app, ['react', 'react-dom', 'vue', '@types/react', '@types/react-dom', '@types/node']);
  const config = readmeBlock('bindings-config');
  const reactApp = readmeBlock('react-app');

  const react = writeApp('react', {
    'index.html': page('root', '/src/main.tsx'),
    'src/consent.ts': config,
    'src/main.tsx': readmeBlock('react-main'),
    'src/App.tsx': reactApp,
  });
  built.react = await viteFiles(react, '/react/');

  const vue = writeApp('vue', {
    'index.html': page('app', '/src/main.ts'),
    'src/consent.ts': config,
    'src/main.ts': readmeBlock('vue-main'),
    'src/App.vue': readmeBlock('vue-app'),
  });
  built.vue = await viteFiles(vue, '/vue/', {}, [vuePlugin()]);

  const ssr = writeApp('ssr', {
    'src/consent.ts': config,
    'src/App.tsx': reactApp,
    'src/server.tsx': readmeBlock('react-ssr-server'),
    'src/client.tsx': readmeBlock('react-ssr-client'),
  });
  built.ssr = await viteFiles(ssr, '/ssr/', {
    build: { rollupOptions: { input: join(ssr, 'src/client.tsx'), output: { entryFileNames: 'assets/client.js' } } },
  });
  // The server's module, built by Vite for Node: React, react-dom/server and consentry from the app's node_modules.
  await viteBuild({
    root: ssr,
    configFile: false,
    logLevel: 'silent',
    oxc: { jsx: { runtime: 'automatic' } },
    build: {
      ssr: join(ssr, 'src/server.tsx'),
      outDir: join(ssr, 'dist-server'),
      rollupOptions: { output: { entryFileNames: 'server.mjs' } },
    },
  });
  ({ renderPage } = await import(pathToFileURL(join(ssr, 'dist-server/server.mjs')).href));

  ssrServer = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path == '/ssr/') {
      const html = renderPage(request.headers, '/ssr/assets/client.js');
      ssrPages.push(html);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const file = built.ssr.get(path);
    if (file) response.writeHead(200, { 'content-type': file.type }).end(file.body);
    else response.writeHead(404).end();
  });
  await new Promise<void>((done) => ssrServer.listen(0, '127.0.0.1', done));
  ssrOrigin = `http://www.${SITE_DOMAIN}:${(ssrServer.address() as { port: number }).port}`;
}, 300_000);

afterAll(async () => {
  if (ssrServer) await new Promise((done) => ssrServer.close(done));
  rmSync(app, { recursive: true, force: true });
});

/** Serves an app's built files from the test server. */
function serve(files: Map<string, Built>): void {
  for (const [path, file] of files) s.server.set(path, file);
}

const iframes = (p: Page) => p.locator(`iframe[src*="${EMBED}"]`);
const placeholder = (p: Page) => p.locator('[data-consentry-placeholder="advertising"]');

/** The same story for both frameworks: before consent, after "Accept all", after a withdrawal. */
async function embedStory(path: string): Promise<void> {
  await s.page.goto(s.server.origin + path);
  // Before consent: the banner and the placeholder, the embed neither in the page nor requested.
  await s.page.locator('[data-consentry-banner]').waitFor();
  await placeholder(s.page).waitFor();
  expect(await placeholder(s.page).textContent()).toContain('This content is blocked until you allow advertising');
  await fence(s.page);
  expect(await s.page.locator('iframe').count()).toBe(0);
  expect(s.thirdParty.hits('youtube.com')).toEqual([]);
  expect(s.thirdParty.hits('googletagmanager.com')).toEqual([]);

  await s.page.locator('[data-consentry-action="accept-all"]').click();
  await iframes(s.page).waitFor();
  await poll(() => s.thirdParty.hits(EMBED), 'the embed is requested').toHaveLength(1);
  // gate() runs in the app: the GA preset loads once analytics is granted.
  await poll(() => s.thirdParty.hits(GTAG), 'gtag.js is requested').toHaveLength(1);
  expect(await placeholder(s.page).count()).toBe(0);

  // Withdrawal from the preferences dialog, opened by the app's own button through showPreferences().
  await s.page.getByRole('button', { name: 'Cookie settings' }).click();
  await s.page.locator('dialog[data-consentry-preferences][open]').waitFor();
  await s.page.locator('input[data-consentry-category="advertising"]').uncheck();
  await s.page.locator('[data-consentry-action="save"]').click();
  await iframes(s.page).waitFor({ state: 'detached' });
  await placeholder(s.page).waitFor();
  await fence(s.page);
  expect(s.thirdParty.hits(EMBED)).toHaveLength(1);
  expect(await s.page.evaluate(() => document.cookie)).toMatch(/consentry=1\|[^;]*advertising=0/);
}

describe('a Vite + React app built from the packed package (docs/guide/react.md)', () => {
  it('keeps the YouTube embed out until "Accept all", then shows it, and removes it on withdrawal', async () => {
    serve(built.react);
    await embedStory('/react/index.html');
    expect(s.errors).toEqual([]);
  });

  it('loads the UI chunk only for a visitor who has to choose', async () => {
    serve(built.react);
    const requested: string[] = [];
    s.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await s.page.goto(s.server.origin + '/react/index.html');
    await s.page.locator('[data-consentry-action="reject-all"]').click();
    await s.page.locator('[data-consentry-banner]').waitFor({ state: 'detached' });
    const uiChunk = requested.find((path) =>
      [...built.react.entries()].some(([p, f]) => p == path && f.body.includes('data-consentry-banner')),
    );
    expect(uiChunk, 'the UI chunk was fetched for the first visit').toBeDefined();
    requested.length = 0;
    await s.page.goto(s.server.origin + '/react/index.html');
    await placeholder(s.page).waitFor();
    await fence(s.page);
    expect(requested).not.toContain(uiChunk);
    expect(s.thirdParty.hits('youtube.com')).toEqual([]);
    expect(s.thirdParty.hits('googletagmanager.com')).toEqual([]);
  });
});

describe('a Vite + Vue app built from the packed package (docs/guide/vue.md)', () => {
  it('keeps the YouTube embed out until "Accept all", then shows it, and removes it on withdrawal', async () => {
    serve(built.vue);
    await embedStory('/vue/index.html');
    expect(s.errors).toEqual([]);
  });
});

describe('a React page server-rendered with react-dom/server for the visitor’s cookie', () => {
  /**
   * From the first script on: every placeholder element that enters the page (from the parser or
   * from React), every iframe that leaves it, and every error reported (React reports a hydration
   * mismatch as an error, and then renders the page again in the browser).
   */
  async function watchPage(): Promise<void> {
    await s.context.addInitScript(() => {
      const seen = ((window as any).__seen = {
        placeholders: new Set<Element>(),
        iframesRemoved: 0,
        errors: [] as string[],
      });
      const within = (node: Node, selector: string): Element[] =>
        node instanceof Element ? [...(node.matches(selector) ? [node] : []), ...node.querySelectorAll(selector)] : [];
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes)
            for (const box of within(node, '[data-consentry-placeholder]')) seen.placeholders.add(box);
          for (const node of record.removedNodes) seen.iframesRemoved += within(node, 'iframe').length;
        }
      }).observe(document, { childList: true, subtree: true });
      addEventListener('error', (event) => seen.errors.push(String(event.message)));
    });
  }
  /** What watchPage saw: how many placeholder elements ever, whether the one shown now is the first. */
  const seen = () =>
    s.page.evaluate(() => {
      const { placeholders, iframesRemoved, errors } = (window as any).__seen;
      const [first] = placeholders as Set<Element>;
      const shown = document.querySelector('[data-consentry-placeholder]');
      return { placeholders: placeholders.size, sameAsServer: !shown || shown === first, iframesRemoved, errors };
    });
  /** Hydrated: React has attached to the server's <main>. */
  const hydrated = () =>
    poll(() =>
      s.page.evaluate(() =>
        Object.keys(document.querySelector('main') ?? {}).some((key) => key.startsWith('__reactFiber')),
      ),
    ).toBe(true);

  it('a first visit: the placeholder from the server, the banner, and after "Accept all" the embed', async () => {
    await s.page.goto(ssrOrigin + '/ssr/');
    expect(ssrPages.at(-1)).toContain('data-consentry-placeholder="advertising"');
    expect(ssrPages.at(-1)).not.toContain('<iframe');
    await s.page.locator('[data-consentry-banner]').waitFor();
    await fence(s.page);
    expect(s.thirdParty.hits('youtube.com')).toEqual([]);
    await s.page.locator('[data-consentry-action="accept-all"]').click();
    await poll(() => s.thirdParty.hits(EMBED)).toHaveLength(1);
    expect(s.errors).toEqual([]);
  });

  it('a returning visitor who accepted: the embed in the server HTML, hydration keeps it (no mismatch, no flash)', async () => {
    await s.page.goto(ssrOrigin + '/ssr/');
    await s.page.locator('[data-consentry-action="accept-all"]').click();
    await iframes(s.page).waitFor();

    await watchPage();
    s.thirdParty.requests.length = 0;
    await s.page.goto(ssrOrigin + '/ssr/');
    expect(ssrPages.at(-1)).toContain(`<iframe src="https://${EMBED}"`);
    expect(ssrPages.at(-1)).not.toContain('data-consentry-placeholder');
    expect(ssrPages.at(-1)).toContain('"decided":true');
    await hydrated();
    // The runtime started after hydration: analytics is granted, so GA loads.
    await poll(() => s.thirdParty.hits(GTAG)).toHaveLength(1);
    await fence(s.page);
    expect(await seen()).toEqual({ placeholders: 0, sameAsServer: true, iframesRemoved: 0, errors: [] });
    expect(await iframes(s.page).count()).toBe(1);
    expect(s.thirdParty.hits(EMBED)).toHaveLength(1);
    // No banner for a visitor who has decided; the page's own button still opens the preferences.
    expect(await s.page.locator('consentry-ui').count()).toBe(0);
    await s.page.getByRole('button', { name: 'Cookie settings' }).click();
    await s.page.locator('dialog[data-consentry-preferences][open]').waitFor();
    expect(s.errors).toEqual([]);
  });

  it('a returning visitor who rejected: the placeholder from the server, and the embed never requested', async () => {
    await s.page.goto(ssrOrigin + '/ssr/');
    await s.page.locator('[data-consentry-action="reject-all"]').click();
    await s.page.locator('[data-consentry-banner]').waitFor({ state: 'detached' });

    await watchPage();
    await s.page.goto(ssrOrigin + '/ssr/');
    expect(ssrPages.at(-1)).not.toContain('<iframe');
    expect(ssrPages.at(-1)).toContain('data-consentry-placeholder="advertising"');
    await hydrated();
    await fence(s.page);
    // The server's placeholder is the one shown: hydration adopted it instead of replacing it.
    expect(await seen()).toEqual({ placeholders: 1, sameAsServer: true, iframesRemoved: 0, errors: [] });
    expect(await s.page.locator('iframe').count()).toBe(0);
    expect(s.thirdParty.hits('youtube.com')).toEqual([]);
    expect(s.thirdParty.hits('googletagmanager.com')).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('reads Sec-GPC: 1 from the request, and renders no embed for it', () => {
    const html = renderPage({ 'sec-gpc': '1' }, '/ssr/assets/client.js');
    expect(html).toContain('"gpc":true');
    expect(html).not.toContain('<iframe');
  });
});

describe('the blocks type-check against the published types (strict)', () => {
  /** tsc over `files` in a folder of the app; '' when it passes, else its errors. */
  function tsc(files: Record<string, string>): string {
    const dir = mkdtempSync(join(app, 'types-'));
    for (const [name, code] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), code);
    }
    const compilerOptions = {
      strict: true,
      noEmit: true,
      target: 'es2022',
      module: 'esnext',
      moduleResolution: 'bundler',
      jsx: 'react-jsx',
      lib: ['es2022', 'dom', 'dom.iterable'],
      types: ['node'],
      paths: { '~/*': ['./src/*'] },
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['**/*.ts', '**/*.tsx'] }));
    try {
      execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], {
        cwd: dir,
        encoding: 'utf8',
      });
      return '';
    } catch (error) {
      return String((error as { stdout?: string }).stdout) || 'tsc failed';
    }
  }
  /** What the Next.js and Nuxt blocks take from their frameworks, declared as those document it. */
  const STUBS = `declare module 'next/headers' {
  export function headers(): Promise<{ get(name: string): string | null }>;
}
declare module '*.vue' {
  const component: import('vue').Component;
  export default component;
}
declare function defineNuxtPlugin(setup: (nuxtApp: { vueApp: import('vue').App }) => void): unknown;
declare function useState<T>(key: string, init: () => T): import('vue').Ref<T>;
declare function useRequestHeaders<K extends string>(names: K[]): Partial<Record<K, string>>;
interface ImportMeta { readonly client: boolean }
`;
  const blocks = () => ({
    'src/consent.ts': readmeBlock('bindings-config'),
    // The Next.js app keeps it beside app/.
    'consent.ts': readmeBlock('bindings-config'),
    'src/main.tsx': readmeBlock('react-main'),
    'src/App.tsx': readmeBlock('react-app'),
    'src/server.tsx': readmeBlock('react-ssr-server'),
    'src/client.tsx': readmeBlock('react-ssr-client'),
    'src/vue-main.ts': readmeBlock('vue-main'),
    'app/layout.tsx': readmeBlock('next-layout'),
    'app/consentry.tsx': readmeBlock('next-consentry'),
    'plugins/consentry.ts': readmeBlock('nuxt-plugin'),
    'stubs.d.ts': STUBS,
  });

  const WRONG = `import { Consent, useConsent, useGranted } from 'consentry/react';
import { useGranted as useGrantedRef } from 'consentry/vue';
export function Wrong() {
  const { update, acceptAll } = useConsent();
  useGranted('analytcs');
  useGrantedRef('advertsing');
  update({ functionl: true });
  update({ analytics: 'yes' });
  acceptAll('footer');
  return <Consent category="advertsing">x</Consent>;
}
`;
  // The declared and built-in names pass.
  const RIGHT = WRONG.replace('Wrong()', 'Right()')
    .replace("'analytcs'", "'analytics'")
    .replace("'advertsing'", "'functional'")
    .replace('functionl: true', 'functional: true')
    .replace("'yes'", 'false')
    .replace("'footer'", "'banner'")
    .replace('"advertsing"', '"advertising"');
  /** One tsc run over the blocks, the wrong calls and the right ones (tsc is the slow part). */
  let errors: string | undefined;
  const compiled = () => (errors ??= tsc({ ...blocks(), 'src/wrong.tsx': WRONG, 'src/right.tsx': RIGHT }));
  const errorLines = () =>
    compiled()
      .split('\n')
      .filter((line) => /\(\d+,\d+\): error/.test(line));

  it('the React, Next.js, Vue and Nuxt blocks compile', () => {
    // Every line tsc printed (continuation lines of a message are indented) is about the wrong calls.
    const elsewhere = compiled()
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith(' ') && !line.includes('src/wrong.tsx('));
    expect(elsewhere).toEqual([]);
  }, 180_000);

  it('with the config registered, a wrong category name or action argument is a compile error', () => {
    const lines = (n: number) => errorLines().filter((line) => line.includes(`src/wrong.tsx(${n},`));
    for (const line of [5, 6, 7, 8, 9, 10]) expect(lines(line), `line ${line}:\n${compiled()}`).not.toEqual([]);
    expect(errorLines().filter((line) => line.includes('src/right.tsx('))).toEqual([]);
  }, 180_000);
});
