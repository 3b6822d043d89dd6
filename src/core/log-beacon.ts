/**
 * Sends a proof-of-consent record, with the page's URL, to `endpoint` without blocking or
 * throwing: sendBeacon, else fetch with keepalive so it survives a navigation.
 */
export function sendLog(endpoint: string, body: object): void {
  try {
    const json = JSON.stringify({ ...body, url: location.href });
    const queued = navigator.sendBeacon?.(endpoint, new Blob([json], { type: 'application/json' }));
    if (queued) return;
    // No sendBeacon, or the browser refused to queue it (payload limit).
    fetch(endpoint, {
      method: 'POST',
      body: json,
      keepalive: true,
      headers: { 'content-type': 'application/json' },
    }).catch(() => {});
  } catch {
    // Logging must never break a decision.
  }
}
