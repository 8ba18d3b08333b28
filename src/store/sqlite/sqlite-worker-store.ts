import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Store } from '../store.ts';
import type { SqliteStore } from './sqlite-store.ts';
import { createSqliteDeliveryStore } from './sqlite-delivery-store.ts';
import { sqliteReads } from './sqlite-reader.ts';
import type { WriteOp, WriterStats } from './sqlite-writer.ts';
import { receiveError, type FromWriter, type ToWriter, type WriterRequest } from './writer-protocol.ts';

export interface SqliteWorkerStoreOptions {
  /** Called once if the writer thread dies; every write pending then or later is rejected. Default: stderr. */
  onWriterError?: (error: Error) => void;
}

/** The store with the worker it writes through (tests end it to see a crash handled). */
export interface SqliteWorkerStore extends SqliteStore {
  readonly writerThread: Worker;
}

// The writer is TypeScript, like the rest of the service. A worker does not inherit tsx's module
// hooks, and on Node 20 `execArgv: ['--import', 'tsx']` comes too late for the worker's entry
// (privatenumber/tsx#354), so a small script registers tsx in the thread and then imports the entry.
// It starts the same way under `npm start` (tsx), vitest, and the bench.
const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const writerScript = `import(${JSON.stringify(tsxApi)})
  .then(({ register }) => register())
  .then(() => import(${JSON.stringify(new URL('./writer-worker.ts', import.meta.url).href)}));`;

/**
 * The embedded store on an SQLite file, writer-thread mode: a worker thread owns the only
 * connection that writes (WAL, `synchronous=FULL`) and group-commits, so the SQL and fsync of one
 * batch run while this event loop serves the next requests. This thread reads on its own connection;
 * a write's promise settles only after the writer's COMMIT returned, so a read after it sees it.
 */
export async function openSqliteWorkerStore(file: string, { onWriterError = (e) => process.stderr.write(`${e.message}\n`) }: SqliteWorkerStoreOptions = {}): Promise<SqliteWorkerStore> {
  const worker = new Worker(writerScript, { eval: true, workerData: { file } });
  await new Promise<void>((resolve, reject) => {
    const failed = (error: unknown) => {
      done();
      reject(new Error(`the SQLite writer thread did not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error }));
    };
    const exited = (code: number) => failed(`exit code ${code}`);
    const ready = (m: FromWriter) => (done(), m.type === 'ready' ? resolve() : failed(`unexpected ${m.type}`));
    // Not removeAllListeners: Worker keeps its own listeners that start and stop its message port.
    const done = () => (worker.off('error', failed), worker.off('exit', exited), worker.off('message', ready));
    worker.on('error', failed).on('exit', exited).on('message', ready);
  });

  const db = new Database(file);
  db.pragma('busy_timeout = 5000');

  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let nextId = 1;
  let outgoing: WriterRequest[] = [];
  let stopped: Error | undefined;
  let closing: Promise<void> | undefined;
  let handoffMs = 0;

  const post = (message: ToWriter) => worker.postMessage(message);
  const send = () => {
    if (outgoing.length === 0) return;
    const started = performance.now();
    post({ type: 'write', requests: outgoing });
    outgoing = [];
    handoffMs += performance.now() - started;
  };
  const request = (op: WriteOp | { kind: 'stats' }) =>
    new Promise<unknown>((resolve, reject) => {
      if (stopped) return reject(stopped);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      if (op.kind === 'stats') return post({ type: 'stats', id });
      const started = performance.now();
      outgoing.push(op.kind === 'commit' ? { id, commitJson: JSON.stringify(op.commit) } : { id, op });
      handoffMs += performance.now() - started;
      // The writes of this turn of the event loop go to the writer in one message.
      if (outgoing.length === 1) setImmediate(send);
    });
  const settle = (id: number, fn: (p: { resolve: (value: unknown) => void; reject: (error: unknown) => void }) => void) => {
    const p = pending.get(id);
    pending.delete(id);
    if (p) fn(p);
  };
  const stop = (error: Error) => {
    if (stopped) return;
    stopped = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  worker.on('message', (m: FromWriter) => {
    if (m.type === 'done') for (const r of m.results) settle(r.id, (p) => (r.ok ? p.resolve(r.value) : p.reject(receiveError(r.error))));
    else if (m.type === 'stats') settle(m.id, (p) => p.resolve(m.stats));
  });
  worker.on('error', (error) => {
    const failure = new Error(`the SQLite writer thread failed: ${error.message}; pending and later writes are refused`, { cause: error });
    stop(failure);
    onWriterError(failure);
  });
  worker.on('exit', (code) => {
    if (closing || stopped) return stop(stopped ?? new Error('the SQLite store is closed'));
    const failure = new Error(`the SQLite writer thread exited (code ${code}); pending and later writes are refused`);
    stop(failure);
    onWriterError(failure);
  });

  const write = (op: WriteOp) => request(op);
  return {
    // The delivery worker's writes still go through this connection (a second writer, which waits
    // for the writer thread's lock through busy_timeout); moving them into writer ops is the next step.
    ...createSqliteDeliveryStore(db),
    ...sqliteReads(db),
    writerThread: worker,
    async migrate() {
      await write({ kind: 'migrate' });
    },
    async commit(commit) {
      await write({ kind: 'commit', commit });
    },
    async claimDueTimers(now, limit, leaseMs) {
      return (await write({ kind: 'claim', now, limit, leaseMs })) as Awaited<ReturnType<Store['claimDueTimers']>>;
    },
    async writerStats() {
      return { ...((await request({ kind: 'stats' })) as WriterStats), handoffMs };
    },
    close() {
      closing ??= (async () => {
        send();
        if (!stopped) {
          // The writer answers everything queued before it closes; then the thread ends.
          const closed = new Promise<void>((resolve) => worker.on('message', (m: FromWriter) => m.type === 'closed' && resolve()));
          const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
          post({ type: 'close' });
          await Promise.race([closed, exited]);
          await exited;
        }
        stop(new Error('the SQLite store is closed'));
        db.close();
      })();
      return closing;
    },
  };
}
