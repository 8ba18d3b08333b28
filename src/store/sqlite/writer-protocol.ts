import { VersionConflictError } from '../store.ts';
import type { WriteOp, WriterStats } from './sqlite-writer.ts';

/**
 * The messages between the store (main thread) and the SQLite writer thread. A commit travels as
 * its JSON text: `JSON.stringify` on the event loop and a string copy cost a fraction of a
 * structured clone of the commit's object graph (measured in the service: about 50 µs per commit).
 */
export type WriterRequest = { id: number; op: WriteOp } | { id: number; commitJson: string };
export type ToWriter = { type: 'write'; requests: WriterRequest[] } | { type: 'stats'; id: number } | { type: 'close' };
export type FromWriter =
  | { type: 'ready' }
  | { type: 'done'; results: WriterResult[] }
  | { type: 'stats'; id: number; stats: WriterStats }
  | { type: 'closed' };
export type WriterResult = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: SentError };

/** An error as it crosses the thread boundary: enough to rebuild the port's error. */
export interface SentError { name: string; message: string; code?: string; orderId?: string }

export function sendError(error: unknown): SentError {
  if (error instanceof VersionConflictError) return { name: error.name, message: error.message, orderId: error.orderId };
  const e = error as { name?: string; message?: string; code?: string };
  return { name: e?.name ?? 'Error', message: e?.message ?? String(error), ...(e?.code ? { code: e.code } : {}) };
}

export function receiveError(sent: SentError): Error {
  const cause = Object.assign(new Error(sent.message), { name: sent.name, ...(sent.code ? { code: sent.code } : {}) });
  if (sent.orderId !== undefined) return new VersionConflictError(sent.orderId, { cause });
  return cause;
}
