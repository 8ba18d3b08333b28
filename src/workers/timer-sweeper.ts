import type { Clock } from '../clock.ts';
import type { Engine } from '../engine/engine.ts';
import { ProblemError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { EngineStore } from '../store/engine-store.ts';
import type { TimerEntry } from '../store/records.ts';
import { StoreUnavailableError } from '../store/store.ts';
import { backgroundLoop } from './background-loop.ts';

export interface TimerSweeperOptions {
  store: Pick<EngineStore, 'claimDueTimers' | 'releaseTimers'>;
  engine: Pick<Engine, 'fireTimer'>;
  clock: Clock;
  logger: Logger;
  /** How often the background loop looks for due timers. */
  intervalMs?: number;
  /** Timers claimed per query. */
  batchSize?: number;
  /** Timers of a claim fired at once (each of another order). */
  concurrency?: number;
  /** How long a claimed timer is this sweeper's alone; after that another instance may take it over. */
  leaseMs?: number;
  /** Told of each claimed timer and what became of it (for metrics); must be cheap. */
  observer?: TimerObserver;
  /**
   * Upkeep done at the end of each sweep (the purge of expired Idempotency-Keys), in the same loop;
   * it handles its own errors, and ends early when `stopping` is aborted.
   */
  housekeeping?: (stopping: AbortSignal) => Promise<unknown>;
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
export function createTimerSweeper({ store, engine, clock, logger, intervalMs = 1000, batchSize = 200, concurrency = 8, leaseMs = 60_000, observer, housekeeping }: TimerSweeperOptions) {
  const stats: SweeperStats = { fired: 0, stale: 0, failed: 0, unrestorable: 0, lastSweepAt: null, lastLatenessMs: null, maxLatenessMs: 0 };
  // Said once per order: its timers come round again after each lease, and are skipped quietly.
  const skipped = new Set<string>();

  // Timers this sweeper claimed but could not fire because the database failed: still leased to
  // it, so no one else takes them before the lease ends; it tries them again first, next sweep.
  const unfinished = new Map<string, TimerEntry>();
  const keyOf = (t: TimerEntry) => `${t.orderId}/${t.name}/${t.dueAt}`;

  /** Fires one claimed timer; true when it fired. */
  async function fire(t: TimerEntry, failedHere: Set<string>): Promise<boolean> {
    unfinished.delete(keyOf(t));
    try {
      const outcome = await engine.fireTimer(t);
      if (outcome === 'fired') {
        const lateness = clock.now() - t.dueAt;
        stats.fired += 1;
        stats.lastLatenessMs = lateness;
        stats.maxLatenessMs = Math.max(stats.maxLatenessMs, lateness);
        logger.info('timer fired', { orderId: t.orderId, deadline: t.name, event: t.event, dueAt: new Date(t.dueAt).toISOString(), latenessMs: lateness });
        observer?.timer(t, 'fired', lateness);
        return true;
      }
      stats.stale += 1;
      observer?.timer(t, 'stale', clock.now() - t.dueAt);
      failedHere.add(keyOf(t));
    } catch (error) {
      failedHere.add(keyOf(t));
      if (cannotRestore(error)) {
        observer?.timer(t, 'unrestorable', clock.now() - t.dueAt);
        if (!skipped.has(t.orderId)) {
          skipped.add(t.orderId);
          stats.unrestorable = skipped.size;
          const { machine, machineVersion, state, reason } = error.problem;
          logger.warn('order cannot be restored by this release; its timers are skipped', { orderId: t.orderId, deadline: t.name, machine, machineVersion, state, reason });
        }
        return false;
      }
      if (error instanceof StoreUnavailableError) unfinished.set(keyOf(t), t);
      stats.failed += 1;
      observer?.timer(t, 'failed', clock.now() - t.dueAt);
      logger.error('timer failed', { orderId: t.orderId, deadline: t.name, error: String(error) });
    }
    return false;
  }

  /** Stopping with timers claimed and not fired: their claims go back, so another sweeper (or the next start) takes them at once. */
  async function giveBack(timers: TimerEntry[]) {
    if (timers.length === 0) return;
    try {
      await store.releaseTimers(timers);
      for (const t of timers) unfinished.delete(keyOf(t));
    } catch (error) {
      logger.warn('claimed timers not given back at stop; they are taken again when their lease ends', { timers: timers.length, error: String(error) });
    }
  }

  // `stopping` (SIGTERM): the commits in flight finish, and the rest of the claim is given back.
  async function sweepOnce(stopping: AbortSignal): Promise<number> {
    let fired = 0;
    const failedHere = new Set<string>();
    for (const t of [...unfinished.values()]) {
      if (stopping.aborted) break;
      if (await fire(t, failedHere)) fired += 1;
    }
    while (!stopping.aborted) {
      const due = (await store.claimDueTimers(clock.now(), batchSize, leaseMs)).filter((t) => !failedHere.has(keyOf(t)));
      if (due.length === 0) break;
      // A claim holds at most one timer per order, so they fire side by side (their commits share
      // fsyncs on SQLite, round trips on PostgreSQL); stopping lets the ones in flight finish.
      let progressed = false;
      let next = 0;
      const lane = async () => {
        while (!stopping.aborted && next < due.length) {
          if (await fire(due[next++]!, failedHere)) {
            fired += 1;
            progressed = true;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, lane));
      if (stopping.aborted) await giveBack(due.slice(next));
      if (!progressed && due.length < batchSize) break;
    }
    if (stopping.aborted) await giveBack([...unfinished.values()]);
    else await housekeeping?.(stopping);
    stats.lastSweepAt = clock.now();
    return fired;
  }

  const loop = backgroundLoop({ work: sweepOnce, intervalMs, logger, name: 'sweep' });
  return {
    stats,
    /** Fires everything due now (until `stop()`); concurrent calls share one sweep. Resolves to the number fired. */
    sweep: loop.run,
    start: loop.start,
    stop: loop.stop,
  };
}

export type TimerSweeper = ReturnType<typeof createTimerSweeper>;
