import type { Commit } from '../records.ts';
import { StoreUnavailableError, VersionConflictError } from '../store.ts';
import type { PgQueryable } from './postgres-client.ts';
import { batchParams, batchStatement } from './postgres-batch-sql.ts';

export interface GroupCommitOptions {
  /** Runs `work` in one transaction (BEGIN … COMMIT, with the store's timeout). */
  transaction: <T>(work: (tx: PgQueryable) => Promise<T>) => Promise<T>;
  /** Commits one commit in a transaction of its own: what a commit of a failed batch is retried with. */
  commitAlone: (commit: Commit) => Promise<void>;
  /** Commits per transaction at most. */
  maxBatch?: number;
  /** Batches in flight at once (each holds a connection of the pool until its COMMIT returns). */
  maxInFlight?: number;
}

/** What the store's group commit has done so far, for the bench. */
export interface GroupCommitStats {
  /** Batch transactions that committed. */
  transactions: number;
  /** Commits written through them (won or lost their race). */
  ops: number;
  /** Time from BEGIN to the COMMIT's return, summed over the batches. */
  transactionMs: number;
  /** Batches that failed as a whole and were retried commit by commit. */
  retriedAlone: number;
}

/** Nothing committed yet (also what a store without group commit reports). */
export const noGroupCommits = (): GroupCommitStats => ({ transactions: 0, ops: 0, transactionMs: 0, retriedAlone: 0 });

interface Pending { commit: Commit; resolve: () => void; reject: (error: unknown) => void }

/** A winner of the batch found its Idempotency-Key taken: its other rows must not stay. */
class KeyTakenInBatch extends Error {}

/**
 * Group commit on PostgreSQL: the commits that arrive while earlier batches are in flight are
 * written together, one transaction and one WAL flush for all of them, in one statement
 * (`batchStatement`). Each commit is guarded as alone: one that loses its race rejects with
 * `VersionConflictError` and writes nothing, and the rest of its batch commits. Every promise
 * settles only after its batch's COMMIT has returned.
 *
 * When a batch fails as a whole (a statement error, a deadlock with another instance's batch, a key
 * taken meanwhile), it is rolled back and each of its commits is retried alone, so each caller hears
 * what it would have heard alone. When PostgreSQL is unreachable or too slow
 * (`StoreUnavailableError`), every caller of the batch hears that: whether it committed is unknown,
 * as for a commit alone, and retrying would only make them wait twice.
 */
export function postgresGroupCommit({ transaction, commitAlone, maxBatch = 200, maxInFlight = 4 }: GroupCommitOptions) {
  let waiting: Pending[] = [];
  let inFlight = 0;
  let scheduled = false;
  const stats = noGroupCommits();

  /** Up to `maxBatch` waiting commits, one per order (a second one of an order waits for the next batch). */
  const take = () => {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    const ids = new Set<string>();
    for (const p of waiting) {
      if (batch.length < maxBatch && !ids.has(p.commit.order.id)) {
        ids.add(p.commit.order.id);
        batch.push(p);
      } else rest.push(p);
    }
    waiting = rest;
    // By id, so that two instances' batches lock the orders they share in the same order.
    return batch.sort((a, b) => compare(a.commit.order.id, b.commit.order.id));
  };

  async function write(batch: Pending[]) {
    const started = performance.now();
    try {
      const won = await transaction(async (tx) => {
        const { rows } = await tx.query({ name: 'aftersales_commit_batch', text: batchStatement, values: batchParams(batch.map((p) => p.commit)) });
        const result = rows as { id: string; keyed: boolean }[];
        const ids = new Set(result.filter((r) => !r.keyed).map((r) => r.id));
        const keyed = new Set(result.filter((r) => r.keyed).map((r) => r.id));
        if (batch.some((p) => p.commit.idempotency && ids.has(p.commit.order.id) && !keyed.has(p.commit.order.id))) throw new KeyTakenInBatch();
        return ids;
      });
      stats.transactions++;
      stats.ops += batch.length;
      stats.transactionMs += performance.now() - started;
      for (const p of batch) {
        if (won.has(p.commit.order.id)) p.resolve();
        else p.reject(new VersionConflictError(p.commit.order.id));
      }
    } catch (error) {
      if (error instanceof StoreUnavailableError) {
        for (const p of batch) p.reject(error);
        return;
      }
      stats.retriedAlone++;
      await Promise.all(batch.map((p) => commitAlone(p.commit).then(p.resolve, p.reject)));
    }
  }

  const flush = () => {
    scheduled = false;
    while (waiting.length > 0 && inFlight < maxInFlight) {
      inFlight++;
      void write(take()).finally(() => {
        inFlight--;
        schedule();
      });
    }
  };
  // Everything that arrives before the event loop comes round joins the next batch.
  const schedule = () => {
    if (scheduled || waiting.length === 0) return;
    scheduled = true;
    setImmediate(flush);
  };

  return {
    stats,
    commit: (commit: Commit) =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ commit, resolve, reject });
        schedule();
      }),
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
