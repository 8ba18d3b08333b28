import type { DeliveryChannel } from './delivery-records.ts';

/** The work waiting in the store at one instant, as the metrics report it at each scrape. */
export interface Backlog {
  /** Timers due at `now` and not yet fired, and the due time of the earliest of them (null when none). */
  timersDue: number;
  earliestDueAt: number | null;
  /** Notifications not yet fanned out into deliveries: effect rows of the outbox, and history rows. */
  outbox: { effects: number; history: number };
  /** Deliveries not yet delivered, by channel: `pending` (waiting or retrying; `due`: of those, due at `now`) and `dead` letters. */
  deliveries: { channel: DeliveryChannel; pending: number; due: number; dead: number }[];
}

/** What a connection pool has in use, for stores that have one (PostgreSQL). */
export interface PoolUse {
  max: number;
  /** Connections open, idle among them, and callers waiting for one. */
  total: number;
  idle: number;
  waiting: number;
}

/**
 * What the metrics read at each scrape (not on any event's path): counts of waiting work, each
 * answered from an index.
 */
export interface BacklogStore {
  backlog(now: number): Promise<Backlog>;
  /** The connection pool's use; absent where there is no pool (SQLite has one connection). */
  poolUse?(): PoolUse;
}
