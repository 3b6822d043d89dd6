// The visitor's stored decision, as the browser runtime and a server read it: the one consent
// cookie (consent-cookie.ts), decoded strictly (record-codec.ts), for this revision and unexpired.
import type { ConsentConfig, ConsentRecord } from '../types';
import { readConsentCookie } from './consent-cookie';
import { decodeRecord } from './record-codec';

const DAY = 864e5;

/** The record in a cookie value, if it is for `config.revision` and younger than `config.cookie.days`. */
export function currentRecord(
  value: string | undefined,
  config: ConsentConfig,
  now = Date.now(),
): ConsentRecord | null {
  const record = decodeRecord(value, now);
  if (!record || record.revision !== (config.revision ?? 0)) return null;
  return record.updatedAt + (config.cookie?.days ?? 182) * DAY > now ? record : null;
}

/**
 * The stored decision in a `Cookie` header (`document.cookie`, or a request's header for
 * server-side rendering), or null for none, a garbled, old or expired one, or a cookie tossed
 * in by another subdomain.
 * ```ts
 * recordFromCookies(request.headers.get('cookie') ?? '', config)
 * ```
 */
export const recordFromCookies = (header: string, config: ConsentConfig, now = Date.now()): ConsentRecord | null =>
  currentRecord(readConsentCookie(header, config.cookie).value, config, now);
