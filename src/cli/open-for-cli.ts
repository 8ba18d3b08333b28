import { systemClock } from '../clock.ts';
import { readConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { orderMachineFrom } from '../order-wiring.ts';
import { openStore } from '../store/open-store.ts';

/** The store and the machine that `npm start` would open, from the same environment (DATABASE_URL or DATABASE_FILE). */
export async function openForCli({ quiet = false }: { quiet?: boolean } = {}) {
  const config = readConfig();
  const logger = createLogger({ level: quiet ? 'warn' : (config.LOG_LEVEL ?? 'info') });
  const { machine } = orderMachineFrom(config);
  const { store, database } = await openStore(config);
  return { config, logger, machine, store, database, clock: systemClock };
}
