// Building records and requests for the receiver's tests.
import { randomBytes } from 'node:crypto';
import type { LogRecord } from '../../../src/core/log/record';

export const KEY = 'test-read-key-0123456789abcdef';
export const BASE = 'http://records.test';

/** A GPP string as the page writes it: usnat for a US visitor who clicked "Do Not Sell or Share" (docs/guide/gpp.md). */
export const GPP_STRING = 'DBABLA~CVQVAAAAAACA.QA';

/**
 * An id as the page makes them (lowercase letters and digits). Never base64url: one id in 32
 * would start with "-", which the CSV export rightly quotes as a formula ("'-…").
 */
export const newId = (): string => randomBytes(12).toString('hex');

/** A valid record; `overrides` replace fields. */
export function record(overrides: Partial<LogRecord> = {}): LogRecord {
  return {
    recordId: newId(),
    consentId: 'visitor-0001',
    schema: 1,
    revision: 1,
    configHash: '0123456789abcdef',
    language: 'en',
    version: '0.1.0',
    action: 'accept-all',
    choices: { essential: true, analytics: true, advertising: true },
    signals: { gpc: false, dnt: false },
    mode: 'opt-in',
    region: 'DE',
    url: 'https://shop.example/cart',
    createdAt: Date.now(),
    ...overrides,
  };
}

/** A beacon POST as the page sends it (text/plain, no credentials). */
export const beacon = (body: unknown, init: { path?: string; headers?: Record<string, string> } = {}): Request =>
  new Request(BASE + (init.path ?? '/v1/records'), {
    method: 'POST',
    body: typeof body == 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...init.headers },
  });

export const read = (path: string, key: string | null = KEY, method = 'GET'): Request =>
  new Request(BASE + path, { method, headers: key ? { authorization: `Bearer ${key}` } : {} });
