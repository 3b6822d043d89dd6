// The read key: compared in constant time, never put in a URL or page storage. The dashboard's
// session is a signed expiry time in an HttpOnly, SameSite=Strict cookie, so any instance that
// has the same key accepts it (instances share nothing but the database).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** True when `given` is the key; the time taken does not depend on where they differ, nor on their lengths. */
export function keyMatches(key: string | undefined, given: string | undefined | null): boolean {
  if (!key || typeof given != 'string') return false;
  return timingSafeEqual(digest(key), digest(given));
}

/** The key in an `Authorization: Bearer <key>` header. */
export const bearerKey = (header: string | undefined | null): string | undefined =>
  /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];

export const SESSION_COOKIE = 'consentry_session';
export const SESSION_SECONDS = 12 * 3600;

const sign = (key: string, expires: number): string =>
  createHmac('sha256', key).update(`consentry-session:${expires}`).digest('base64url');

/** A session value valid for `SESSION_SECONDS`. */
export function createSession(key: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + SESSION_SECONDS;
  return `${expires}.${sign(key, expires)}`;
}

export function sessionValid(key: string | undefined, value: string | undefined, now = Date.now()): boolean {
  if (!key || !value) return false;
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires * 1000 <= now) return false;
  return timingSafeEqual(Buffer.from(sign(key, expires)), Buffer.from(match[2]!));
}
