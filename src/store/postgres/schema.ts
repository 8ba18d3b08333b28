import { tenantOfKeySql } from '../../tenancy/order-keys.ts';

/**
 * Schema migrations, applied in order under an advisory lock; each runs once and is recorded in
 * `schema_migrations`. Text keys use the "C" collation, so ids and states sort bytewise as on SQLite
 * and whatever the database's locale. Times are epoch ms (BIGINT). JSON is `json`, not `jsonb`: it
 * keeps the text as written, and takes the `\u0000` escape that `jsonb` refuses.
 */
export const postgresMigrations: string[] = [
  `CREATE TABLE orders (
     id TEXT COLLATE "C" PRIMARY KEY,
     version INTEGER NOT NULL,
     state TEXT COLLATE "C" NOT NULL,
     snapshot JSON NOT NULL,
     create_hash TEXT NOT NULL,
     next_deadline_at BIGINT,
     created_at BIGINT NOT NULL,
     updated_at BIGINT NOT NULL
   );
   CREATE INDEX orders_state ON orders (state, id);
   CREATE INDEX orders_next_deadline ON orders (next_deadline_at, id) WHERE next_deadline_at IS NOT NULL;
   CREATE TABLE history (
     order_id TEXT COLLATE "C" NOT NULL,
     seq INTEGER NOT NULL,
     type TEXT NOT NULL,
     payload JSON NOT NULL,
     from_state TEXT COLLATE "C",
     to_state TEXT COLLATE "C" NOT NULL,
     at BIGINT NOT NULL,
     idempotency_key TEXT,
     source TEXT NOT NULL,
     due_at BIGINT,
     PRIMARY KEY (order_id, seq)
   );
   CREATE TABLE outbox (
     id TEXT COLLATE "C" PRIMARY KEY,
     order_id TEXT COLLATE "C" NOT NULL,
     seq INTEGER NOT NULL,
     action TEXT NOT NULL,
     payload JSON NOT NULL,
     created_at BIGINT NOT NULL,
     status TEXT NOT NULL DEFAULT 'pending',
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at BIGINT NOT NULL,
     delivered_at BIGINT,
     last_error TEXT,
     lease_until BIGINT
   );
   CREATE INDEX outbox_order ON outbox (order_id, seq);
   CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
   CREATE TABLE timers (
     order_id TEXT COLLATE "C" NOT NULL,
     name TEXT COLLATE "C" NOT NULL,
     event TEXT NOT NULL,
     due_at BIGINT NOT NULL,
     lease_until BIGINT,
     PRIMARY KEY (order_id, name)
   );
   CREATE INDEX timers_due ON timers (due_at);
   CREATE TABLE idempotency (
     order_id TEXT COLLATE "C" NOT NULL,
     key TEXT COLLATE "C" NOT NULL,
     request_hash TEXT NOT NULL,
     status INTEGER NOT NULL,
     response JSON NOT NULL,
     PRIMARY KEY (order_id, key)
   );`,
  // 2: delivery of side effects. History rows get a fan-out flag; rows from before this migration
  // count as dispatched (the column is added with DEFAULT true, which rewrites nothing, and the
  // default then becomes false for new rows). Deliveries, their attempts, webhook subscriptions.
  `ALTER TABLE history ADD COLUMN dispatched BOOLEAN NOT NULL DEFAULT true;
   ALTER TABLE history ALTER COLUMN dispatched SET DEFAULT false;
   CREATE INDEX history_undispatched ON history (at) WHERE NOT dispatched;
   CREATE TABLE webhook_subscriptions (
     id TEXT COLLATE "C" PRIMARY KEY,
     url TEXT NOT NULL,
     events JSON NOT NULL,
     secret TEXT NOT NULL,
     description TEXT,
     created_at BIGINT NOT NULL
   );
   CREATE TABLE deliveries (
     id TEXT COLLATE "C" PRIMARY KEY,
     notification_id TEXT COLLATE "C" NOT NULL,
     order_id TEXT COLLATE "C" NOT NULL,
     seq INTEGER NOT NULL,
     kind TEXT NOT NULL,
     channel TEXT NOT NULL,
     target TEXT COLLATE "C" NOT NULL,
     message JSON NOT NULL,
     status TEXT NOT NULL DEFAULT 'pending',
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at BIGINT NOT NULL,
     lease_until BIGINT,
     delivered_at BIGINT,
     last_error TEXT,
     created_at BIGINT NOT NULL,
     UNIQUE (notification_id, channel, target)
   );
   CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
   CREATE INDEX deliveries_order ON deliveries (order_id, created_at);
   CREATE INDEX deliveries_target ON deliveries (channel, target, created_at);
   CREATE TABLE delivery_attempts (
     delivery_id TEXT COLLATE "C" NOT NULL,
     number INTEGER NOT NULL,
     at BIGINT NOT NULL,
     ok BOOLEAN NOT NULL,
     status_code INTEGER,
     error TEXT,
     duration_ms INTEGER NOT NULL,
     PRIMARY KEY (delivery_id, number)
   );`,
  // 5: machine versions. Each order's version is a column (counted and migrated without reading
  // snapshots), and each history row names the version its event was applied with, so history
  // replays on it. The outbox drops its delivery columns: deliveries have their own table since 2.
  `ALTER TABLE orders ADD COLUMN machine_version INTEGER;
   UPDATE orders SET machine_version = (snapshot->'machine'->>'version')::integer;
   ALTER TABLE orders ALTER COLUMN machine_version SET NOT NULL;
   CREATE INDEX orders_machine_version ON orders (machine_version, state, id);
   ALTER TABLE history ADD COLUMN machine_version INTEGER;
   UPDATE history h SET machine_version = o.machine_version FROM orders o WHERE o.id = h.order_id;
   UPDATE history SET machine_version = 1 WHERE machine_version IS NULL;
   ALTER TABLE history ALTER COLUMN machine_version SET NOT NULL;
   DROP INDEX outbox_due;
   ALTER TABLE outbox DROP COLUMN attempts, DROP COLUMN next_attempt_at, DROP COLUMN delivered_at, DROP COLUMN last_error, DROP COLUMN lease_until;
   CREATE INDEX outbox_pending ON outbox (created_at, id) WHERE status = 'pending';`,
  // 4: Idempotency-Key retention. Each record knows when its key was first used, so it expires and is
  // purged (oldest first, by this index). Records from before this migration take the time of the
  // history row their request wrote (the same commit); one without such a row, the migration's time.
  `ALTER TABLE idempotency ADD COLUMN created_at BIGINT;
   UPDATE idempotency i SET created_at = coalesce(
     (SELECT max(h.at) FROM history h WHERE h.order_id = i.order_id AND h.idempotency_key = i.key),
     (extract(epoch FROM clock_timestamp()) * 1000)::bigint);
   ALTER TABLE idempotency ALTER COLUMN created_at SET NOT NULL;
   CREATE INDEX idempotency_created ON idempotency (created_at);`,
  // 5: tenants. An order's tenant is part of its key (tenancy/order-keys.ts), so existing rows belong
  // to the default tenant and no commit writes anything new: orders and deliveries get a column
  // computed from the key, for the tenant's lists. The state index becomes the tenant's state index
  // (one index entry per event, as before). Subscriptions get their tenant; API keys their table.
  `ALTER TABLE orders ADD COLUMN tenant TEXT COLLATE "C" GENERATED ALWAYS AS (${tenantOfKeySql('id', 'strpos')}) STORED;
   DROP INDEX orders_state;
   CREATE INDEX orders_tenant_state ON orders (tenant, state, id);
   CREATE INDEX orders_tenant ON orders (tenant, id);
   ALTER TABLE deliveries ADD COLUMN tenant TEXT COLLATE "C" GENERATED ALWAYS AS (${tenantOfKeySql('order_id', 'strpos')}) STORED;
   CREATE INDEX deliveries_tenant ON deliveries (tenant, created_at, id);
   ALTER TABLE webhook_subscriptions ADD COLUMN tenant TEXT COLLATE "C" NOT NULL DEFAULT 'default';
   CREATE INDEX webhook_subscriptions_tenant ON webhook_subscriptions (tenant, created_at, id);
   CREATE TABLE api_keys (
     id TEXT COLLATE "C" PRIMARY KEY,
     tenant TEXT COLLATE "C" NOT NULL,
     name TEXT,
     scopes JSON NOT NULL,
     secret_hash TEXT COLLATE "C" NOT NULL UNIQUE,
     created_at BIGINT NOT NULL,
     revoked_at BIGINT
   );
   CREATE INDEX api_keys_tenant ON api_keys (tenant, created_at);`,
  // 6 (SQLite's 8): list flags (`GET /orders?supplierRefundOwed=true`): what the machine version projects from each
  // snapshot, kept with every commit. `orders.list_flags` holds the order's flags (NULL for an order
  // stored before this migration, until the start fills it in, see `ordersWithoutListFlags`);
  // `order_flags` indexes them, one row per order and flag it has (most orders have none).
  `ALTER TABLE orders ADD COLUMN list_flags JSON;
   CREATE INDEX orders_list_flags_unset ON orders (id) WHERE list_flags IS NULL;
   CREATE TABLE order_flags (
     order_id TEXT COLLATE "C" NOT NULL,
     flag TEXT COLLATE "C" NOT NULL,
     PRIMARY KEY (order_id, flag)
   );
   CREATE INDEX order_flags_flag ON order_flags (flag, order_id);`,
  // 7 (SQLite's 9): one state index instead of two. Every event that changes an order's state rewrote an
  // entry of `orders_tenant_state` and one of `orders_machine_version`; one index keyed by (tenant,
  // state, machine version, id) serves what both did: the tenant's lists by state and the version census
  // (an index-only scan). The migrator's and doctor's batches by version walk the primary key in id order.
  `DROP INDEX orders_tenant_state;
   DROP INDEX orders_machine_version;
   CREATE INDEX orders_tenant_state_version ON orders (tenant, state, machine_version, id);`,
];
