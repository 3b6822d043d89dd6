import type { Server } from 'node:http';

/** The Content-Security-Policy sent with every HTML page of the demo. */
export declare const CSP: string;

/** Starts the demo server on the first free port from `port` (0 = any free port). */
export declare function startDemoServer(
  port?: number,
  host?: string,
): Promise<{ server: Server; port: number; url: string }>;
