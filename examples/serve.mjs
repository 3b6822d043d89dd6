// `npm start`: serves the demo site (examples/) and the built files (dist/) on 127.0.0.1, and the
// records service (`consentry/server`, on the embedded database in ./consentry-data) that the shop
// pages log their decisions to: its beacon endpoints under the demo's own origin (/v1/records,
// /v1/impressions), its dashboard on a port of its own. The npm script builds first. Every HTML
// page is sent with a strict Content-Security-Policy, so the demo also proves the library needs
// no inline code or styles.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};
/** `default-src 'self'`: no inline scripts, no inline styles, nothing from other hosts. */
export const CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";

/** Maps a URL path to a file: `/dist/*` from dist/, everything else from examples/. */
function fileFor(pathname) {
  let path = normalize(decodeURIComponent(pathname)).replace(/^[/\\]+/, '');
  if (path.split(sep).includes('..')) return null;
  if (path === '' || path.endsWith(sep) || path.endsWith('/')) path = join(path, 'index.html');
  const dir = path.startsWith('dist' + sep) || path.startsWith('dist/') ? '' : 'examples';
  return join(ROOT, dir, path);
}

async function handle(req, res, records) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/v1/') && records) return records(req, res);
  let file = fileFor(url.pathname);
  if (file && !extname(file)) file = join(file, 'index.html');
  const body = file && (await readFile(file).catch(() => null));
  if (!body) {
    res.writeHead(404, { 'content-type': TYPES['.txt'] }).end('Not found');
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const headers = { 'content-type': type, 'cache-control': 'no-cache' };
  if (type.startsWith('text/html')) headers['content-security-policy'] = CSP;
  res.writeHead(200, headers).end(body);
}

/**
 * Starts the demo server on the first free port from `port` (0 = any). With `options.records` (a
 * records service's `fetch`), the pages' beacons to /v1/… are answered by it.
 */
export async function startDemoServer(port = 8080, host = '127.0.0.1', options = {}) {
  const { getRequestListener } = options.records ? await import('@hono/node-server') : {};
  const records = options.records ? getRequestListener(options.records) : undefined;
  for (let tries = 0; ; tries++) {
    const server = createServer((req, res) => {
      handle(req, res, records).catch(() => res.writeHead(500).end());
    });
    try {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port === 0 ? 0 : port + tries, host, resolve);
      });
      const { port: bound } = server.address();
      return { server, port: bound, url: `http://${host}:${bound}/` };
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || port === 0 || tries > 50) throw error;
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { createRecordsService } = await import('../dist/server.mjs');
  const { serve } = await import('@hono/node-server');
  // A development key, new on every start, unless CONSENTRY_API_KEY is set.
  const apiKey = process.env.CONSENTRY_API_KEY || `dev-${randomBytes(12).toString('hex')}`;
  const service = await createRecordsService({ dataDir: join(process.cwd(), 'consentry-data'), apiKey });
  const { url } = await startDemoServer(Number(process.env.PORT) || 8080, '127.0.0.1', { records: service.fetch });
  const dashboard = serve({
    fetch: service.fetch,
    port: Number(process.env.RECORDS_PORT) || 8787,
    hostname: '127.0.0.1',
  });
  await new Promise((resolve) => dashboard.once('listening', resolve));
  console.log(`Consentry demo: ${url}  (Ctrl-C to stop)`);
  console.log(`Consent records dashboard: http://127.0.0.1:${dashboard.address().port}/  key: ${apiKey}`);
  const stop = async () => {
    dashboard.close();
    await service.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
