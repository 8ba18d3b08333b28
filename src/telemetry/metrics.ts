import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const seconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const latenessSeconds = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 6 * 3600, 86_400];

/** Counts read from the store at scrape time (each a small count query). */
export interface Backlog {
  /** Timers whose due time has passed and that no sweeper has fired yet. */
  timersDue: number;
  /** Outbox rows (effects and state changes) not yet fanned out into deliveries. */
  outboxUndispatched: number;
  /** Deliveries waiting for their first or next attempt. */
  deliveriesPending: number;
  /** Deliveries that used all their attempts (dead letters), waiting for a person. */
  deliveriesDead: number;
}

/** Connections of a database pool (PostgreSQL). */
export interface PoolUse { total: number; idle: number; waiting: number }

export interface MetricsOptions {
  /** Process metrics (CPU, memory, event-loop lag, GC) as `process_*` and `nodejs_*`; default on. */
  processMetrics?: boolean;
}

/**
 * The service's Prometheus metrics, on a registry of their own (so tests can build many apps).
 * Label values are bounded: routes are patterns (`/orders/:id`), states and events come from the
 * machine definition, channels and outcomes are fixed sets.
 */
export function createMetrics({ processMetrics = true }: MetricsOptions = {}) {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let backlog: (() => Promise<Backlog>) | undefined;
  let pool: (() => PoolUse) | undefined;

  const backlogGauge = (name: string, help: string, key: keyof Backlog) =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        if (backlog) this.set((await backlog())[key]);
      },
    });
  const poolGauge = (name: string, help: string, key: keyof PoolUse) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        if (pool) this.set(pool()[key]);
      },
    });

  return {
    registry,
    httpRequestDuration: new Histogram({ name: 'http_request_duration_seconds', help: 'HTTP requests by method, route pattern and status: time until the response head', labelNames: ['method', 'route', 'status'] as const, buckets: seconds, registers }),
    eventsApplied: new Counter({ name: 'aftersales_events_applied_total', help: 'Events applied to orders (client events, fired timers and creations) by machine, machine version, event type and the state they were applied in', labelNames: ['machine', 'version', 'event', 'state'] as const, registers }),
    eventsRefused: new Counter({ name: 'aftersales_events_refused_total', help: 'Client events refused because the order\'s state does not take them (409), by machine, machine version, event type and state', labelNames: ['machine', 'version', 'event', 'state'] as const, registers }),
    commitDuration: new Histogram({ name: 'aftersales_commit_duration_seconds', help: 'Time to commit one event (snapshot, history, outbox and timers in one transaction)', buckets: seconds, registers }),
    timersFired: new Counter({ name: 'aftersales_timers_fired_total', help: 'Timers fired as internal events, by deadline', labelNames: ['deadline'] as const, registers }),
    timerLateness: new Histogram({ name: 'aftersales_timer_lateness_seconds', help: 'Time between a timer\'s due time and its firing', labelNames: ['deadline'] as const, buckets: latenessSeconds, registers }),
    deliveries: new Counter({ name: 'aftersales_delivery_attempts_total', help: 'Delivery attempts by channel (email, webhook) and outcome (delivered, retry, dead)', labelNames: ['channel', 'outcome'] as const, registers }),
    deliveryDuration: new Histogram({ name: 'aftersales_delivery_attempt_duration_seconds', help: 'Time of one delivery attempt (SMTP send or webhook POST), by channel', labelNames: ['channel'] as const, buckets: seconds, registers }),
    timersDue: backlogGauge('aftersales_timers_due', 'Timers past their due time, not fired yet', 'timersDue'),
    outboxBacklog: backlogGauge('aftersales_outbox_undispatched', 'Outbox rows not yet fanned out into deliveries', 'outboxUndispatched'),
    deliveriesPending: backlogGauge('aftersales_deliveries_pending', 'Deliveries waiting for an attempt', 'deliveriesPending'),
    deliveriesDead: backlogGauge('aftersales_deliveries_dead', 'Deliveries that used all their attempts (dead letters)', 'deliveriesDead'),
    poolTotal: poolGauge('aftersales_db_pool_connections', 'Open connections of the database pool', 'total'),
    poolIdle: poolGauge('aftersales_db_pool_idle_connections', 'Idle connections of the database pool', 'idle'),
    poolWaiting: poolGauge('aftersales_db_pool_waiting_requests', 'Queries waiting for a free connection of the database pool', 'waiting'),
    /** Reads the backlog gauges from `read` at each scrape. */
    observeBacklog(read: () => Promise<Backlog>) {
      backlog = read;
    },
    /** Reads the pool gauges from `read` at each scrape. */
    observePool(read: () => PoolUse) {
      pool = read;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
