import { tenantOfKeySql } from '../../tenancy/order-keys.ts';

/** Schema migrations, applied in order; each runs once and is recorded in `schema_migrations`. */
export const sqliteMigrations: string[] = [
  `CREATE TABLE orders (
     id TEXT PRIMARY KEY,
     version INTEGER NOT NULL,
     state TEXT NOT NULL,
     snapshot TEXT NOT NULL,
     create_hash TEXT NOT NULL,
     next_deadline_at INTEGER,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX orders_state ON orders (state, id);
   CREATE INDEX orders_next_deadline ON orders (next_deadline_at, id) WHERE next_deadline_at IS NOT NULL;
   CREATE TABLE history (
     order_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     type TEXT NOT NULL,
     payload TEXT NOT NULL,
     from_state TEXT,
     to_state TEXT NOT NULL,
     at INTEGER NOT NULL,
     idempotency_key TEXT,
     source TEXT NOT NULL,
     due_at INTEGER,
     PRIMARY KEY (order_id, seq)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE outbox (
     id TEXT PRIMARY KEY,
     order_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     action TEXT NOT NULL,
     payload TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     status TEXT NOT NULL DEFAULT 'pending',
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL,
     delivered_at INTEGER,
     last_error TEXT,
     lease_until INTEGER
   ) STRICT;
   CREATE INDEX outbox_order ON outbox (order_id, seq);
   CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
   CREATE TABLE timers (
     order_id TEXT NOT NULL,
     name TEXT NOT NULL,
     event TEXT NOT NULL,
     due_at INTEGER NOT NULL,
     PRIMARY KEY (order_id, name)
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX timers_due ON timers (due_at);
   CREATE TABLE idempotency (
     order_id TEXT NOT NULL,
     key TEXT NOT NULL,
     request_hash TEXT NOT NULL,
     status INTEGER NOT NULL,
     response TEXT NOT NULL,
     PRIMARY KEY (order_id, key)
   ) STRICT, WITHOUT ROWID;`,
  // Sweeper claims (`claimDueTimers`): a claimed timer is not handed out again before its lease ends.
  `ALTER TABLE timers ADD COLUMN lease_until INTEGER;`,
  // 3: delivery of side effects. History rows get a fan-out flag (rows from before this migration
  // count as dispatched: nobody could have subscribed to them); deliveries, their attempts, and
  // webhook subscriptions.
  `ALTER TABLE history ADD COLUMN dispatched INTEGER NOT NULL DEFAULT 0;
   UPDATE history SET dispatched = 1;
   CREATE INDEX history_undispatched ON history (at) WHERE dispatched = 0;
   CREATE TABLE webhook_subscriptions (
     id TEXT PRIMARY KEY,
     url TEXT NOT NULL,
     events TEXT NOT NULL,
     secret TEXT NOT NULL,
     description TEXT,
     created_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE deliveries (
     id TEXT PRIMARY KEY,
     notification_id TEXT NOT NULL,
     order_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     kind TEXT NOT NULL,
     channel TEXT NOT NULL,
     target TEXT NOT NULL,
     message TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'pending',
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL,
     lease_until INTEGER,
     delivered_at INTEGER,
     last_error TEXT,
     created_at INTEGER NOT NULL,
     UNIQUE (notification_id, channel, target)
   ) STRICT;
   CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
   CREATE INDEX deliveries_order ON deliveries (order_id, created_at);
   CREATE INDEX deliveries_target ON deliveries (channel, target, created_at);
   CREATE TABLE delivery_attempts (
     delivery_id TEXT NOT NULL,
     number INTEGER NOT NULL,
     at INTEGER NOT NULL,
     ok INTEGER NOT NULL,
     status_code INTEGER,
     error TEXT,
     duration_ms INTEGER NOT NULL,
     PRIMARY KEY (delivery_id, number)
   ) STRICT, WITHOUT ROWID;`,
  // 4: cheaper commits: every event rewrote this index's entry. `listOrders({ deadlineBefore })` reads
  // the timers' due-time index instead (an order's next deadline is its earliest timer), which each
  // commit writes anyway. Measured: about 10% less writer time per commit at 300,000 orders.
  `DROP INDEX orders_next_deadline;`,
  // 5: machine versions. Each order's version is a column (counted and migrated without reading
  // snapshots), and each history row names the version its event was applied with, so history
  // replays on it. The outbox drops its delivery columns: deliveries have their own table since 3.
  `ALTER TABLE orders ADD COLUMN machine_version INTEGER NOT NULL DEFAULT 1;
   UPDATE orders SET machine_version = json_extract(snapshot, '$.machine.version');
   CREATE INDEX orders_machine_version ON orders (machine_version, state, id);
   ALTER TABLE history ADD COLUMN machine_version INTEGER NOT NULL DEFAULT 1;
   UPDATE history SET machine_version = (SELECT o.machine_version FROM orders o WHERE o.id = history.order_id)
     WHERE EXISTS (SELECT 1 FROM orders o WHERE o.id = history.order_id);
   DROP INDEX outbox_due;
   ALTER TABLE outbox DROP COLUMN attempts;
   ALTER TABLE outbox DROP COLUMN next_attempt_at;
   ALTER TABLE outbox DROP COLUMN delivered_at;
   ALTER TABLE outbox DROP COLUMN last_error;
   ALTER TABLE outbox DROP COLUMN lease_until;
   CREATE INDEX outbox_pending ON outbox (created_at, id) WHERE status = 'pending';`,
  // 6: Idempotency-Key retention. Each record knows when its key was first used, so it expires and is
  // purged (oldest first, by this index). Records from before this migration take the time of the
  // history row their request wrote (the same commit); one without such a row, the migration's time.
  `ALTER TABLE idempotency ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
   UPDATE idempotency SET created_at = coalesce(
     (SELECT max(h.at) FROM history h WHERE h.order_id = idempotency.order_id AND h.idempotency_key = idempotency.key),
     CAST(unixepoch('subsec') * 1000 AS INTEGER));
   CREATE INDEX idempotency_created ON idempotency (created_at);`,
  // 7: tenants. An order's tenant is part of its key (tenancy/order-keys.ts), so existing rows belong
  // to the default tenant and no commit writes anything new: orders and deliveries get a virtual
  // column computed from the key, for the tenant's lists. The state index becomes the tenant's state
  // index (one index entry per event, as before). Subscriptions get their tenant; API keys their table.
  `ALTER TABLE orders ADD COLUMN tenant TEXT GENERATED ALWAYS AS (${tenantOfKeySql('id', 'instr')}) VIRTUAL;
   DROP INDEX orders_state;
   CREATE INDEX orders_tenant_state ON orders (tenant, state, id);
   CREATE INDEX orders_tenant ON orders (tenant, id);
   ALTER TABLE deliveries ADD COLUMN tenant TEXT GENERATED ALWAYS AS (${tenantOfKeySql('order_id', 'instr')}) VIRTUAL;
   CREATE INDEX deliveries_tenant ON deliveries (tenant, created_at, id);
   ALTER TABLE webhook_subscriptions ADD COLUMN tenant TEXT NOT NULL DEFAULT 'default';
   CREATE INDEX webhook_subscriptions_tenant ON webhook_subscriptions (tenant, created_at, id);
   CREATE TABLE api_keys (
     id TEXT PRIMARY KEY,
     tenant TEXT NOT NULL,
     name TEXT,
     scopes TEXT NOT NULL,
     secret_hash TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     revoked_at INTEGER
   ) STRICT;
   CREATE INDEX api_keys_tenant ON api_keys (tenant, created_at);`,
  // 8: list flags (`GET /orders?supplierRefundOwed=true`): what the machine version projects from each
  // snapshot, kept with every commit. `orders.list_flags` holds the order's flags (a JSON array; NULL for
  // an order stored before this migration, until the start fills it in, see `ordersWithoutListFlags`);
  // `order_flags` indexes them, one row per order and flag it has (most orders have none).
  `ALTER TABLE orders ADD COLUMN list_flags TEXT;
   CREATE INDEX orders_list_flags_unset ON orders (id) WHERE list_flags IS NULL;
   CREATE TABLE order_flags (
     order_id TEXT NOT NULL,
     flag TEXT NOT NULL,
     PRIMARY KEY (order_id, flag)
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX order_flags_flag ON order_flags (flag, order_id);`,
  // 9: one state index instead of two. Every event that changes an order's state rewrote an entry of
  // `orders_tenant_state` and one of `orders_machine_version`; one index keyed by (tenant, state,
  // machine version, id) serves what both did: the tenant's lists by state, and the version census
  // (a scan of this index alone). The migrator's and doctor's batches by version walk the primary key
  // in id order (one pass over the orders per migration, LIMIT stops each batch), where the old index
  // sorted every order of the version again for each batch. Measured: WAL pages written per event 8.74 -> 7.55 (BENCHMARKS.md, step 5).
  `DROP INDEX orders_tenant_state;
   DROP INDEX orders_machine_version;
   CREATE INDEX orders_tenant_state_version ON orders (tenant, state, machine_version, id);`,
];
