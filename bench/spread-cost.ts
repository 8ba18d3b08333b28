/**
 * Why the event path builds some objects with `Object.assign({}, record, added)` rather than
 * `{ ...record, ...added }`: on Node 20 (V8 11.3) each key that a literal adds after a spread builds a
 * new hidden class, every call. Prints ns per call (process CPU) of the shapes the path built.
 *
 *   npx tsx bench/spread-cost.ts
 */
import { cpuPer } from './cpu-time.ts';

const calls = 200_000;
function time(name: string, make: () => unknown) {
  let ns = 0;
  for (let round = 0; round < 3; round++) {
    // In thousands of calls, µs per unit is ns per call (and rounds as (µs * 1000) / calls did).
    ns = cpuPer(calls / 1000, () => {
      for (let i = 0; i < calls; i++) make();
    }).us;
  }
  return [name, Math.round(ns)] as const;
}
const item = () => JSON.parse('{"sku":"mug-blue","quantity":2,"unitPrice":1250}') as Record<string, unknown>;
const items = Array.from({ length: 64 }, item);
const applied = () => ({ type: 'SHIPPED', payload: {}, at: 1, idempotencyKey: null, source: 'client', dueAt: null });
const view = () => ({ id: 'b-1', state: 'delivered', status: 'open', a1: 1, a2: [2], a3: 3, a4: 4, a5: 5, a6: 6, a7: 7, a8: 8, a9: 9, a10: 10, a11: 11, a12: 12, a13: 13, a14: 14, a15: 15, a16: 16, a17: 17, a18: 18, a19: 19, a20: 20, a21: 21, a22: 22, a23: 23, a24: 24, a25: 25, a26: 26, a27: 27, a28: 28, a29: 29 });
let k = 0;
const rows = [
  time('item: spread + 4 new keys', () => ({ ...items[k++ & 63], refunded: 0, shipped: 1, lost: 0, toShip: 0 })),
  time('item: Object.assign', () => Object.assign({}, items[k++ & 63], { refunded: 0, shipped: 1, lost: 0, toShip: 0 })),
  time('history row: spread + 5 new keys', () => ({ ...applied(), orderId: 'b-1', seq: 2, fromState: 'a', toState: 'b', machineVersion: 2 })),
  time('history row: Object.assign', () => Object.assign({}, applied(), { orderId: 'b-1', seq: 2, fromState: 'a', toState: 'b', machineVersion: 2 })),
  time('32-key view: spread copy + a total', () => Object.assign({ ...view() }, { a2Total: 3 })),
  time('32-key view: assign copy + a total', () => Object.assign(Object.assign({}, view()), { a2Total: 3 })),
];
for (const [name, ns] of rows) process.stdout.write(`${name.padEnd(36)} ${ns} ns\n`);
