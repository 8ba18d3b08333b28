import { orderBody } from '../../support/test-app.ts';
import { checkHistories, type FaultFigures } from './check-histories.ts';
import { seededRandom } from './seeded-random.ts';
import type { Fleet } from './service-fleet.ts';

const DAY = 86_400_000;

export interface LoadUnderFaultsOptions {
  fleet: Fleet;
  /** How many faults to inject, one every `faultEveryMs[0]` to `faultEveryMs[1]` ms (drawn from the seed). */
  faults: number;
  faultEveryMs: [number, number];
  /** The fault: `kill -9` of an instance and its restart, a connection cut… Returns what it did, for the log. */
  inject: (fault: number, random: () => number) => Promise<string>;
  /** Concurrent clients sending events. */
  clients: number;
  /** Orders the clients share; each has two deadlines, the second falling due during the run. */
  orders: number;
  /** The seed of every random choice (fault times, victims, orders): rerun with it to repeat a run. */
  seed: number;
  /** How long to wait, after the last fault, for every due timer to have fired. */
  settleMs: number;
  log?: (line: string) => void;
}

/** What one client request came to. `unknown`: no answer even after retries with the same key. */
type Outcome = 'acknowledged' | 'refused' | 'unknown';

async function post(url: string, body: unknown, key?: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(body), signal: AbortSignal.timeout(20_000) });
  await res.arrayBuffer();
  return { status: res.status, retryAfter: res.headers.get('retry-after'), problem: res.headers.get('content-type') === 'application/problem+json' };
}

/**
 * Load while faults are injected. Clients send events with unique notes and Idempotency-Keys; a
 * request that got no answer or a 5xx is retried with the same key, as a careful client does.
 * Then every order's history is checked (see `checkHistories`). The figures count the answers by
 * status, and the 503s that came without `Retry-After` or not as problem+json.
 */
export async function loadUnderFaults({ fleet, faults, faultEveryMs, inject, clients, orders, seed, settleMs, log = () => {} }: LoadUnderFaultsOptions): Promise<FaultFigures> {
  const random = seededRandom(seed);
  const startedAt = Date.now();
  const runMs = (faults * (faultEveryMs[0] + faultEveryMs[1])) / 2;
  // Half the orders are overdue at creation (both deadlines fire at once, a catch-up);
  // the other half get their second deadline during the faults.
  const plan = Array.from({ length: orders }, (_, i) => {
    const secondDueAt = i % 2 === 0 ? startedAt - DAY : startedAt + 1000 + Math.floor(random() * runMs);
    return { id: `fault-${i}`, shipBy: new Date(secondDueAt - 2 * DAY).toISOString(), dueAts: [secondDueAt - DAY, secondDueAt] };
  });
  for (const o of plan) {
    const { status } = await post(`${await fleet.next()}/orders`, orderBody({ id: o.id, shipBy: o.shipBy }));
    if (status !== 201) throw new Error(`creating ${o.id} answered ${status}`);
  }

  const outcomes = new Map<string, { orderId: string; outcome: Outcome }>();
  const statuses = new Map<number, number>();
  let badUnavailable = 0;
  let stopping = false;
  const client = async (c: number) => {
    const pick = seededRandom(seed + c + 1);
    for (let n = 0; !stopping; n++) {
      const orderId = plan[Math.floor(pick() * plan.length)]!.id;
      const note = `c${c}-${n}`;
      let outcome: Outcome = 'unknown';
      for (let attempt = 0; attempt < 100 && outcome === 'unknown'; attempt++) {
        const url = await fleet.next(); // throws when every instance died by itself: the run is over
        try {
          const res = await post(`${url}/orders/${orderId}/events`, { type: 'SUPPLIER_CONTACTED', payload: { note } }, note);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 503 && (!res.retryAfter || !res.problem)) badUnavailable += 1;
          if (res.status === 200) outcome = 'acknowledged';
          else if (res.status >= 400 && res.status < 500) outcome = 'refused';
        } catch {
          statuses.set(0, (statuses.get(0) ?? 0) + 1); // no answer: the process died mid-request, or the socket was cut
        }
        if (outcome === 'unknown') await new Promise((resolve) => setTimeout(resolve, 100));
      }
      outcomes.set(note, { orderId, outcome });
    }
  };
  const load = Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  load.catch(() => (stopping = true)); // every instance died: no more faults; `await load` below throws why

  for (let k = 0; k < faults && !stopping; k++) {
    await new Promise((resolve) => setTimeout(resolve, faultEveryMs[0] + random() * (faultEveryMs[1] - faultEveryMs[0])));
    log(`fault ${k + 1}/${faults}: ${await inject(k, random)}; ${outcomes.size} requests so far`);
  }
  stopping = true;
  await load;
  const figures = await checkHistories({ fleet, plan, outcomes, faults, settleMs, startedAt, log });
  return { ...figures, statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)), unavailableWithoutRetryAfter: badUnavailable };
}

/** The classic fault: `kill -9` of a random instance, and a new process in its place. */
export const crashAnInstance = (fleet: Fleet) => async (_fault: number, random: () => number) => {
  const victim = Math.floor(random() * fleet.size);
  const t = Date.now();
  await fleet.crash(victim);
  return `instance ${victim} killed and back in ${Date.now() - t} ms`;
};
