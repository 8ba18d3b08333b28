import { SpanKind, trace, type Tracer } from '@opentelemetry/api';
import type { Clock } from '../clock.ts';
import type { EngineObserver } from '../engine/engine.ts';
import type { Logger } from '../logger.ts';
import type { BacklogStore } from '../store/backlog-store.ts';
import type { DeliveryChannel } from '../store/delivery-records.ts';
import type { DeliveryObserver } from '../workers/delivery-worker.ts';
import type { TimerObserver } from '../workers/timer-sweeper.ts';
import type { Metrics } from './metrics.ts';

/**
 * The engine's events as log lines (debug), metrics and spans. Each applied event is a span
 * `transition <EVENT>` (order id, event type, from and to state, machine and version), the child
 * of the request or timer that applied it; each refused one an event on the request's span.
 */
export function engineObserver({ logger, metrics, tracer, machine }: { logger: Logger; metrics?: Metrics | undefined; tracer?: Tracer | undefined; machine: string }): EngineObserver {
  return {
    applied(change, { startedAt, durationMs }) {
      const event = change.event.type;
      const state = change.fromState ?? '(new)';
      metrics?.eventsApplied.inc({ event, state, machine_version: change.machineVersion, source: change.source });
      logger.debug('event applied', { orderId: change.orderId, event, fromState: change.fromState, toState: change.toState, machineVersion: change.machineVersion, source: change.source, durationMs: Math.round(durationMs * 10) / 10 });
      if (tracer) {
        const attributes = {
          'aftersales.order_id': change.orderId,
          'aftersales.event': event,
          'aftersales.from_state': state,
          'aftersales.to_state': change.toState,
          'aftersales.machine': machine,
          'aftersales.machine_version': change.machineVersion,
          'aftersales.source': change.source,
          'aftersales.order_version': change.version,
        };
        tracer.startSpan(`transition ${event}`, { kind: SpanKind.INTERNAL, startTime: startedAt, attributes }).end(startedAt + durationMs);
      }
    },
    refused({ orderId, event, state, machineVersion, reason }) {
      metrics?.eventsRefused.inc({ event, state, machine_version: machineVersion, reason });
      logger.debug('event refused', { orderId, event, state, machineVersion, reason });
      if (tracer) trace.getActiveSpan()?.addEvent('event refused', { 'aftersales.order_id': orderId, 'aftersales.event': event, 'aftersales.state': state, 'aftersales.machine_version': machineVersion, 'aftersales.reason': reason });
    },
    committed(durationMs, outcome) {
      metrics?.commitDuration.observe({ outcome }, durationMs / 1000);
    },
  };
}

/** Timers the sweeper took, and the lateness of those it fired. */
export function timerObserver(metrics: Metrics): TimerObserver {
  return {
    timer(timer, outcome, latenessMs) {
      metrics.timers.inc({ deadline: timer.name, outcome });
      if (outcome === 'fired') metrics.timerLateness.observe({ deadline: timer.name }, latenessMs / 1000);
    },
  };
}

/** Delivery attempts by channel and outcome, and their duration. */
export function deliveryObserver(metrics: Metrics): DeliveryObserver {
  return {
    attempt({ channel, outcome, durationMs }) {
      metrics.deliveryAttempts.inc({ channel, outcome });
      metrics.deliveryDuration.observe({ channel }, durationMs / 1000);
    },
  };
}

const deliveryChannels: readonly DeliveryChannel[] = ['email', 'webhook'];

/**
 * Sets the backlog gauges from the store before each scrape (and watches the pool, where there is
 * one). A store that cannot answer leaves them out of that scrape, and says so in the log.
 */
export function observeBacklog({ metrics, store, clock, logger }: { metrics: Metrics; store: BacklogStore; clock: Clock; logger: Logger }) {
  const backlogGauges = [metrics.timersDue, metrics.timersOverdue, metrics.outboxBacklog, metrics.deliveries];
  metrics.onScrape(async () => {
    try {
      const now = clock.now();
      const b = await store.backlog(now);
      metrics.timersDue.set(b.timersDue);
      metrics.timersOverdue.set(b.earliestDueAt === null ? 0 : Math.max(0, now - b.earliestDueAt) / 1000);
      metrics.outboxBacklog.set({ source: 'effect' }, b.outbox.effects);
      metrics.outboxBacklog.set({ source: 'history' }, b.outbox.history);
      // Every channel, 0 when it has nothing waiting: a series that vanishes would silence an alert on it.
      for (const channel of deliveryChannels) {
        const d = b.deliveries.find((x) => x.channel === channel);
        metrics.deliveries.set({ channel, status: 'pending' }, d?.pending ?? 0);
        metrics.deliveries.set({ channel, status: 'due' }, d?.due ?? 0);
        metrics.deliveries.set({ channel, status: 'dead' }, d?.dead ?? 0);
      }
    } catch (error) {
      for (const g of backlogGauges) g.reset();
      logger.warn('metrics: the backlog could not be read', { error: error instanceof Error ? error.message : String(error) });
    }
  });
  if (store.poolUse) metrics.observePool(store.poolUse.bind(store));
}
