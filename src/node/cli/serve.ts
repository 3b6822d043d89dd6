// `consentry serve`: the records service on a port, on the embedded database in --data, or on
// PostgreSQL with DATABASE_URL. Runs until SIGINT or SIGTERM, then finishes the writes under way.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConsentConfigError } from '../../core/config/errors';
import { validateConfig } from '../../core/config/validate';
import type { ConsentConfig, PresetRegistry } from '../../core/types';
import { DataDirectoryInUse } from '../records/database/open-sqlite';
import { loadNodeServer } from '../records/load-modules';
import { createRecordsService, type RecordsServiceOptions } from '../records/service';

export interface ServeArgs {
  port?: string;
  host?: string;
  data?: string;
  origin?: string[];
  'api-key-file'?: string;
  'retain-days'?: string;
  'rate-limit'?: string;
  config?: string;
  'trust-proxy'?: boolean;
  'country-header'?: string;
}

export interface ServeDeps {
  registry: PresetRegistry;
  cwd: string;
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
  /** Resolves when the process is asked to stop; default: SIGINT or SIGTERM. */
  stopSignal?: Promise<void>;
}

const wholeNumber = (value: string | undefined, name: string, fallback: number, min = 0): number => {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new UsageError(`--${name}: expected a whole number${min ? ` from ${min}` : ''}`);
  return Number(value);
};

class UsageError extends Error {}

/** Reads the options; throws UsageError (exit 2) or Error (exit 1) with the reason. */
function serviceOptions(args: ServeArgs, deps: ServeDeps): RecordsServiceOptions & { port: number; host: string } {
  const port = wholeNumber(args.port, 'port', 8787);
  if (port > 65535) throw new UsageError('--port: expected a port from 0 to 65535');
  for (const origin of args.origin ?? [])
    if (!/^https?:\/\/[^/]+$/.test(origin))
      throw new UsageError(`--origin ${origin}: expected an origin like https://shop.example`);
  let apiKey = deps.env.CONSENTRY_API_KEY;
  if (args['api-key-file']) apiKey = readFileSync(resolve(deps.cwd, args['api-key-file']), 'utf8').trim();
  if (apiKey !== undefined && apiKey.length < 16)
    throw new Error('the read key must be at least 16 characters (CONSENTRY_API_KEY or --api-key-file)');
  let config: ConsentConfig | undefined;
  if (args.config) {
    const file = resolve(deps.cwd, args.config);
    config = JSON.parse(readFileSync(file, 'utf8')) as ConsentConfig;
    const issues = validateConfig(config, deps.registry);
    if (issues.length) throw new ConsentConfigError(issues);
  }
  return {
    port,
    host: args.host ?? '127.0.0.1',
    dataDir: resolve(deps.cwd, args.data ?? 'consentry-data'),
    databaseUrl: deps.env.DATABASE_URL || undefined,
    origins: args.origin,
    apiKey,
    retainDays: wholeNumber(args['retain-days'], 'retain-days', 730, 1),
    rateLimit: wholeNumber(args['rate-limit'], 'rate-limit', 600),
    config,
    trustProxy: !!args['trust-proxy'],
    countryHeader: args['country-header']?.toLowerCase(),
  };
}

const stopRequested = (): Promise<void> =>
  new Promise((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });

/** Starts the service and resolves with the exit code once it has stopped. */
export async function serve(args: ServeArgs, deps: ServeDeps): Promise<number> {
  let options: ReturnType<typeof serviceOptions>;
  try {
    options = serviceOptions(args, deps);
  } catch (error) {
    deps.err(`consentry serve: ${(error as Error).message}`);
    return error instanceof UsageError ? 2 : 1;
  }
  let service: Awaited<ReturnType<typeof createRecordsService>>;
  let nodeServer: Awaited<ReturnType<typeof loadNodeServer>>;
  try {
    nodeServer = await loadNodeServer();
    service = await createRecordsService(options);
  } catch (error) {
    deps.err(error instanceof DataDirectoryInUse ? error.message : `consentry serve: ${(error as Error).message}`);
    return 1;
  }
  const server = nodeServer.serve({ fetch: service.fetch, port: options.port, hostname: options.host });
  // A slow or stalled body is cut off: 10 s for a request of at most 8 KB is generous.
  const http = server as unknown as {
    requestTimeout: number;
    headersTimeout: number;
    address(): { port: number } | null;
  };
  http.requestTimeout = 10_000;
  http.headersTimeout = 10_000;
  const listening = await new Promise<boolean>((done) => {
    server.once('listening', () => done(true));
    server.once('error', (error: Error) => {
      deps.err(`consentry serve: cannot listen on ${options.host}:${options.port}: ${error.message}`);
      done(false);
    });
  });
  if (!listening) {
    await service.close();
    return 1;
  }
  const port = http.address()?.port ?? options.port;
  const where = service.database == 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `${options.dataDir}`;
  deps.out(`listening on http://${options.host}:${port}`);
  deps.out(`records in ${where}; kept ${options.retainDays} days`);
  if (!options.apiKey)
    deps.out('no read key: the read API and the dashboard answer 401 (set CONSENTRY_API_KEY or --api-key-file)');
  await (deps.stopSignal ?? stopRequested());
  await new Promise<void>((done) => server.close(() => done()));
  await service.close();
  return 0;
}
