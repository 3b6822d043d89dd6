// The visitor's stored decision, as the browser runtime and a server read it: the one consent
// cookie (consent-cookie.ts), decoded strictly (record-codec.ts), for this revision and unexpired.
import type { ConsentConfig, ConsentRecord } from '../types';
import { readConsentCookie } from './consent-cookie';
import { currentRecord } from './record-codec';

/**
 * The stored decision in a `Cookie` header (`document.cookie`, or a request's header for
 * server-side rendering), or null for none, a garbled, old or expired one, or a cookie tossed
 * in by another subdomain.
 * ```ts
 * recordFromCookies(request.headers.get('cookie') ?? '', config)
 * ```
 */
export const recordFromCookies = (header: string, config: ConsentConfig, now = Date.now()): ConsentRecord | null =>
  currentRecord(readConsentCookie(header, config.cookie).value, config.revision ?? 0, config.cookie?.days ?? 182, now);
