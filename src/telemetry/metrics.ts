import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolUse } from '../store/backlog-store.ts';

/** Buckets for durations of requests, commits and deliveries, in seconds. */
export const secondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Buckets for how late a timer fired, in seconds: from a sweep interval to a day of downtime. */
export const latenessBuckets = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 4 * 3600, 24 * 3600];

export interface MetricsOptions {
  /** Process metrics (CPU, memory, event-loop lag, GC) as `process_*` and `nodejs_*`; default on. */
  processMetrics?: boolean;
}

/**
 * The service's Prometheus metrics, on a registry of their own (so tests can build many apps).
 * Label values are bounded: routes are patterns (`/orders/:id`), never raw paths; events, states,
 * deadlines and machine versions come from the machine's definition; no label names an order.
 */
export function createMetrics({ processMetrics = true }: MetricsOptions = {}) {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const beforeScrape: (() => Promise<void>)[] = [];
  return {
    registry,
    /** Runs `refresh` before each scrape (to set gauges read from the store); it handles its own failure. */
    onScrape(refresh: () => Promise<void>) {
      beforeScrape.push(refresh);
    },
    /** What `/metrics` awaits first: every refresh. */
    refresh: () => Promise.all(beforeScrape.map((r) => r())),
    /** Reports a connection pool's use at each scrape (PostgreSQL; SQLite has no pool, so these are absent). */
    observePool(poolUse: () => PoolUse) {
      new Gauge({
        name: 'aftersales_db_pool_connections',
        help: 'Database pool connections by state: in_use, idle, and max (the pool size); every in-flight commit holds one',
        labelNames: ['state'] as const,
        registers,
        collect() {
          const p = poolUse();
          this.set({ state: 'in_use' }, p.total - p.idle);
          this.set({ state: 'idle' }, p.idle);
          this.set({ state: 'max' }, p.max);
        },
      });
      new Gauge({
        name: 'aftersales_db_pool_waiting',
        help: 'Queries waiting for a database pool connection: above 0 for long, the pool is too small or the database too slow',
        registers,
        collect() {
          this.set(poolUse().waiting);
        },
      });
    },
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status: time until the response head',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: secondsBuckets,
      registers,
    }),
    eventsApplied: new Counter({
      name: 'aftersales_events_applied_total',
      help: 'Events applied to orders, by event type, the state the order was in ("(new)" for its creation), the machine version and the source (client or timer)',
      labelNames: ['event', 'state', 'machine_version', 'source'] as const,
      registers,
    }),
    eventsRefused: new Counter({
      name: 'aftersales_events_refused_total',
      help: 'Client events refused because of the order, by event type, state and machine version; reason "state": the state does not take it (409), "check": it does not fit the order (422)',
      labelNames: ['event', 'state', 'machine_version', 'reason'] as const,
      registers,
    }),
    commitDuration: new Histogram({
      name: 'aftersales_commit_duration_seconds',
      help: 'Commits of one event (order, history, outbox, timers in one transaction), by outcome: committed, conflict (another commit of the order came first, retried) or failed',
      labelNames: ['outcome'] as const,
      buckets: secondsBuckets,
      registers,
    }),
    timers: new Counter({
      name: 'aftersales_timers_total',
      help: 'Due timers the sweeper took, by deadline and outcome: fired; stale (fired elsewhere, or the order moved on); failed (tried again); unrestorable (the order cannot be restored by this release)',
      labelNames: ['deadline', 'outcome'] as const,
      registers,
    }),
    timerLateness: new Histogram({
      name: 'aftersales_timer_lateness_seconds',
      help: 'How late each fired timer fired (fired time minus due time), by deadline',
      labelNames: ['deadline'] as const,
      buckets: latenessBuckets,
      registers,
    }),
    deliveryAttempts: new Counter({
      name: 'aftersales_delivery_attempts_total',
      help: 'Delivery attempts by channel (email, webhook) and outcome: delivered, retry (failed, tried again later), dead (failed for the last time), unrecorded',
      labelNames: ['channel', 'outcome'] as const,
      registers,
    }),
    deliveryDuration: new Histogram({
      name: 'aftersales_delivery_attempt_duration_seconds',
      help: 'How long a delivery attempt took (SMTP send or webhook POST), by channel',
      labelNames: ['channel'] as const,
      buckets: secondsBuckets,
      registers,
    }),
    timersDue: new Gauge({ name: 'aftersales_timers_due', help: 'Timers due and not yet fired, at the scrape', registers }),
    timersOverdue: new Gauge({ name: 'aftersales_timers_overdue_seconds', help: 'How long the earliest due timer not yet fired has been due (0 when none is)', registers }),
    outboxBacklog: new Gauge({
      name: 'aftersales_outbox_backlog',
      help: 'Notifications not yet fanned out into deliveries, by source: effect (outbox rows) or history (state changes)',
      labelNames: ['source'] as const,
      registers,
    }),
    deliveries: new Gauge({
      name: 'aftersales_deliveries',
      help: 'Deliveries not delivered, by channel and status: pending (waiting or retrying), due (pending and due now), dead (dead letters, until retried)',
      labelNames: ['channel', 'status'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
