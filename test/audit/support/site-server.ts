// The fixture sites of the audit tests: a local HTTP server for `www.shop.test` (mapped to
// 127.0.0.1 in Chromium), serving the built files from dist/ and pages set per test, with any
// status and headers (redirects, JSON); every other host is intercepted in the browser
// (test/e2e/support/harness.ts) and answered with the vendor stand-ins below.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { interceptThirdParty, SITE_DOMAIN } from '../../e2e/support/harness';
import { ROOT } from '../../support/root';

export interface Response {
  body?: string;
  status?: number;
  headers?: Record<string, string>;
}

export interface SiteServer {
  origin: string;
  /** Answers `path` with `response` (a string: an HTML page). A function is called per request. */
  set(path: string, response: Response | string | (() => Response | string)): void;
  /** How often each path was requested. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json' };

export async function startSiteServer(): Promise<SiteServer> {
  const routes = new Map<string, Response | string | (() => Response | string)>();
  const hits = new Map<string, number>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const route = routes.get(url.pathname);
    if (route !== undefined) {
      const answer = typeof route == 'function' ? route() : route;
      const response = typeof answer == 'string' ? { body: answer } : answer;
      res.writeHead(response.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...response.headers });
      res.end(response.body ?? '');
      return;
    }
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '');
    if (!path.startsWith('dist/')) return void res.writeHead(404).end();
    try {
      const body = await readFile(join(ROOT, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  return {
    origin: `http://www.${SITE_DOMAIN}:${port}`,
    set: (path, response) => void routes.set(path, response),
    hits,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export const CHROMIUM_ARGS = [`--host-resolver-rules=MAP *.${SITE_DOMAIN} 127.0.0.1, MAP ${SITE_DOMAIN} 127.0.0.1`];

/**
 * Stand-ins for the vendor scripts, doing what the real ones do that the audit sees: the cookies
 * they set on the site (with the lifetimes their docs give) and the requests that carry the ids.
 */
export const VENDOR_STUBS: Record<string, string> = {
  // support.google.com/analytics/answer/11397207: _ga lives 2 years; hits go to /g/collect.
  'www.googletagmanager.com/gtag/js': `(function () {
    var id = /[?&]id=([^&]+)/.exec(document.currentScript.src)[1];
    document.cookie = '_ga=GA1.1.42.1700000000; max-age=63072000; path=/';
    new Image().src = 'https://www.google-analytics.com/g/collect?v=2&tid=' + id + '&en=page_view';
  })();`,
  // The real fbevents.js fetches the pixel's config and sets _fbp (90 days).
  'connect.facebook.net/en_US/fbevents.js': `(function () {
    var queue = (window.fbq && window.fbq.queue) || [];
    for (var i = 0; i < queue.length; i++)
      if (queue[i][0] == 'init') new Image().src = 'https://connect.facebook.net/signals/config/' + queue[i][1] + '?v=2.9.1';
    document.cookie = '_fbp=fb.1.1700000000.42; max-age=7776000; path=/';
  })();`,
  // help.hotjar.com: _hjSessionUser_<id> lives 1 year; data goes to *.hotjar.io.
  'static.hotjar.com/c/hotjar-': `(function () {
    var id = window._hjSettings && window._hjSettings.hjid;
    document.cookie = '_hjSessionUser_' + id + '=u1; max-age=31536000; path=/';
    new Image().src = 'https://in.hotjar.io/api/v2/client/sites/' + id + '/visit-data';
  })();`,
};

/** Prepares each browser context of the audit: every host but the site's answered locally, with the stand-ins. */
export async function interceptVendors(context: BrowserContext): Promise<void> {
  const log = await interceptThirdParty(context);
  for (const [part, body] of Object.entries(VENDOR_STUBS)) log.stub(part, body);
}

// help.hotjar.com, "How to install your Hotjar tracking code" (site id is a test id).
export const HOTJAR_SNIPPET = `<!-- Hotjar Tracking Code -->
<script>
    (function(h,o,t,j,a,r){
        h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};
        h._hjSettings={hjid:1234567,hjsv:6};
        a=o.getElementsByTagName('head')[0];
        r=o.createElement('script');r.async=1;
        r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;
        a.appendChild(r);
    })(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');
</script>`;

/** A page as small sites write them: a nav to the site's other pages, then content. */
export function page(options: { title: string; head?: string; body?: string; nav: string[] }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${options.title}</title>
${options.head ?? ''}</head><body>
<nav>${options.nav.map((href) => `<a href="${href}">${href}</a>`).join(' ')}</nav>
<main><h1>${options.title}</h1><p>Hand-made goods since 1999.</p>${options.body ?? ''}</main>
</body></html>`;
}

/** The script tag with a config, as the README's quick start has it. */
export const consentryTag = (config: unknown): string =>
  `<script src="/dist/consentry.js" data-config='${JSON.stringify(config).replace(/'/g, '&#39;')}'></script>`;

/** Three pages under `prefix`, linked to one another, each with `head` and `body`. */
export function threePages(server: SiteServer, prefix: string, head = '', body = ''): string {
  const paths = [`${prefix}/`, `${prefix}/about`, `${prefix}/shop`];
  for (const path of paths) server.set(path, page({ title: `Shop ${path}`, head, body, nav: paths }));
  return server.origin + paths[0];
}
