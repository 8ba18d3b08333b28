/**
 * The CPU of each step of an accepted event's path through the engine, alone, for the order machine's
 * versions 1 and 2 side by side: 18 international orders per version, driven 0 to 17 lifecycle events
 * on (two rounds of the bench's lifecycle), then each step of `decide` and of the answer timed over
 * `--calls` calls of the order's next lifecycle event (process CPU per call, median of `--rounds`).
 * The steps as the engine and the SQLite store run them; what one version costs more than the other.
 *
 *   npx tsx bench/engine-steps.ts [--calls 20000] [--rounds 5] [--only NAME,NAME] [--versions v1,v2]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { orderMachine, sampleOrder } from '../machines/order/index.ts';
import { boundedView } from '../src/engine/bounded-view.ts';
import { createEngine } from '../src/engine/engine.ts';
import { requestHash } from '../src/engine/hash.ts';
import type { HostedMachine, MachineVersion } from '../src/engine/hosted-machine.ts';
import { instanceView } from '../src/engine/instance-view.ts';
import { nextCommit } from '../src/engine/next-commit.ts';
import { createPureTransition } from '../src/engine/pure-transition.ts';
import { restore, versionOf } from '../src/engine/snapshots.ts';
import { systemClock } from '../src/clock.ts';
import type { OrderRecord } from '../src/store/records.ts';
import { commitParams } from '../src/store/sqlite/sqlite-rows.ts';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.ts';
import { cpuPer } from './cpu-time.ts';
import { hostedUpTo } from './hosted-up-to.ts';
import { lifecycle, stepAfter } from './lifecycle.ts';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '5' }, only: { type: 'string' }, versions: { type: 'string', default: 'v1,v2' } } });
const calls = Number(values.calls);
const rounds = Number(values.rounds);

interface Prepared { record: OrderRecord; stored: string; version: MachineVersion; type: string; payload: unknown }

async function prepare(hosted: HostedMachine, dir: string): Promise<Prepared[]> {
  const store = await openSqliteStore(join(dir, `v${hosted.versions.length}.db`));
  const engine = createEngine({ store, clock: systemClock, machine: hosted });
  const out: Prepared[] = [];
  for (let k = 0; k < 2 * (lifecycle.length - 1); k++) {
    const id = `o-${k}`;
    await engine.createOrder(sampleOrder({ id, scope: 'international', shipBy: new Date(Date.now() + 30 * 86_400_000).toISOString() }));
    for (let p = 0; p < k; p++) {
      const [type, payload] = lifecycle[stepAfter(p)]!;
      await engine.send(id, type, payload);
    }
    const record = (await store.getOrder(id))!;
    const [type, payload] = lifecycle[stepAfter(k)]!;
    out.push({ record, stored: JSON.stringify(record.snapshot), version: versionOf(hosted, record.snapshot), type, payload });
  }
  await store.close();
  return out;
}

function steps(hosted: HostedMachine, orders: Prepared[]) {
  const transitions = new Map(hosted.versions.map((v) => [v.version, createPureTransition(v.machine)]));
  const now = Date.now();
  const at = orders.map((o) => {
    const snapshot = restore(o.version, o.record.snapshot);
    const data = o.version.eventSchemas[o.type]!.parse(o.payload) as Record<string, unknown>;
    const event = Object.assign({}, data, { type: o.type, receivedAt: now });
    const [next, actions] = transitions.get(o.version.version)!(snapshot, event);
    const armed = o.version.armedDeadlines(next);
    const applied = { type: o.type, payload: data, at: now, idempotencyKey: null, source: 'client' as const, dueAt: null };
    const commit = nextCommit({ hosted, version: o.version, prev: o.record, id: o.record.id, createHash: o.record.createHash, next, armed, actions, event: applied });
    const accepted = o.version.acceptedEvents(next, now);
    const whole = instanceView(commit.order, o.version, next, armed, accepted);
    const bounded = boundedView(whole, hosted.viewLists);
    return { ...o, snapshot, data, event, next, actions, armed, applied, commit, accepted, whole, bounded };
  });
  const list: [string, (a: (typeof at)[number]) => unknown][] = [
    ['load: JSON.parse', (a) => JSON.parse(a.stored)],
    ['restore', (a) => restore(a.version, a.record.snapshot)],
    ['parse (zod)', (a) => a.version.eventSchemas[a.type]!.safeParse(a.payload)],
    ['check', (a) => a.version.check(a.snapshot, a.event)],
    ['can', (a) => a.snapshot.can(a.event)],
    ['transition', (a) => transitions.get(a.version.version)!(a.snapshot, a.event)],
    ['armedDeadlines', (a) => a.version.armedDeadlines(a.next)],
    ['nextCommit', (a) => nextCommit({ hosted, version: a.version, prev: a.record, id: a.record.id, createHash: a.record.createHash, next: a.next, armed: a.armed, actions: a.actions, event: a.applied })],
    ['acceptedEvents', (a) => a.version.acceptedEvents(a.next, now)],
    ['view (machine part)', (a) => a.version.view(a.next, a.armed, a.accepted)],
    ['instanceView', (a) => instanceView(a.commit.order, a.version, a.next, a.armed, a.accepted)],
    ['boundedView', (a) => boundedView(a.whole, hosted.viewLists)],
    ['JSON of the answer', (a) => JSON.stringify(a.bounded)],
    ['commitParams (JSON of the snapshot)', (a) => commitParams(a.commit)],
    ['requestHash', (a) => requestHash({ type: a.type, payload: a.data })],
  ];
  const only = values.only?.split(',');
  return { at, list: list.filter(([name]) => !only || only.some((o) => name.startsWith(o))) };
}

const dir = mkdtempSync(join(tmpdir(), 'aftersales-engine-steps-'));
try {
  const all = orderMachine();
  const v1 = hostedUpTo(all, '1');
  const wanted = values.versions.split(',');
  // Only the versions measured are driven: what one version's orders do to V8's object shapes can change another's timings.
  const table = {
    v1: wanted.includes('v1') ? steps(v1, await prepare(v1, dir)) : { at: [], list: [] },
    v2: wanted.includes('v2') ? steps(all, await prepare(all, dir)) : { at: [], list: [] },
  };
  const results: Record<string, Record<'v1' | 'v2', number[]>> = {};
  for (let r = 0; r < rounds; r++) {
    for (const v of (['v1', 'v2'] as const).filter((x) => wanted.includes(x))) {
      const { at, list } = table[v];
      for (const [name, step] of list) {
        const cpu = cpuPer(calls, () => {
          for (let c = 0; c < calls; c++) step(at[c % at.length]!);
        });
        ((results[name] ??= { v1: [], v2: [] })[v]).push(cpu.us);
      }
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const show = (xs: number[]) => (xs.length ? med(xs).toFixed(2) : '');
  const rows = Object.entries(results).map(([name, r]) => `| ${name} | ${show(r.v1)} | ${show(r.v2)} | ${r.v1.length && r.v2.length ? (med(r.v2) - med(r.v1)).toFixed(2) : ''} |`);
  process.stdout.write(['| step | v1 µs | v2 µs | v2 − v1 |', '| --- | ---: | ---: | ---: |', ...rows, ''].join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
