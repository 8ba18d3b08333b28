import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../../clock.ts';
import { rateLimited } from '../../errors.ts';
import { clientKey } from './client-key.ts';

/** Requests per second each client may make on average, and how many it may make at once. */
export interface RateLimitOptions {
  /** Sustained requests per second per key (`RATE_LIMIT_PER_SECOND`). */
  perSecond: number;
  /** Requests a key may send in a burst above the average (`RATE_LIMIT_BURST`); default twice `perSecond`. */
  burst?: number;
  /** Keys remembered at once; the least recently seen is forgotten first (it starts again with a full bucket). */
  maxKeys?: number;
}

interface Bucket { tokens: number; at: number }

/**
 * A token bucket per client key (see `clientKey`): O(1) per request, in memory, per instance (with N
 * instances behind a balancer a key gets up to N times the figure). Over the limit: 429
 * `/problems/rate-limited` with `Retry-After`, the seconds until a request is accepted again.
 */
export function rateLimit({ perSecond, burst = perSecond * 2, maxKeys = 10_000, clock }: RateLimitOptions & { clock: Clock }): MiddlewareHandler {
  const buckets = new Map<string, Bucket>();
  return async (c, next) => {
    const key = clientKey(c);
    const now = clock.now();
    let bucket = buckets.get(key);
    if (bucket) {
      buckets.delete(key); // re-inserted below: the map stays in order of last use
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
    } else {
      bucket = { tokens: burst, at: now };
      if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!);
    }
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
      throw rateLimited(`more than ${perSecond} requests per second (bursts of ${burst}) with these credentials; retry after ${retryAfter} s`, { limit: perSecond, burst }, { retryAfter });
    }
    bucket.tokens -= 1;
    return next();
  };
}
