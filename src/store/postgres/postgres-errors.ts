import { StoreUnavailableError } from '../store.ts';

/**
 * SQLSTATEs that say the database cannot serve now, not that the statement is wrong: connection
 * exceptions (08), insufficient resources (53: too many connections, disk full), an administrator
 * or a crash ending the session (57P01–57P03), a statement cancelled by `statement_timeout` (57014),
 * a session ended by `idle_in_transaction_session_timeout` (25P03).
 */
const unavailableStates = /^(08|53|57P0[1-3]$|57014$|25P03$)/;

/** Errors of the socket itself (a refused, reset or unreachable connection). */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);

/** What `pg` says, without a code, when a connection died or did not answer in time. */
const lostConnection = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|connection error|Connection closed/i;

/** Whether `error` means PostgreSQL is unreachable or too slow, rather than a statement that is wrong. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return unavailableStates.test(code) || socketCodes.has(code);
  return lostConnection.test(error.message);
}

/** `error` as a `StoreUnavailableError` when it is one of those, else unchanged. */
export function asUnavailable(error: unknown): unknown {
  if (error instanceof StoreUnavailableError || !isUnavailable(error)) return error;
  return new StoreUnavailableError(`PostgreSQL: ${(error as Error).message}`, { cause: error });
}
