import type { BacklogStore } from '../backlog-store.ts';
import type { DeliveryChannel } from '../delivery-records.ts';
import type { PgPool } from './postgres-client.ts';

/**
 * The backlog counts on PostgreSQL (one round trip, each count from an index), and the use of
 * `connections` (the `pg` Pool itself: a wrapper around it does not carry its counts).
 */
export function postgresBacklog(pool: PgPool, connections: PgPool = pool): BacklogStore {
  return {
    async backlog(now) {
      const { rows } = await pool.query(
        `SELECT (SELECT COUNT(*)::int FROM timers WHERE due_at <= $1) AS timers_due,
                (SELECT MIN(due_at) FROM timers WHERE due_at <= $1) AS earliest_due_at,
                (SELECT COUNT(*)::int FROM outbox WHERE status = 'pending') AS effects,
                (SELECT COUNT(*)::int FROM history WHERE NOT dispatched) AS history,
                (SELECT COALESCE(json_agg(d ORDER BY d.channel), '[]') FROM (
                   SELECT channel, COUNT(*) FILTER (WHERE status = 'pending')::int AS pending,
                          COUNT(*) FILTER (WHERE status = 'pending' AND next_attempt_at <= $1)::int AS due,
                          COUNT(*) FILTER (WHERE status = 'dead')::int AS dead
                   FROM deliveries WHERE status IN ('pending', 'dead') GROUP BY channel) d) AS deliveries`,
        [now],
      );
      const r = rows[0] as { timers_due: number; earliest_due_at: string | null; effects: number; history: number; deliveries: { channel: DeliveryChannel; pending: number; due: number; dead: number }[] };
      return {
        timersDue: r.timers_due,
        earliestDueAt: r.earliest_due_at === null ? null : Number(r.earliest_due_at),
        outbox: { effects: r.effects, history: r.history },
        deliveries: r.deliveries,
      };
    },
    poolUse() {
      return { max: connections.options?.max ?? 0, total: connections.totalCount ?? 0, idle: connections.idleCount ?? 0, waiting: connections.waitingCount ?? 0 };
    },
  };
}
