import { parseArgs } from 'node:util';
import { crashScenario } from './support/fleet-on-database.ts';

/**
 * `kill -9` under load, as a script (the fault suite runs a short version in CI):
 *
 *   npx tsx test/faults/crash-under-load.ts --store sqlite --kills 10
 *   AFTERSALES_PG_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx test/faults/crash-under-load.ts --store postgres --kills 10
 *
 * Prints one line per kill and the figures as JSON; exits 1 if anything acknowledged was lost,
 * applied twice, or a due timer did not fire exactly once. The same --seed repeats the same kills.
 */
const { values } = parseArgs({
  options: {
    store: { type: 'string', default: 'sqlite' },
    kills: { type: 'string', default: '10' },
    clients: { type: 'string', default: '16' },
    orders: { type: 'string', default: '40' },
    seed: { type: 'string', default: '17' },
    'kill-every-ms': { type: 'string', default: '2000-5000' },
    'settle-ms': { type: 'string', default: '90000' },
  },
});
const store = values.store === 'postgres' ? 'postgres' : values.store === 'sqlite' ? 'sqlite' : undefined;
if (!store) throw new Error('--store is sqlite or postgres');
const [min, max] = values['kill-every-ms'].split('-').map(Number) as [number, number];

const figures = await crashScenario(store, {
  faults: Number(values.kills),
  clients: Number(values.clients),
  orders: Number(values.orders),
  seed: Number(values.seed),
  faultEveryMs: [min, max ?? min],
  settleMs: Number(values['settle-ms']),
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${JSON.stringify({ store, seed: Number(values.seed), ...figures })}\n`);
const ok = figures.lost === 0 && figures.appliedTwice === 0 && figures.refusedButApplied === 0 && figures.brokenHistories === 0 && figures.timersFiredOnce === figures.timersDue;
process.exit(ok ? 0 : 1);
