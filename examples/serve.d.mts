import type { Server } from 'node:http';

/** The Content-Security-Policy sent with every HTML page of the demo. */
export declare const CSP: string;

/**
 * Starts the demo server on the first free port from `port` (0 = any free port). With
 * `options.records` (a records service's `fetch`), the pages' beacons to /v1/… are answered by it.
 */
export declare function startDemoServer(
  port?: number,
  host?: string,
  options?: { records?: (request: Request, env?: unknown) => Promise<Response> },
): Promise<{ server: Server; port: number; url: string }>;
