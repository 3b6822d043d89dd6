// How the page posts to the records service: `fetch` with `keepalive`, so the request outlives
// a navigation or the reload after a withdrawal; `text/plain`, a CORS-safelisted type, so a
// receiver on another origin gets it without a preflight (a failed preflight would lose it);
// no cookies (`credentials: 'omit'`). `sendBeacon` is not used: it always sends cookies, and it
// reports "queued" even when the request later fails, so the page could never know to re-send.
// https://fetch.spec.whatwg.org/#cors-safelisted-request-header

/** What became of a post: stored, refused for good (a 4xx the same body would get again), or to be tried later. */
export type PostOutcome = 'stored' | 'refused' | 'retry';

/** Posts `body` as JSON text; never throws or rejects. */
export async function postJson(endpoint: string, body: object): Promise<PostOutcome> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      credentials: 'omit',
      keepalive: true,
    });
    if (response.ok) return 'stored';
    // 408 (timed out), 429 (too many) and 5xx (503: the receiver's queue is full) may pass later.
    const refused = response.status >= 400 && response.status < 500 && response.status != 408 && response.status != 429;
    return refused ? 'refused' : 'retry';
  } catch {
    // Offline, blocked, CORS refused, no fetch: kept for a later page view.
    return 'retry';
  }
}
