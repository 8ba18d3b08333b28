/**
 * The SQLite writer thread: owns the only connection that writes, and group-commits what the
 * store sends it. Requests that arrive while a batch is being written (SQL and fsync) are written
 * together in the next batch; each answer is sent only after the COMMIT of its batch has returned.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { openWriter } from './sqlite-writer.ts';
import { sendError, type FromWriter, type ToWriter, type WriterRequest } from './writer-protocol.ts';

const port = parentPort!;
const send = (message: FromWriter) => port.postMessage(message);
const writer = openWriter(new Database((workerData as { file: string }).file));

let queue: WriterRequest[] = [];
const flush = () => {
  const batch = queue;
  queue = [];
  if (batch.length === 0) return;
  const outcomes = writer.run(batch.map((r) => ('op' in r ? r.op : { kind: 'commit', commit: JSON.parse(r.commitJson) })));
  send({ type: 'done', results: batch.map((r, i) => { const o = outcomes[i]!; return o.ok ? { id: r.id, ok: true, value: o.value } : { id: r.id, ok: false, error: sendError(o.error) }; }) });
};

port.on('message', (message: ToWriter) => {
  if (message.type === 'write') {
    // Everything that arrives before this thread's event loop comes round joins the batch.
    if (queue.length === 0) setImmediate(flush);
    queue.push(...message.requests);
  } else if (message.type === 'stats') {
    send({ type: 'stats', id: message.id, stats: { ...writer.stats } });
  } else {
    flush();
    writer.close();
    send({ type: 'closed' });
    port.close();
  }
});
send({ type: 'ready' });
