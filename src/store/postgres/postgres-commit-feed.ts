import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { isUnavailable } from './postgres-errors.ts';
import type { ChangeMessage, CommitFeed } from '../commit-feed.ts';
import type { Logger } from '../../logger.ts';

export interface PostgresCommitFeedOptions {
  /** The channel every instance of one database listens on. */
  channel?: string;
  /**
   * Commits are announced in batches, at most one `NOTIFY` per this many ms: a `NOTIFY` takes a
   * database-wide lock at commit, so one per event would throttle every writer.
   */
  flushMs?: number;
  /** How long to wait before connecting again after the connection dropped. */
  reconnectMs?: number;
  logger?: Pick<Logger, 'warn' | 'info'>;
}

/** `NOTIFY` payloads must stay under 8000 bytes; leave room for the envelope. */
const MAX_PAYLOAD = 7000;

/** Splits messages into JSON arrays of at most `MAX_PAYLOAD` bytes each. */
function chunks(messages: readonly ChangeMessage[]): string[] {
  const out: string[] = [];
  let batch: string[] = [];
  let size = 2;
  for (const m of messages) {
    const text = JSON.stringify(m);
    if (batch.length > 0 && size + text.length + 1 > MAX_PAYLOAD) {
      out.push(`[${batch.join(',')}]`);
      batch = [];
      size = 2;
    }
    batch.push(text);
    size += Buffer.byteLength(text) + 1;
  }
  if (batch.length > 0) out.push(`[${batch.join(',')}]`);
  return out;
}

const isChange = (m: unknown): m is ChangeMessage =>
  !!m && typeof m === 'object' && typeof (m as ChangeMessage).orderId === 'string' && Number.isInteger((m as ChangeMessage).version) && typeof (m as ChangeMessage).toState === 'string';

/**
 * The commits of every instance on one PostgreSQL database, through `LISTEN/NOTIFY` on a
 * connection of its own: each instance announces its commits (batched) and hears the others'.
 * A live view connected to any instance then follows an order whichever instance changed it.
 * Announcements are best effort: while the connection is down they are dropped (a view that
 * reconnects reads the order again).
 */
export async function openPostgresCommitFeed(url: string, { channel = 'aftersales_commits', flushMs = 25, reconnectMs = 1000, logger }: PostgresCommitFeedOptions = {}): Promise<CommitFeed> {
  const instance = randomUUID();
  const listeners = new Set<(change: ChangeMessage) => void>();
  let pending: ChangeMessage[] = [];
  let timer: NodeJS.Timeout | undefined;
  let client: pg.Client | undefined;
  let closed = false;

  const onNotification = (n: pg.Notification) => {
    if (n.channel !== channel || !n.payload) return;
    try {
      const { from, changes } = JSON.parse(n.payload) as { from?: string; changes?: unknown[] };
      if (from === instance || !Array.isArray(changes)) return;
      for (const change of changes.filter(isChange)) for (const listener of listeners) listener(change);
    } catch {
      // Not ours: another program may use the channel.
    }
  };

  let retrying: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    // Bounded like the store's connections: a database gone silent fails an announcement, and the
    // feed then drops the connection and connects again (else it would stay dead after the outage).
    const next = new pg.Client({ connectionString: url, application_name: 'aftersales live feed', connectionTimeoutMillis: 5000, query_timeout: 5000, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    next.on('notification', onNotification);
    // Only an established connection is replaced when it fails; a failed attempt throws below.
    next.on('error', (error) => {
      if (client !== next) return;
      logger?.warn('live feed connection failed', { error: error.message });
      drop(next);
    });
    next.on('end', () => client === next && drop(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    client = next;
  }

  function drop(gone: pg.Client) {
    client = undefined;
    void gone.end().catch(() => {});
    reconnect();
  }

  function reconnect() {
    if (closed || retrying) return;
    retrying = setTimeout(() => {
      retrying = undefined;
      connect().then(
        () => logger?.info('live feed connected again'),
        (error: Error) => {
          logger?.warn('live feed reconnect failed', { error: error.message });
          reconnect();
        },
      );
    }, reconnectMs);
    retrying.unref();
  }

  async function flush() {
    timer = undefined;
    const batch = pending;
    pending = [];
    const sender = client;
    if (!sender || batch.length === 0) return;
    for (const payload of chunks(batch)) {
      await sender.query('SELECT pg_notify($1, $2)', [channel, `{"from":${JSON.stringify(instance)},"changes":${payload}}`]).catch((error: Error) => {
        logger?.warn('live feed announcement failed', { error: error.message });
        if (client === sender && isUnavailable(error)) drop(sender);
      });
    }
  }

  await connect();
  return {
    publish(change) {
      if (closed || !client) return;
      pending.push(change);
      timer ??= setTimeout(() => void flush(), flushMs);
    },
    onRemote(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (retrying) clearTimeout(retrying);
      await flush();
      const last = client;
      client = undefined;
      // A connection that went silent never finishes its goodbye: do not wait for it long.
      await Promise.race([last?.end().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    },
  };
}
