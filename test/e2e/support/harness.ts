// Real-Chromium test harness: a static server on 127.0.0.1, Debian's Chromium driven by
// playwright-core, site host names mapped to 127.0.0.1 (so cookie domains are real), and
// every third-party request intercepted, answered with a stub and counted.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { ROOT } from '../../support/root';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Site hosts that resolve to the local server: `www.shop.test`, `shop.test`, `blog.shop.test`. */
export const SITE_DOMAIN = 'shop.test';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.gif': 'image/gif',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
/**
 * A site's own script-tag file (`consentry build`) to serve as `/dist/consentry.js` instead of
 * the generic one: the `e2e-built` test project runs the suites whose path depends on the file
 * served against it. Read when asked, not at import: workers keep modules from file to file.
 */
export const builtFile = (): string | undefined => process.env.CONSENTRY_BUILT_FILE;

/** Folders of the repository the server may serve. */
const SERVED = ['dist/', 'test/e2e/', 'examples/', 'node_modules/axe-core/', 'node_modules/js-cookie/'];

export interface Served {
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  port: number;
  /** `http://www.shop.test:PORT` */
  origin: string;
  /** Serve `body` at `path` (overrides files). */
  set(path: string, served: Served | string): void;
  /** Paths requested so far (with query). */
  requests: string[];
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const pages = new Map<string, Served>();
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    const page = pages.get(url.pathname);
    if (page) {
      res.writeHead(200, {
        'content-type': page.type ?? TYPES[extname(url.pathname)] ?? TYPES['.html']!,
        ...page.headers,
      });
      res.end(page.body);
      return;
    }
    const siteFile = builtFile();
    const path =
      siteFile && url.pathname === '/dist/consentry.js'
        ? siteFile
        : normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '');
    if (!SERVED.some((dir) => path.startsWith(dir))) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(ROOT, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    origin: `http://www.${SITE_DOMAIN}:${port}`,
    requests,
    set: (path, served) => pages.set(path, typeof served === 'string' ? { body: served } : served),
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=MAP *.${SITE_DOMAIN} 127.0.0.1, MAP ${SITE_DOMAIN} 127.0.0.1`,
      ...extraArgs,
    ],
  });
}

export interface ThirdPartyLog {
  /** Every intercepted third-party request, in order. */
  requests: Request[];
  /** URLs of intercepted requests whose URL contains `part`. */
  hits(part: string): string[];
  /** Answer URLs containing `part` with this script body instead of the default stub. */
  stub(part: string, body: string, type?: string): void;
}

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * Intercepts every request that does not go to the site's own hosts. Scripts are answered
 * with a stub that records its execution in `window.__ran` (the URL), images with a GIF,
 * documents with an empty page.
 */
export async function interceptThirdParty(target: Page | BrowserContext): Promise<ThirdPartyLog> {
  const requests: Request[] = [];
  const stubs: Array<{ part: string; body: string; type: string }> = [];
  await target.route(
    (url) => !url.hostname.endsWith(SITE_DOMAIN) && url.hostname !== '127.0.0.1',
    async (route) => {
      const request = route.request();
      requests.push(request);
      const url = request.url();
      const custom = stubs.find((s) => url.includes(s.part));
      if (custom) return route.fulfill({ status: 200, contentType: custom.type, body: custom.body });
      const kind = request.resourceType();
      if (kind === 'image') return route.fulfill({ status: 200, contentType: 'image/gif', body: GIF });
      if (kind === 'document')
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>embed</p>' });
      if (kind === 'script')
        return route.fulfill({
          status: 200,
          contentType: 'text/javascript',
          body: `(window.__ran = window.__ran || []).push(${JSON.stringify(url)});`,
        });
      return route.fulfill({ status: 204, body: '' });
    },
  );
  return {
    requests,
    hits: (part) => requests.map((r) => r.url()).filter((u) => u.includes(part)),
    stub: (part, body, type = 'text/javascript') => void stubs.unshift({ part, body, type }),
  };
}

/**
 * What each iframe of the page shows, read in the page (the browser's frame list can lag behind
 * and keep frames that are going away): the URL of a same-origin document such as about:blank,
 * else 'cross-origin', meaning an embed's document is in it.
 */
export async function documentsInIframes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('iframe')].map((f) => f.contentDocument?.URL ?? 'cross-origin'),
  );
}

/** URLs of stubbed third-party scripts that executed in the page, in order. */
export async function ranScripts(page: Page): Promise<string[]> {
  return page.evaluate(() => ((window as any).__ran as string[] | undefined) ?? []);
}

/**
 * From now on every page of `context` records its Content-Security-Policy violations
 * (`securitypolicyviolation` events) from its first script on; `cspViolations` reads them.
 */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = ((window as any).__violations = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** The CSP violations the page recorded (`recordCspViolations`), as `directive blocked-URI`, in order. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).__violations as string[]);
}

/** An HTML page that loads the script-tag build with a JSON config. */
export function scriptTagPage(config: unknown, opts: { head?: string; body?: string; attrs?: string } = {}): string {
  const json = JSON.stringify(config).replace(/'/g, '&#39;');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test</title>
<script src="/dist/consentry.js" data-config='${json}' ${opts.attrs ?? ''}></script>
${opts.head ?? ''}</head><body>${opts.body ?? ''}</body></html>`;
}

export interface ChromiumSession {
  browser: Browser;
  server: TestServer;
  context: BrowserContext;
  page: Page;
  thirdParty: ThirdPartyLog;
  /** Uncaught errors of the current test's page (and, with `consoleErrors`, its console errors). */
  errors: string[];
}

/**
 * The hooks every end-to-end file needs: one Chromium and one test server per file; per test a
 * clean context with every third-party request intercepted, a page, and `errors`. Returns the
 * live session: the hooks replace its fields, so read them while a test runs (`s.page`), never
 * copy them at the top of a file. Hooks a file registers after this call run after these (pages
 * to serve, stubs, init scripts).
 * ```ts
 * const s = useChromium();
 * it('…', async () => {
 *   await s.page.goto(s.server.origin + '/shop.html');
 * });
 * ```
 * A new page costs Chromium a renderer process (some 400 ms of CPU on a small machine), so a test
 * gets the previous test's context and page wiped instead (`CleanSlate`), unless that test changed
 * something a wipe cannot undo (extra headers, permissions, offline): then it gets a new context.
 */
export function useChromium(options: { consoleErrors?: boolean } = {}): ChromiumSession {
  const s = {} as ChromiumSession;
  let slate: CleanSlate | undefined;
  beforeAll(async () => {
    [s.browser, s.server] = await Promise.all([launchChromium(), startServer()]);
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.server?.close();
  });
  beforeEach(async () => {
    if (!slate) {
      s.context = await s.browser.newContext();
      s.page = await s.context.newPage();
      slate = await CleanSlate.watch(s.context, s.page);
    }
    s.thirdParty = await interceptThirdParty(s.context);
    s.errors = [];
    s.page.on('pageerror', (error) => s.errors.push(error.message));
    if (options.consoleErrors) s.page.on('console', (msg) => msg.type() == 'error' && s.errors.push(msg.text()));
  });
  afterEach(async () => {
    if (slate && (await slate.wipe())) return;
    slate = undefined;
    await s.context?.close();
  });
  return s;
}

/** Page events the tests listen to; a wipe removes their listeners. */
const PAGE_EVENTS = ['pageerror', 'console', 'request', 'response', 'framenavigated', 'websocket'] as const;
/** Calls after which a context cannot be wiped clean for the next test. */
const CONTEXT_CHANGES = [
  'setExtraHTTPHeaders',
  'grantPermissions',
  'setOffline',
  'setGeolocation',
  'setHTTPCredentials',
];
const PAGE_CHANGES = ['setExtraHTTPHeaders'];
/** What a context without options emulates, which a wipe restores after `page.emulateMedia`. */
const DEFAULT_MEDIA = {
  media: null,
  colorScheme: 'light',
  reducedMotion: 'no-preference',
  forcedColors: 'none',
  contrast: 'no-preference',
} as const;
/** Calls whose effect ends when the `Disposable` they return is disposed. */
const DISPOSABLE = ['addInitScript', 'exposeBinding', 'exposeFunction'];

/**
 * One context and its page, handed from test to test: it notes what a test added (init scripts,
 * bindings, the origins it visited) and whether it changed something a wipe cannot undo, and
 * `wipe()` returns the page to about:blank with no cookies, storage, cache, routes, listeners,
 * init scripts, emulated media or other tabs, at the context's viewport size, as a new context
 * would have.
 */
class CleanSlate {
  private readonly origins = new Set<string>();
  private readonly disposables: Array<{ dispose(): Promise<void> }> = [];
  private changed = false;
  private mediaEmulated = false;
  private readonly viewport: { width: number; height: number } | null;

  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {
    this.viewport = page.viewportSize();
  }

  static async watch(context: BrowserContext, page: Page): Promise<CleanSlate> {
    const slate = new CleanSlate(context, page, await context.newCDPSession(page));
    slate.trackOrigins();
    for (const target of [context, page] as Array<Record<string, any>>) {
      const changes = target === context ? CONTEXT_CHANGES : PAGE_CHANGES;
      for (const name of changes)
        slate.wrap(target, name, (result) => {
          slate.changed = true;
          return result;
        });
      for (const name of DISPOSABLE)
        slate.wrap(target, name, async (result: Promise<{ dispose(): Promise<void> }>) => {
          const disposable = await result;
          slate.disposables.push(disposable);
          return disposable;
        });
    }
    slate.wrap(page, 'emulateMedia', (result) => {
      slate.mediaEmulated = true;
      return result;
    });
    return slate;
  }

  /** Wipes the context for the next test; false when it cannot be (a new one is needed). */
  async wipe(): Promise<boolean> {
    if (this.changed || this.page.isClosed()) return false;
    try {
      for (const other of this.context.pages()) if (other !== this.page) await other.close();
      await this.page.goto('about:blank');
      await this.context.unrouteAll({ behavior: 'ignoreErrors' });
      await this.page.unrouteAll({ behavior: 'ignoreErrors' });
      for (const event of PAGE_EVENTS) this.page.removeAllListeners(event);
      this.context.removeAllListeners('request');
      this.trackOrigins();
      for (const disposable of this.disposables.splice(0)) await disposable.dispose();
      await this.page.mouse.move(0, 0);
      if (this.mediaEmulated) await this.page.emulateMedia(DEFAULT_MEDIA);
      this.mediaEmulated = false;
      const size = this.page.viewportSize();
      if (this.viewport && (size?.width != this.viewport.width || size?.height != this.viewport.height))
        await this.page.setViewportSize(this.viewport);
      await this.context.clearCookies();
      await this.cdp.send('Network.clearBrowserCache');
      // 'all' takes local and session storage, IndexedDB, Cache Storage and service workers.
      for (const origin of this.origins)
        await this.cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
      this.origins.clear();
      return true;
    } catch {
      return false;
    }
  }

  private trackOrigins(): void {
    this.context.on('request', (request) => {
      const origin = new URL(request.url()).origin;
      if (origin.startsWith('http')) this.origins.add(origin);
    });
  }

  /** Replaces `target[name]` with a call of the original whose result goes through `after`. */
  private wrap(target: Record<string, any>, name: string, after: (result: any) => any): void {
    const original = target[name].bind(target);
    target[name] = (...args: unknown[]) => after(original(...args));
  }
}

let fences = 0;

/**
 * Waits until the page has answered a request it made after everything it did so far: an image
 * from a host no rule names, made now. Requests the page started before it are in the log by
 * then, so "no request to X" can be checked without waiting for the network to go idle.
 */
export async function fence(page: Page): Promise<void> {
  const url = `https://fence.example/${++fences}.gif`;
  await Promise.all([
    page.waitForResponse(url),
    page.evaluate((src) => {
      new Image().src = src;
    }, url),
  ]);
}

/**
 * Bundles `code` (ES module source that imports npm packages by name) into one classic script,
 * as a front-end team's build would: the packages are used unmodified from node_modules.
 */
export async function bundle(code: string): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0]!.text;
}
