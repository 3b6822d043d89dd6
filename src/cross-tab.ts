// Carries decisions to the site's other open tabs without a reload: BroadcastChannel where it
// exists; everywhere, the cookie is read again when a tab becomes visible.
export function syncAcrossTabs(name: string, read: () => string | undefined, apply: (value: string | undefined) => void): (value: string | undefined) => void {
  if (typeof window === 'undefined') return () => {};
  let channel: BroadcastChannel | undefined;
  try {
    channel = new BroadcastChannel('consentry:' + name);
    channel.onmessage = (event) => apply(typeof event.data === 'string' && event.data ? event.data : undefined);
  } catch {
    // No BroadcastChannel (or blocked): the visibility fallback below still syncs.
  }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') apply(read());
  });
  return (value) => {
    try {
      channel?.postMessage(value ?? '');
    } catch {
      // A closed channel must never break a decision.
    }
  };
}
