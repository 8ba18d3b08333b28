/**
 * Runs tasks one after the other per order in this process, so concurrent events to one order are
 * applied in turn instead of racing for its version (and losing with 409). Across processes the
 * order's version still decides (compare-and-swap). An order with nothing queued holds no memory.
 */
export interface OrderQueue {
  /**
   * Runs `task` once every task queued before it for `orderId` has settled, telling it how the one
   * just before it ended (`ahead`: its error, if it failed), so that it may fail fast after a failure
   * it would only repeat. Rejects with `OrderQueueFullError` when `maxWaiting` wait already.
   */
  run<T>(orderId: string, task: (ahead: { error?: unknown }) => Promise<T>): Promise<T>;
  /** Tasks queued or running now, over every order. */
  readonly size: number;
}

/** Too many requests wait for one order already; the client should retry later. */
export class OrderQueueFullError extends Error {
  override name = 'OrderQueueFullError';
  constructor(readonly orderId: string, readonly waiting: number) {
    super(`${waiting} requests are already waiting for order ${orderId}`);
  }
}

export function createOrderQueue({ maxWaiting = 200 }: { maxWaiting?: number } = {}): OrderQueue {
  // `tail` settles with how the last queued task ended (never rejects).
  const queues = new Map<string, { tail: Promise<{ error?: unknown }>; size: number }>();
  let size = 0;
  return {
    run(orderId, task) {
      let queue = queues.get(orderId);
      if (!queue) queues.set(orderId, (queue = { tail: Promise.resolve({}), size: 0 }));
      if (queue.size >= maxWaiting) return Promise.reject(new OrderQueueFullError(orderId, queue.size));
      const q = queue;
      q.size += 1;
      size += 1;
      const result = q.tail.then(task);
      q.tail = result.then(
        () => ({}),
        (error: unknown) => ({ error }),
      );
      void q.tail.then(() => {
        q.size -= 1;
        size -= 1;
        if (q.size === 0 && queues.get(orderId) === q) queues.delete(orderId);
      });
      return result;
    },
    get size() {
      return size;
    },
  };
}
