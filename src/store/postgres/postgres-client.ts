import { StoreUnavailableError } from '../store.ts';
import { asUnavailable } from './postgres-errors.ts';

/** A statement with its own client-side timeout (`query_timeout`), for the long ones: migrations, lock waits. */
export interface PgStatement {
  text: string;
  values?: unknown[];
  query_timeout?: number;
  /** A prepared statement of this name on each connection: parsed and planned once per connection, not per call. */
  name?: string;
}

/** Something that runs one parameterised statement: a `pg` Pool or a client checked out of it. */
export interface PgQueryable {
  query(text: string | PgStatement, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/** A client checked out of the pool. */
export interface PgClient extends PgQueryable {
  release(destroy?: boolean | Error): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
}

/** The slice of a `pg` Pool this adapter uses. */
export interface PgPool extends PgQueryable {
  connect(): Promise<PgClient>;
  end(): Promise<void>;
  /** The pool's use, for the metrics (a `pg` Pool has them). */
  readonly totalCount?: number;
  readonly idleCount?: number;
  readonly waitingCount?: number;
  readonly options?: { max?: number };
}

const unavailable = (error: unknown) => Promise.reject(asUnavailable(error));

/**
 * The pool with every error that means "PostgreSQL cannot serve now" (a lost connection, a
 * timeout) turned into a `StoreUnavailableError`, so the API answers 503 and not 500.
 */
export function unavailableOnLostConnections(pool: PgPool): PgPool {
  return {
    query: (text, values) => pool.query(text, values).catch(unavailable),
    async connect() {
      const client = await pool.connect().catch(unavailable);
      return {
        query: (text, values) => client.query(text, values).catch(unavailable),
        release: (destroy) => client.release(destroy),
        on: (event, listener) => client.on(event, listener),
        off: (event, listener) => client.off(event, listener),
      };
    },
    end: () => pool.end(),
  };
}

/**
 * Checks out a client for `work`, listening to its `error` event meanwhile: PostgreSQL ending a
 * connection that is checked out but between statements (`pg_terminate_backend`, a restart) emits
 * it with nobody else listening, which would end the process. The next statement then fails, and
 * the client is destroyed instead of going back to the pool.
 */
export async function withClient<T>(pool: PgPool, work: (client: PgClient, health: ClientHealth) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const health: ClientHealth = { lost: undefined, broken: undefined };
  const onError = (error: Error) => void (health.lost ??= error);
  client.on('error', onError);
  try {
    return await work(client, health);
  } catch (error) {
    if (error instanceof StoreUnavailableError) health.broken ??= error;
    throw error;
  } finally {
    client.off('error', onError);
    client.release(health.lost ?? health.broken);
  }
}

/** What became of a checked-out client: `lost` (its connection ended), `broken` (not to be reused). */
export interface ClientHealth { lost: Error | undefined; broken: Error | undefined }

/**
 * Runs `work` in one transaction on one connection; rolls back on any error. With `timeoutMs`, the
 * caller hears a `StoreUnavailableError` once that time has passed, and the transaction sends no
 * statement after it (so it cannot commit late): a stuck lock or a silent database costs the
 * caller at most that long.
 */
export async function inTransaction<T>(pool: PgPool, work: (tx: PgQueryable) => Promise<T>, { timeoutMs }: { timeoutMs?: number } = {}): Promise<T> {
  let expired = false;
  let timer: NodeJS.Timeout | undefined;
  const attempt = withClient(pool, async (client, health) => {
    const tx: PgQueryable = {
      query(text, values) {
        if (expired) return Promise.reject(new StoreUnavailableError(`PostgreSQL: the transaction took longer than ${timeoutMs} ms`));
        if (health.lost) return Promise.reject(asUnavailable(health.lost));
        return client.query(text, values);
      },
    };
    try {
      await tx.query('BEGIN');
      const result = await work(tx);
      await tx.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that is lost or silent is destroyed (the server rolls back); a live one rolls back here.
      if (!(error instanceof StoreUnavailableError) && !health.lost) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => void (health.broken = rollbackError));
      }
      throw error;
    }
  }).finally(() => clearTimeout(timer));
  if (timeoutMs === undefined) return attempt;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      reject(new StoreUnavailableError(`PostgreSQL: the transaction took longer than ${timeoutMs} ms`));
    }, timeoutMs);
  });
  attempt.catch(() => {}); // when the deadline answered first
  expiry.catch(() => {});
  return Promise.race([attempt, expiry]);
}
