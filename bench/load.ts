/**
 * The load generator, run as its own process: autocannon against the service over real HTTP.
 *
 *   node --import tsx bench/load.ts --url http://127.0.0.1:PORT --mode events|noop \
 *     --connections 50 --duration 10 --warmup 2 --orders 10000 --state FILE [--share K/N]
 *
 * `events` drives POST /orders/:id/events. Each connection owns the orders whose index is its
 * number modulo the connection count (so no two requests race on one order), keeps a few of them
 * active, and walks each through the lifecycle below; 10% of the requests send an event the
 * order's state refuses (409) and 5% an invalid payload (422). FILE keeps each order's position
 * in the lifecycle between runs. `--share K/N` (0 ≤ K < N): this generator is the K-th of N
driving one database at once (one per instance), and its connections own only its share of the
orders, so no two generators race on one. `noop` sends the same bodies to the trivial route (the HTTP
 * ceiling). Prints one JSON object on stdout.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { benchOrderId, readPositions } from './preload.ts';
import { bodies, invalid, lifecycle, refused, stepAfter } from './lifecycle.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    mode: { type: 'string', default: 'events' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    orders: { type: 'string', default: '10000' },
    state: { type: 'string' },
    share: { type: 'string', default: '0/1' },
  },
});
const url = values.url!;
const connections = Number(values.connections);
const orders = Number(values.orders);
const [shareIndex, shares] = values.share.split('/').map(Number) as [number, number];
if (!(shareIndex >= 0 && shareIndex < shares)) throw new Error('--share is K/N with 0 <= K < N');
/** All connections of all generators: connection `index` of this one owns the orders `shareIndex * connections + index` modulo this. */
const owners = connections * shares;


/** Valid events applied to each order so far (its position in the lifecycle). */
const positions = values.state && existsSync(values.state) ? readPositions(values.state) : new Uint32Array(orders);
if (positions.length !== orders) throw new Error(`state file holds ${positions.length} orders, not ${orders}`);

const ACTIVE = 4;
const LIFETIME = lifecycle.length; // valid events an order gets before the connection moves on to another
// autocannon deep-clones the request definition for each of its connections and copies it
// (shallowly) before each setupRequest, so the object in `bench` is one per connection.
interface Connection { index?: number; active: { order: number; left: number }[]; pending?: { order: number; expect: number } }
let connectionCount = 0;
const open: Connection[] = [];
const tally = { expected: 0, accepted: 0, refused: 0, invalid: 0, unexpected: 0, unexpectedStatuses: {} as Record<string, number> };

function pickOrder(index: number) {
  const owner = shareIndex * connections + index;
  const perConnection = Math.floor((orders - 1 - owner) / owners) + 1;
  return owner + owners * Math.floor(Math.random() * perConnection);
}

function started(c: Connection): Required<Pick<Connection, 'index'>> & Connection {
  if (c.index === undefined) {
    c.index = connectionCount++;
    if (c.index >= connections || shareIndex * connections + c.index >= orders) throw new Error('more connections than orders or than expected');
    for (let i = 0; i < ACTIVE; i++) c.active.push({ order: pickOrder(c.index), left: LIFETIME });
    open.push(c);
  }
  return c as Required<Pick<Connection, 'index'>> & Connection;
}

/** A position from which the lifecycle goes on correctly, for each state the lifecycle visits. */
const positionOfState: Record<string, number> = {
  'preShipment.processing.awaitingShipment': 0,
  'inTransit.shipping.onTheWay': 1,
  'inTransit.shipping.customsHold': 2,
  delivered: 4,
  dispute: 5,
  'verification.awaitingPlatform': 6,
  'verification.awaitingResolution': 7,
  reship: 8,
};

const eventRequest = {
  method: 'POST' as const,
  headers: { 'content-type': 'application/json' },
  bench: { active: [] } as Connection,
  setupRequest(request: autocannon.Request & { bench: Connection }) {
    const c = started(request.bench);
    const slot = c.active[Math.floor(Math.random() * c.active.length)]!;
    if (slot.left === 0) Object.assign(slot, { order: pickOrder(c.index), left: LIFETIME });
    const roll = Math.random();
    const [body, expect] = roll < 0.05 ? [invalid, 422] : roll < 0.15 ? [refused, 409] : [bodies[stepAfter(positions[slot.order]!)]!, 200];
    c.pending = { order: slot.order, expect };
    if (expect === 200) slot.left--;
    request.path = `/orders/${benchOrderId(slot.order)}/events`;
    request.body = body;
    return request;
  },
  onResponse(this: { bench: Connection }, status: number, body: string) {
    const pending = this.bench.pending;
    if (!pending) return;
    this.bench.pending = undefined;
    if (status !== pending.expect) {
      tally.unexpected++;
      tally.unexpectedStatuses[status] = (tally.unexpectedStatuses[status] ?? 0) + 1;
      // A refusal names the order's state: go on from there.
      const state = status === 409 ? (JSON.parse(body) as { state?: string }).state : undefined;
      if (state !== undefined && positionOfState[state] !== undefined) positions[pending.order] = positionOfState[state];
      return;
    }
    tally.expected++;
    if (status === 200) {
      tally.accepted++;
      positions[pending.order]!++;
    } else if (status === 409) tally.refused++;
    else tally.invalid++;
  },
};

const noopRequest = { method: 'POST' as const, path: '/bench/noop', headers: { 'content-type': 'application/json' }, body: bodies[0]! };

/**
 * autocannon stops with requests in flight; the server may have applied them. Ask the service
 * where those orders stand, so the next run sends events they take.
 */
async function reconcile(waitMs: number) {
  await new Promise((resolve) => setTimeout(resolve, waitMs)); // let the server finish what it received
  for (const c of open.splice(0)) {
    if (!c.pending) continue;
    const order = (await (await fetch(`${url}/orders/${benchOrderId(c.pending.order)}`)).json()) as { state: string };
    const position = positionOfState[order.state];
    if (position === undefined) throw new Error(`order ${benchOrderId(c.pending.order)} left the bench lifecycle: ${order.state}`);
    positions[c.pending.order] = position;
  }
}

async function run(duration: number) {
  connectionCount = 0;
  for (const key of Object.keys(tally) as (keyof typeof tally)[]) if (key !== 'unexpectedStatuses') tally[key] = 0;
  tally.unexpectedStatuses = {};
  const result = await autocannon({ url, connections, duration, requests: [values.mode === 'noop' ? noopRequest : eventRequest] as autocannon.Request[] });
  await reconcile(result.latency.max + 200);
  return result;
}

if (Number(values.warmup) > 0) await run(Number(values.warmup));
const result = await run(Number(values.duration));
if (values.state && values.mode === 'events') writeFileSync(values.state, positions);

const seconds = result.duration;
process.stdout.write(
  `${JSON.stringify({
    mode: values.mode,
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / seconds,
    acceptedPerSecond: tally.accepted / seconds,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors + result.timeouts + tally.unexpected,
    connectionErrors: result.errors,
    timeouts: result.timeouts,
    statuses: values.mode === 'noop' ? { ok: result['2xx'], other: result.non2xx } : { accepted: tally.accepted, refused: tally.refused, invalid: tally.invalid, unexpected: tally.unexpected, unexpectedStatuses: tally.unexpectedStatuses },
  })}\n`,
);
