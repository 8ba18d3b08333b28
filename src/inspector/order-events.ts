import type { CommittedChange } from '../engine/engine.ts';
import type { ChangeMessage } from '../store/commit-feed.ts';

/** The message of a commit of this process. */
export function changeMessage(change: CommittedChange): ChangeMessage {
  return { orderId: change.orderId, version: change.version, type: change.event.type, fromState: change.fromState, toState: change.toState, source: change.source };
}

export type ChangeListener = (change: ChangeMessage) => void;

/**
 * In-process fan-out of committed changes to live views (the inspector's event stream): the
 * commits of this process, and, with a commit feed (PostgreSQL `LISTEN/NOTIFY`), those of the
 * other instances on the same database.
 */
export interface OrderEvents {
  publish(change: ChangeMessage): void;
  /** Calls `listener` for each change of `orderId` until the returned function is called. */
  subscribe(orderId: string, listener: ChangeListener, onClose?: () => void): () => void;
  /** Ends every subscription (calls its `onClose`), so open streams finish and the server can stop. */
  close(): void;
  /** Open subscriptions, for tests and /healthz. */
  readonly subscribers: number;
}

export function createOrderEvents(): OrderEvents {
  const byOrder = new Map<string, Set<ChangeListener>>();
  const closers = new Set<() => void>();
  let subscribers = 0;
  return {
    publish(change) {
      for (const listener of byOrder.get(change.orderId) ?? []) {
        try {
          listener(change);
        } catch {
          // A broken viewer must never fail the commit that already happened.
        }
      }
    },
    subscribe(orderId, listener, onClose) {
      const set = byOrder.get(orderId) ?? new Set();
      byOrder.set(orderId, set);
      set.add(listener);
      subscribers++;
      let open = true;
      const closer = () => onClose?.();
      closers.add(closer);
      return () => {
        if (!open) return;
        open = false;
        subscribers--;
        closers.delete(closer);
        set.delete(listener);
        if (set.size === 0) byOrder.delete(orderId);
      };
    },
    close() {
      for (const closer of [...closers]) closer();
    },
    get subscribers() {
      return subscribers;
    },
  };
}
