import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../../support/postgres.ts';
import type { FaultFigures } from './check-histories.ts';
import { crashAnInstance, loadUnderFaults, type LoadUnderFaultsOptions } from './load-under-faults.ts';
import { startFleet, type Fleet } from './service-fleet.ts';

/** The service's settings in every fault run: fast sweeps, and deadlines of one and two days. */
// A load test: every client shares one address and no key, so the per-key rate limit is off (as in the bench).
const serviceEnv = { SWEEP_INTERVAL_MS: '50', EXPEDITE_AFTER_DAYS: '1', SWITCH_SUPPLIER_AFTER_DAYS: '2', RATE_LIMIT_PER_SECOND: '0' };

/** Where the fleet keeps its data: an SQLite file, or a PostgreSQL database (its URL). */
export type Database = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/**
 * Runs `work` with `instances` service processes on a database of their own, removed afterwards:
 * an SQLite file, or a PostgreSQL database (`AFTERSALES_PG_URL` names the server). `connectVia`
 * rewrites the URL the services get (to put a proxy in between). The fleet is stopped with SIGTERM,
 * and every instance must exit with 0 and none may have died by itself.
 */
export async function withFleet<T>(
  store: 'sqlite' | 'postgres',
  { instances = store === 'sqlite' ? 1 : 2, env = {}, connectVia = (url) => url }: { instances?: number; env?: Record<string, string>; connectVia?: (url: string) => string },
  work: (fleet: Fleet, database: Database) => Promise<T>,
): Promise<T> {
  let database: Database;
  let cleanup: () => Promise<void>;
  if (store === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'aftersales-faults-'));
    database = { kind: 'sqlite', file: join(dir, 'faults.db') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const db = await createTestDatabase('faults');
    database = { kind: 'postgres', url: db.url };
    cleanup = db.drop;
  }
  const where: Record<string, string> = database.kind === 'sqlite' ? { DATABASE_FILE: database.file } : { DATABASE_URL: connectVia(database.url) };
  const fleet = await startFleet(instances, { ...serviceEnv, ...where, ...env });
  try {
    const result = await work(fleet, database);
    if (fleet.unexpectedExits.length > 0) throw new Error(`instances died by themselves: ${JSON.stringify(fleet.unexpectedExits)}`);
    const codes = await fleet.stop();
    if (codes.some((c) => c !== 0)) throw new Error(`an instance stopped with ${codes.join(', ')} after SIGTERM`);
    return result;
  } finally {
    fleet.kill();
    await cleanup();
  }
}

/** `kill -9` under load (see `loadUnderFaults`): one instance on SQLite, two on PostgreSQL. */
export function crashScenario(store: 'sqlite' | 'postgres', options: Omit<LoadUnderFaultsOptions, 'fleet' | 'inject'>): Promise<FaultFigures> {
  return withFleet(store, {}, (fleet) => loadUnderFaults({ fleet, inject: crashAnInstance(fleet), ...options }));
}
