// Records per minute per client network, as a token bucket: a client may send `perMinute` at once
// and then `perMinute` a minute. Kept in memory only, keyed by the truncated address.

export interface RateLimiter {
  /** Takes one token for `client`; the seconds to wait when there is none. */
  take(client: string, now?: number): { allowed: true } | { allowed: false; retryAfter: number };
}

export function createRateLimiter(perMinute: number, maxClients = 100_000): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  return {
    take(client, now = Date.now()) {
      if (perMinute <= 0) return { allowed: true };
      let bucket = buckets.get(client);
      if (bucket) {
        bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * refillPerMs);
        bucket.at = now;
      } else {
        // Bounded memory: the oldest buckets (Map order) go first; a forgotten client starts full.
        if (buckets.size >= maxClients) buckets.delete(buckets.keys().next().value!);
        bucket = { tokens: perMinute, at: now };
        buckets.set(client, bucket);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
    },
  };
}
