import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { EngineStore } from '../store/engine-store.ts';

export interface IdempotencyPurgeOptions {
  store: Pick<EngineStore, 'purgeIdempotency'>;
  clock: Clock;
  logger: Logger;
  /** How long a key is honoured after its first use: records older than this are purged. */
  retentionMs: number;
  /** Records deleted per statement, each its own short transaction. */
  batchSize?: number;
  /** Purges at most this often (clock time), however often it is asked. */
  everyMs?: number;
}

/** What the purge has done, for logs and tests. */
export interface IdempotencyPurgeStats { purged: number; lastPurgeAt: number | null }

/**
 * Deletes the records of Idempotency-Keys past their retention, oldest first, in batches, until none
 * is left or the service stops. The engine already treats an expired key as new; the purge keeps the
 * table from growing with every request ever made. Run by the timer sweeper after its sweeps, so
 * every instance purges, and on PostgreSQL instances purging at once delete different records.
 */
export function createIdempotencyPurge({ store, clock, logger, retentionMs, batchSize = 1000, everyMs = 60_000 }: IdempotencyPurgeOptions) {
  const stats: IdempotencyPurgeStats = { purged: 0, lastPurgeAt: null };

  /** Purges if the last purge was `everyMs` ago or more; a failure is logged and the next call tries again. */
  async function purgeIfDue(stopping: AbortSignal): Promise<number> {
    const now = clock.now();
    if (stats.lastPurgeAt !== null && now >= stats.lastPurgeAt && now - stats.lastPurgeAt < everyMs) return 0;
    const createdBefore = now - retentionMs;
    let purged = 0;
    try {
      while (!stopping.aborted) {
        const deleted = await store.purgeIdempotency(createdBefore, batchSize);
        purged += deleted;
        if (deleted < batchSize) break;
      }
      stats.lastPurgeAt = now;
    } catch (error) {
      // Timers matter more: a failed purge does not fail the sweep; the keys wait for the next one.
      logger.warn('expired idempotency keys not purged; tried again at the next sweep', { purged, error: String(error) });
    }
    stats.purged += purged;
    if (purged > 0) logger.info('expired idempotency keys purged', { purged, createdBefore: new Date(createdBefore).toISOString() });
    return purged;
  }

  return { stats, purgeIfDue };
}

export type IdempotencyPurge = ReturnType<typeof createIdempotencyPurge>;
