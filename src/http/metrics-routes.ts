import { Hono } from 'hono';
import type { Metrics } from '../telemetry/metrics.ts';

/**
 * `GET /metrics`: every metric in the Prometheus text format, for a scraper. The app puts it behind
 * the same API tokens as the orders (a scraper sends `Authorization: Bearer <token>`). The gauges
 * read from the store (backlogs) are refreshed first.
 */
export function metricsRoutes({ metrics }: { metrics: Metrics }) {
  return new Hono().get('/', async (c) => {
    await metrics.refresh();
    const body = await metrics.registry.metrics();
    return c.body(body, 200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
  });
}
