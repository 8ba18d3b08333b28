import { orderBody } from '../../support/test-app.ts';
import { crashCheck, type CrashFigures } from './crash-check.ts';
import { seededRandom } from './seeded-random.ts';
import type { Fleet } from './service-fleet.ts';

const DAY = 86_400_000;

export interface CrashRunOptions {
  fleet: Fleet;
  /** How many `kill -9`, each followed by a restart of the killed instance. */
  kills: number;
  /** Concurrent clients sending events. */
  clients: number;
  /** Orders the clients share; each has two deadlines, the second falling due during the run. */
  orders: number;
  /** A kill comes every `killEveryMs[0]` to `killEveryMs[1]` ms (drawn from the seed). */
  killEveryMs: [number, number];
  /** The seed of every random choice (kill times, victims, orders): rerun with it to repeat a run. */
  seed: number;
  /** How long to wait, after the last kill, for every due timer to have fired. */
  settleMs: number;
  log?: (line: string) => void;
}

/** What one client request came to. `unknown`: no answer even after retries with the same key. */
type Outcome = 'acknowledged' | 'refused' | 'unknown';

async function post(url: string, body: unknown, key?: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
  await res.arrayBuffer();
  return res.status;
}

/**
 * `kill -9` under load. Clients send events with unique notes and Idempotency-Keys; a request
 * that got no answer (its process died) is retried with the same key on a live instance, as a
 * careful client does. Instances are killed and restarted at seeded random times. Then the check:
 * every acknowledged event is in its order's history once, none twice, no refused one applied,
 * and every timer that fell due fired exactly once.
 */
export async function crashUnderLoad({ fleet, kills, clients, orders, killEveryMs, seed, settleMs, log = () => {} }: CrashRunOptions): Promise<CrashFigures> {
  const random = seededRandom(seed);
  const startedAt = Date.now();
  const runMs = kills * (killEveryMs[0] + killEveryMs[1]) / 2;
  // Half the orders are overdue at creation (both deadlines fire at once, a catch-up);
  // the other half get their second deadline during the kills.
  const plan = Array.from({ length: orders }, (_, i) => {
    const secondDueAt = i % 2 === 0 ? startedAt - DAY : startedAt + 1000 + Math.floor(random() * runMs);
    return { id: `crash-${i}`, shipBy: new Date(secondDueAt - 2 * DAY).toISOString(), dueAts: [secondDueAt - DAY, secondDueAt] };
  });
  for (const o of plan) {
    const status = await post(`${await fleet.next()}/orders`, orderBody({ id: o.id, shipBy: o.shipBy }));
    if (status !== 201) throw new Error(`creating ${o.id} answered ${status}`);
  }

  const outcomes = new Map<string, { orderId: string; outcome: Outcome }>();
  let stopping = false;
  const client = async (c: number) => {
    const pick = seededRandom(seed + c + 1);
    for (let n = 0; !stopping; n++) {
      const orderId = plan[Math.floor(pick() * plan.length)]!.id;
      const note = `c${c}-${n}`;
      let outcome: Outcome = 'unknown';
      for (let attempt = 0; attempt < 50 && outcome === 'unknown'; attempt++) {
        try {
          const status = await post(`${await fleet.next()}/orders/${orderId}/events`, { type: 'SUPPLIER_CONTACTED', payload: { note } }, note);
          if (status === 200) outcome = 'acknowledged';
          else if (status >= 400 && status < 500) outcome = 'refused';
        } catch {
          // no answer: the process died mid-request; the same key again tells what happened
        }
        if (outcome === 'unknown') await new Promise((resolve) => setTimeout(resolve, 100));
      }
      outcomes.set(note, { orderId, outcome });
    }
  };
  const load = Promise.all(Array.from({ length: clients }, (_, c) => client(c)));

  for (let k = 0; k < kills; k++) {
    await new Promise((resolve) => setTimeout(resolve, killEveryMs[0] + random() * (killEveryMs[1] - killEveryMs[0])));
    const victim = Math.floor(random() * fleet.size);
    const t = Date.now();
    await fleet.crash(victim);
    log(`kill ${k + 1}/${kills}: instance ${victim} killed and back in ${Date.now() - t} ms; ${outcomes.size} requests so far`);
  }
  stopping = true;
  await load;
  return crashCheck({ fleet, plan, outcomes, kills, settleMs, startedAt, log });
}
