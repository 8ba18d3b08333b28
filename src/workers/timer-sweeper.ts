import type { Clock } from '../clock.ts';
import type { Engine } from '../engine/engine.ts';
import { ProblemError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { EngineStore } from '../store/engine-store.ts';
import type { TimerEntry } from '../store/records.ts';
import { backgroundLoop } from './background-loop.ts';

export interface TimerSweeperOptions {
  store: Pick<EngineStore, 'claimDueTimers'>;
  engine: Pick<Engine, 'fireTimer'>;
  clock: Clock;
  logger: Logger;
  /** How often the background loop looks for due timers. */
  intervalMs?: number;
  /** Timers claimed per query. */
  batchSize?: number;
  /** How long a claimed timer is this sweeper's alone; after that another instance may take it over. */
  leaseMs?: number;
  /** Told of each claimed timer and what became of it (for metrics); must be cheap. */
  observer?: TimerObserver;
}

/**
 * What became of a claimed timer: `fired`; `stale` (fired elsewhere, or the order moved on);
 * `failed` (an error, tried again at the next sweep); `unrestorable` (this release cannot restore
 * the order). `latenessMs`: fired (or given up) time minus due time.
 */
export interface TimerObserver {
  timer(timer: TimerEntry, outcome: 'fired' | 'stale' | 'failed' | 'unrestorable', latenessMs: number): void;
}

/**
 * What the sweeper has done, for `/healthz`. Lateness is fired time minus due time. `unrestorable`:
 * orders whose due timers it skips because this release cannot restore them (see `aftersales doctor`).
 */
export interface SweeperStats { fired: number; stale: number; failed: number; unrestorable: number; lastSweepAt: number | null; lastLatenessMs: number | null; maxLatenessMs: number }

const cannotRestore = (error: unknown): error is ProblemError => error instanceof ProblemError && error.problem.type === '/problems/unrestorable-order';

/**
 * Fires due timers as internal events through the engine, earliest first, one commit each.
 * Any number of sweepers may run against one store: each claims its timers (`FOR UPDATE SKIP LOCKED`
 * on PostgreSQL), so they share the work, and the order's version makes each timer fire once.
 * After downtime the first sweep catches up on everything that fell due meanwhile.
 */
export function createTimerSweeper({ store, engine, clock, logger, intervalMs = 1000, batchSize = 200, leaseMs = 60_000, observer }: TimerSweeperOptions) {
  const stats: SweeperStats = { fired: 0, stale: 0, failed: 0, unrestorable: 0, lastSweepAt: null, lastLatenessMs: null, maxLatenessMs: 0 };
  // Said once per order: its timers come round again after each lease, and are skipped quietly.
  const skipped = new Set<string>();

  async function sweepOnce(): Promise<number> {
    let fired = 0;
    const failedHere = new Set<string>();
    for (;;) {
      const now = clock.now();
      const due = (await store.claimDueTimers(now, batchSize, leaseMs)).filter((t) => !failedHere.has(`${t.orderId}/${t.name}/${t.dueAt}`));
      if (due.length === 0) break;
      let progressed = false;
      for (const t of due) {
        try {
          const outcome = await engine.fireTimer(t);
          if (outcome === 'fired') {
            const lateness = clock.now() - t.dueAt;
            stats.fired += 1;
            stats.lastLatenessMs = lateness;
            stats.maxLatenessMs = Math.max(stats.maxLatenessMs, lateness);
            fired += 1;
            progressed = true;
            logger.info('timer fired', { orderId: t.orderId, deadline: t.name, event: t.event, dueAt: new Date(t.dueAt).toISOString(), latenessMs: lateness });
            observer?.timer(t, 'fired', lateness);
          } else {
            stats.stale += 1;
            observer?.timer(t, 'stale', clock.now() - t.dueAt);
            failedHere.add(`${t.orderId}/${t.name}/${t.dueAt}`);
          }
        } catch (error) {
          failedHere.add(`${t.orderId}/${t.name}/${t.dueAt}`);
          if (cannotRestore(error)) {
            observer?.timer(t, 'unrestorable', clock.now() - t.dueAt);
            if (!skipped.has(t.orderId)) {
              skipped.add(t.orderId);
              stats.unrestorable = skipped.size;
              const { machine, machineVersion, state, reason } = error.problem;
              logger.warn('order cannot be restored by this release; its timers are skipped', { orderId: t.orderId, deadline: t.name, machine, machineVersion, state, reason });
            }
            continue;
          }
          stats.failed += 1;
          observer?.timer(t, 'failed', clock.now() - t.dueAt);
          logger.error('timer failed', { orderId: t.orderId, deadline: t.name, error: String(error) });
        }
      }
      if (!progressed && due.length < batchSize) break;
    }
    stats.lastSweepAt = clock.now();
    return fired;
  }

  const loop = backgroundLoop({ work: sweepOnce, intervalMs, logger, name: 'sweep' });
  return {
    stats,
    /** Fires everything due now; concurrent calls share one sweep. Resolves to the number fired. */
    sweep: loop.run,
    start: loop.start,
    stop: loop.stop,
  };
}

export type TimerSweeper = ReturnType<typeof createTimerSweeper>;
