import type { BacklogStore } from '../backlog-store.ts';
import type { DeliveryChannel } from '../delivery-records.ts';
import type { SqliteDatabase } from './sqlite-database.ts';

/** The backlog counts on SQLite, each from an index (timers by due time, the partial pending indexes, deliveries by status). */
export function sqliteBacklog(db: SqliteDatabase): BacklogStore {
  let statements: ReturnType<typeof prepare> | undefined;
  return {
    async backlog(now) {
      const sql = (statements ??= prepare(db));
      const timers = sql.timersDue.get(now) as { due: number; earliest: number | null };
      const deliveries = sql.deliveries.all(now) as { channel: DeliveryChannel; pending: number; due: number; dead: number }[];
      return {
        timersDue: timers.due,
        earliestDueAt: timers.earliest,
        outbox: { effects: (sql.effects.get() as { n: number }).n, history: (sql.history.get() as { n: number }).n },
        deliveries,
      };
    },
  };
}

function prepare(db: SqliteDatabase) {
  return {
    timersDue: db.prepare('SELECT COUNT(*) AS due, MIN(due_at) AS earliest FROM timers WHERE due_at <= ?'),
    effects: db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'"),
    history: db.prepare('SELECT COUNT(*) AS n FROM history WHERE dispatched = 0'),
    deliveries: db.prepare(
      `SELECT channel, SUM(status = 'pending') AS pending, SUM(status = 'pending' AND next_attempt_at <= ?) AS due, SUM(status = 'dead') AS dead
       FROM deliveries WHERE status IN ('pending', 'dead') GROUP BY channel ORDER BY channel`,
    ),
  };
}
