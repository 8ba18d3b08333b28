import type { Commit } from '../records.ts';

/**
 * One statement that writes a whole batch of commits (group commit), so a batch costs three round
 * trips (BEGIN, this, COMMIT) however many commits it holds. Each table's rows come as one JSON
 * parameter read with `json_to_recordset`: one `JSON.stringify` per table on our side, and the
 * snapshots and payloads go into their `json` columns as the text written.
 *
 * Each order's write is guarded as when it commits alone: the UPDATE on the order's version (or the
 * INSERT of a new order, which finds its id free) decides which commits win (`won`), and every
 * other row is written only for the winners. A commit that loses writes nothing. The statement
 * answers the winners (`won`) and the winners whose Idempotency-Key record was written (`keyed`):
 * a winner with a key that is not in `keyed` found it taken meanwhile, and the batch must not keep
 * its other rows (the caller rolls back and commits one by one).
 *
 * Timers and list flags are replaced as when a commit runs alone (DELETE then INSERT), in the form
 * one statement allows: the rows the commit no longer has are deleted, the others upserted (an
 * upserted timer loses its lease, as a re-inserted one did).
 */
export const batchStatement = `WITH
given AS (
  SELECT * FROM json_to_recordset($1::json) AS g(id text, version integer, state text, snapshot json, create_hash text,
    next_deadline_at bigint, created_at bigint, updated_at bigint, machine_version integer, list_flags json, expected integer)
),
updated AS (
  UPDATE orders o SET version = g.version, state = g.state, snapshot = g.snapshot, next_deadline_at = g.next_deadline_at,
    updated_at = g.updated_at, machine_version = g.machine_version, list_flags = g.list_flags
  FROM given g WHERE g.expected IS NOT NULL AND o.id = g.id AND o.version = g.expected
  RETURNING o.id
),
created AS (
  INSERT INTO orders (id, version, state, snapshot, create_hash, next_deadline_at, created_at, updated_at, machine_version, list_flags)
  SELECT id, version, state, snapshot, create_hash, next_deadline_at, created_at, updated_at, machine_version, list_flags
  FROM given WHERE expected IS NULL
  ON CONFLICT (id) DO NOTHING
  RETURNING id
),
won AS (SELECT id FROM updated UNION ALL SELECT id FROM created),
flag_rows AS (
  SELECT * FROM json_to_recordset($2::json) AS f(order_id text, flag text) WHERE order_id IN (SELECT id FROM won)
),
flags_gone AS (
  DELETE FROM order_flags f
  WHERE f.order_id = ANY ($3::text[]) AND f.order_id IN (SELECT id FROM won)
    AND NOT EXISTS (SELECT 1 FROM flag_rows n WHERE n.order_id = f.order_id AND n.flag = f.flag)
),
flags_new AS (
  INSERT INTO order_flags (order_id, flag) SELECT order_id, flag FROM flag_rows ON CONFLICT DO NOTHING
),
history_new AS (
  INSERT INTO history (order_id, seq, type, payload, from_state, to_state, at, idempotency_key, source, due_at, machine_version)
  SELECT order_id, seq, type, payload, from_state, to_state, at, idempotency_key, source, due_at, machine_version
  FROM json_to_recordset($4::json) AS h(order_id text, seq integer, type text, payload json, from_state text, to_state text,
    at bigint, idempotency_key text, source text, due_at bigint, machine_version integer)
  WHERE order_id IN (SELECT id FROM won)
),
outbox_new AS (
  INSERT INTO outbox (id, order_id, seq, action, payload, created_at)
  SELECT id, order_id, seq, action, payload, created_at
  FROM json_to_recordset($5::json) AS e(id text, order_id text, seq integer, action text, payload json, created_at bigint)
  WHERE order_id IN (SELECT id FROM won)
),
timer_rows AS (
  SELECT * FROM json_to_recordset($6::json) AS t(order_id text, name text, event text, due_at bigint) WHERE order_id IN (SELECT id FROM won)
),
timers_gone AS (
  DELETE FROM timers t
  WHERE t.order_id IN (SELECT id FROM won)
    AND NOT EXISTS (SELECT 1 FROM timer_rows n WHERE n.order_id = t.order_id AND n.name = t.name)
),
timers_new AS (
  INSERT INTO timers (order_id, name, event, due_at) SELECT order_id, name, event, due_at FROM timer_rows
  ON CONFLICT (order_id, name) DO UPDATE SET event = excluded.event, due_at = excluded.due_at, lease_until = NULL
),
keyed AS (
  -- A record of the key that has expired is replaced; a live one is left as it is (the commit is not in keyed).
  INSERT INTO idempotency (order_id, key, request_hash, status, response, created_at)
  SELECT order_id, key, request_hash, status, response, created_at
  FROM json_to_recordset($7::json) AS i(order_id text, key text, request_hash text, status integer, response json, created_at bigint)
  WHERE order_id IN (SELECT id FROM won)
  ON CONFLICT (order_id, key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status,
    response = excluded.response, created_at = excluded.created_at
  WHERE idempotency.created_at < (
    SELECT x.expired_before FROM json_to_recordset($7::json) AS x(order_id text, key text, expired_before bigint)
    WHERE x.order_id = excluded.order_id AND x.key = excluded.key)
  RETURNING order_id
)
SELECT id, false AS keyed FROM won UNION ALL SELECT order_id, true FROM keyed`;

/** The parameters of `batchStatement` for `commits` (at most one per order). */
export function batchParams(commits: readonly Commit[]): unknown[] {
  const orders: unknown[] = [];
  const flags: { order_id: string; flag: string }[] = [];
  const flagged: string[] = [];
  const history: unknown[] = [];
  const outbox: unknown[] = [];
  const timers: unknown[] = [];
  const keys: unknown[] = [];
  for (const c of commits) {
    const o = c.order;
    orders.push({
      id: o.id, version: o.version, state: o.state, snapshot: o.snapshot, create_hash: o.createHash, next_deadline_at: o.nextDeadlineAt,
      created_at: o.createdAt, updated_at: o.updatedAt, machine_version: o.snapshot.machine.version, list_flags: o.listFlags ?? null, expected: c.expectedVersion,
    });
    if (c.listFlags) {
      flagged.push(o.id);
      for (const flag of c.listFlags) flags.push({ order_id: o.id, flag });
    }
    const h = c.history;
    history.push({
      order_id: h.orderId, seq: h.seq, type: h.type, payload: h.payload ?? {}, from_state: h.fromState, to_state: h.toState, at: h.at,
      idempotency_key: h.idempotencyKey, source: h.source, due_at: h.dueAt, machine_version: h.machineVersion,
    });
    for (const e of c.outbox) outbox.push({ id: e.id, order_id: e.orderId, seq: e.seq, action: e.action, payload: e.payload ?? {}, created_at: e.createdAt });
    for (const t of c.timers) timers.push({ order_id: t.orderId, name: t.name, event: t.event, due_at: t.dueAt });
    const i = c.idempotency;
    if (i) {
      keys.push({
        order_id: i.orderId, key: i.key, request_hash: i.requestHash, status: i.status, response: i.response ?? {}, created_at: i.createdAt, expired_before: i.expiredBefore,
      });
    }
  }
  const text = JSON.stringify;
  return [text(orders), text(flags), flagged, text(history), text(outbox), text(timers), text(keys)];
}
