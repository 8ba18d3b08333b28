import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Buckets for durations of requests, commits and deliveries, in seconds. */
export const secondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface MetricsOptions {
  /** Process metrics (CPU, memory, event-loop lag, GC) as `process_*` and `nodejs_*`; default on. */
  processMetrics?: boolean;
}

/**
 * The service's Prometheus metrics, on a registry of their own (so tests can build many apps).
 * Label values are bounded: routes are patterns (`/orders/:id`), never raw paths.
 */
export function createMetrics({ processMetrics = true }: MetricsOptions = {}) {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status: time until the response head',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: secondsBuckets,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
