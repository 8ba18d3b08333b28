/**
 * The CPU of the parts of an event's answer, each alone, on orders as the bench leaves them: 20
 * international orders created and driven 1 to 9 lifecycle events on (the bench's mix of states),
 * then each part timed over `--calls` calls (process CPU, user + system, per call; the last of 3 rounds).
 * For A/B of a change to the order view, the bounded view or the JSON of the answer, below what
 * `event-cpu.ts` can resolve on a busy machine.
 *
 *   npx tsx bench/response-parts.ts [--calls 20000] [--steps 1]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { orderMachine, sampleOrder } from '../machines/order/index.ts';
import { boundedView } from '../src/engine/bounded-view.ts';
import { createEngine } from '../src/engine/engine.ts';
import { instanceView } from '../src/engine/instance-view.ts';
import { restore, versionOf } from '../src/engine/snapshots.ts';
import { systemClock } from '../src/clock.ts';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.ts';
import { cpuPer } from './cpu-time.ts';
import { lifecycle, stepAfter } from './lifecycle.ts';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '20000' }, steps: { type: 'string', default: '1' } } });
const calls = Number(values.calls);
const dir = mkdtempSync(join(tmpdir(), 'aftersales-response-parts-'));
try {
  const store = await openSqliteStore(join(dir, 'parts.db'));
  const hosted = orderMachine();
  const engine = createEngine({ store, clock: systemClock, machine: hosted });
  const ids: string[] = [];
  for (let k = 0; k < 20; k++) {
    const id = `o-${k}`;
    await engine.createOrder(sampleOrder({ id, scope: 'international', shipBy: new Date(Date.now() + 30 * 86_400_000).toISOString() }));
    for (let p = 0; p < Number(values.steps) + (k % 9); p++) {
      const [type, payload] = lifecycle[stepAfter(p)]!;
      await engine.send(id, type, payload);
    }
    ids.push(id);
  }
  const orders = await Promise.all(
    ids.map(async (id) => {
      const record = (await store.getOrder(id))!;
      const version = versionOf(hosted, record.snapshot);
      return { record, version, snapshot: restore(version, record.snapshot), stored: JSON.stringify(record.snapshot) };
    }),
  );
  await store.close();
  const now = Date.now();
  const whole = (o: (typeof orders)[number]) => {
    const armed = o.version.armedDeadlines(o.snapshot);
    return instanceView(o.record, o.version, o.snapshot, armed, o.version.acceptedEvents(o.snapshot, now));
  };
  const wholes = orders.map(whole);
  const bounded = wholes.map((w) => boundedView(w, hosted.viewLists));
  const parts: [string, (i: number) => unknown][] = [
    ['armedDeadlines', (i) => orders[i]!.version.armedDeadlines(orders[i]!.snapshot)],
    ['acceptedEvents', (i) => orders[i]!.version.acceptedEvents(orders[i]!.snapshot, now)],
    ['orderView (the machine part)', (i) => orders[i]!.version.view(orders[i]!.snapshot, [], [])],
    ['instance view, whole', (i) => whole(orders[i]!)],
    ['boundedView', (i) => boundedView(wholes[i]!, hosted.viewLists)],
    ['JSON of the bounded view', (i) => JSON.stringify(bounded[i])],
    ['answer: view, bound, JSON', (i) => JSON.stringify(boundedView(whole(orders[i]!), hosted.viewLists))],
    ['JSON.parse of the snapshot', (i) => JSON.parse(orders[i]!.stored)],
    ['restore', (i) => restore(orders[i]!.version, orders[i]!.record.snapshot)],
  ];
  const rows: Record<string, string> = {};
  for (const [name, part] of parts) {
    let us = 0;
    for (let round = 0; round < 3; round++) {
      us = cpuPer(calls, () => {
        for (let c = 0; c < calls; c++) part(c % orders.length);
      }).us;
    }
    rows[name] = us.toFixed(2);
  }
  process.stdout.write(`${JSON.stringify({ usPerCall: rows, viewBytes: JSON.stringify(bounded[0]).length, snapshotBytes: orders[0]!.stored.length })}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
