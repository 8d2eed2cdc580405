/**
 * A token bucket per client address: `perMinute` posts in a burst, refilled evenly over a minute.
 * Old buckets are swept so the table stays small under many addresses.
 */
export interface RateLimiter {
  /** `0` when allowed (a token is taken), else the seconds to wait for the next token. */
  take(key: string): number;
}

export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  let lastSweep = now();
  return {
    take(key) {
      if (perMinute <= 0) return 0;
      const time = now();
      if (time - lastSweep > 60_000 || buckets.size > 50_000) {
        for (const [k, bucket] of buckets) if (time - bucket.at > 60_000) buckets.delete(k);
        lastSweep = time;
      }
      const bucket = buckets.get(key) ?? { tokens: perMinute, at: time };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.at) * refillPerMs);
      bucket.at = time;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
    },
  };
}
