import type { Context } from 'hono';
import { rateLimited } from '../../errors.ts';
import { clientKey } from './client-key.ts';

/**
 * Counts the live streams each client key holds open. `open` refuses (429) the one over `max`,
 * and answers the function that gives the place back when the stream ends.
 */
export function streamCap(max: number) {
  const open = new Map<string, number>();
  return {
    open(c: Context): () => void {
      const key = clientKey(c);
      const count = open.get(key) ?? 0;
      if (count >= max) {
        throw rateLimited(`${count} live streams are already open with these credentials (at most ${max}); close one first`, { limit: max }, { retryAfter: 5 });
      }
      open.set(key, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(key) ?? 1) - 1;
        if (left <= 0) open.delete(key);
        else open.set(key, left);
      };
    },
    /** Streams open now, over every key. */
    count: () => [...open.values()].reduce((a, b) => a + b, 0),
  };
}

export type StreamCap = ReturnType<typeof streamCap>;
