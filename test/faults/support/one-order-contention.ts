import { orderBody } from '../../support/test-app.ts';
import { wholeHistory } from '../../support/whole-history.ts';
import type { Fleet } from './service-fleet.ts';

/** What `clients × events` concurrent valid events to one order came to. */
export interface ContentionFigures {
  sent: number;
  /** Answered 200 (applied). */
  applied: number;
  /** Answered 409 because the order was busy (contention), not because the state refused the event. */
  contended: number;
  /** Contention 409s without `Retry-After`. */
  contendedWithoutRetryAfter: number;
  /** Any other answer (counted by status in `statuses`). */
  other: number;
  statuses: Record<number, number>;
  /** Applied events missing from the history, events in it twice, refused events in it anyway. */
  lost: number;
  appliedTwice: number;
  refusedButApplied: number;
  durationMs: number;
}

/**
 * `clients` clients each send `events` valid events (`SUPPLIER_CONTACTED`, each with its own note
 * and Idempotency-Key) to one order, all at once, spread over the fleet's instances; a 409 is not
 * retried (the figure is what a client sees on its first try). Then the order's history is read:
 * every 200 must be in it once, no refused event at all.
 */
export async function oneOrderContention(fleet: Fleet, { clients, events, orderId = 'contended-1' }: { clients: number; events: number; orderId?: string }): Promise<ContentionFigures> {
  const base = await fleet.next();
  const created = await fetch(`${base}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(orderBody({ id: orderId })) });
  if (created.status !== 201) throw new Error(`creating ${orderId} answered ${created.status}`);
  const statuses = new Map<number, number>();
  const outcome = new Map<string, 'applied' | 'refused'>();
  let contended = 0;
  let contendedWithoutRetryAfter = 0;
  const started = Date.now();

  const client = async (c: number) => {
    for (let n = 0; n < events; n++) {
      const note = `client ${c} event ${n}`;
      const res = await fetch(`${await fleet.next()}/orders/${orderId}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `k-${c}-${n}` },
        body: JSON.stringify({ type: 'SUPPLIER_CONTACTED', payload: { note } }),
        signal: AbortSignal.timeout(60_000),
      });
      const body = (await res.json()) as { type?: string };
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      outcome.set(note, res.status === 200 ? 'applied' : 'refused');
      if (res.status === 409 && body.type === '/problems/conflict') {
        contended += 1;
        if (!res.headers.get('retry-after')) contendedWithoutRetryAfter += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const durationMs = Date.now() - started;

  // The history of 1,001 entries is two pages: every page is read, or the last events look lost.
  const { status, history } = await wholeHistory<{ type: string; payload: { note?: string } }>(base, orderId);
  if (status !== 200) throw new Error(`reading the history of ${orderId} answered ${status}`);
  const times = new Map<string, number>();
  for (const h of history) if (h.type === 'SUPPLIER_CONTACTED' && h.payload.note) times.set(h.payload.note, (times.get(h.payload.note) ?? 0) + 1);
  const applied = [...outcome.values()].filter((o) => o === 'applied').length;
  return {
    sent: clients * events,
    applied,
    contended,
    contendedWithoutRetryAfter,
    other: clients * events - applied - contended,
    statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
    lost: [...outcome].filter(([note, o]) => o === 'applied' && !times.has(note)).length,
    appliedTwice: [...times.values()].filter((n) => n > 1).length,
    refusedButApplied: [...outcome].filter(([note, o]) => o === 'refused' && times.has(note)).length,
    durationMs,
  };
}
