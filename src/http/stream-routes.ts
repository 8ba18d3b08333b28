import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Engine } from '../engine/engine.ts';
import type { OrderEvents } from '../inspector/order-events.ts';
import type { ChangeMessage } from '../store/commit-feed.ts';
import { publicOrderId } from '../tenancy/order-keys.ts';
import { orderKeyOf } from './api-keys/order-key.ts';
import { streamCap, type StreamCap } from './limits/stream-cap.ts';
import { noQuery } from './no-query.ts';

/**
 * `GET /orders/:id/stream`: server-sent events for one order. `ready` first (with the version at
 * connection time), then one `change` per commit, from any client or the timer sweeper, of this
 * instance and (with a commit feed) of the others on the same database.
 */
export function streamRoutes({ engine, events, streams = streamCap(20), heartbeatMs = 15_000 }: { engine: Engine; events: OrderEvents; streams?: StreamCap; heartbeatMs?: number }) {
  const app = new Hono();

  app.get('/:id/stream', noQuery, async (c) => {
    const id = c.req.param('id');
    const key = orderKeyOf(c, id);
    // Counted from here to the end of the stream: a key over its share is refused before anything opens.
    const release = streams.open(c);
    const queue: ChangeMessage[] = [];
    let wake: (() => void) | undefined;
    let closed = false;
    // Subscribe before reading the order, so no commit falls between the two.
    const unsubscribe = events.subscribe(
      key,
      (change) => {
        queue.push(change);
        wake?.();
      },
      () => {
        closed = true;
        wake?.();
      },
    );
    let order;
    try {
      order = await engine.getOrder(key);
    } catch (error) {
      unsubscribe();
      release();
      throw error;
    }
    c.header('Cache-Control', 'no-store');
    return streamSSE(
      c,
      async (stream) => {
        stream.onAbort(() => {
          closed = true;
          wake?.();
        });
        try {
          await stream.writeSSE({ event: 'ready', data: JSON.stringify({ orderId: id, version: order.version, state: order.state }) });
          while (!closed) {
            const change = queue.shift();
            if (change) {
              if (change.version > order.version) await stream.writeSSE({ event: 'change', id: String(change.version), data: JSON.stringify({ ...change, orderId: publicOrderId(change.orderId) }) });
              continue;
            }
            let timer: NodeJS.Timeout | undefined;
            const heartbeat = await new Promise<boolean>((resolve) => {
              wake = () => resolve(false);
              timer = setTimeout(() => resolve(true), heartbeatMs);
            });
            clearTimeout(timer);
            wake = undefined;
            if (heartbeat && !closed) await stream.write(': keep-alive\n\n');
          }
        } finally {
          unsubscribe();
          release();
        }
      },
      async () => {
        unsubscribe();
        release();
      },
    );
  });

  return app;
}
