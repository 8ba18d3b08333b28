import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../../support/postgres.ts';
import type { CrashFigures } from './crash-check.ts';
import { crashUnderLoad, type CrashRunOptions } from './crash-run.ts';
import { startFleet } from './service-fleet.ts';

/** The service's settings in every crash run: fast sweeps, and deadlines of one and two days. */
const serviceEnv = { SWEEP_INTERVAL_MS: '50', EXPEDITE_AFTER_DAYS: '1', SWITCH_SUPPLIER_AFTER_DAYS: '2' };

/**
 * A crash run on a database of its own, removed afterwards: one instance on an SQLite file, or
 * `instances` on a PostgreSQL database (`AFTERSALES_PG_URL` names the server).
 */
export async function crashScenario(store: 'sqlite' | 'postgres', options: Omit<CrashRunOptions, 'fleet'> & { instances?: number; env?: Record<string, string> }): Promise<CrashFigures> {
  const { instances = store === 'sqlite' ? 1 : 2, env = {}, ...run } = options;
  let database: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (store === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'aftersales-crash-'));
    database = { DATABASE_FILE: join(dir, 'crash.db') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const db = await createTestDatabase('crash');
    database = { DATABASE_URL: db.url };
    cleanup = db.drop;
  }
  const fleet = await startFleet(instances, { ...serviceEnv, ...database, ...env });
  try {
    const figures = await crashUnderLoad({ fleet, ...run });
    const codes = await fleet.stop();
    if (codes.some((c) => c !== 0)) throw new Error(`an instance stopped with ${codes.join(', ')} after SIGTERM`);
    return figures;
  } finally {
    fleet.kill();
    await cleanup();
  }
}
