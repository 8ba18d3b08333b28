/**
 * The process's CPU time (user and system, all its threads) spent on a piece of work, per unit of
 * it: the measure every in-process bench reports (`event-cpu`, `engine-steps`, `commit-floor`, …).
 */
export interface CpuPerUnit {
  /** µs of CPU per unit, user and system together. */
  us: number;
  userUs: number;
  systemUs: number;
}

const perUnit = ({ user, system }: NodeJS.CpuUsage, units: number): CpuPerUnit => ({ us: (user + system) / units, userUs: user / units, systemUs: system / units });

/** CPU per unit of `run`, a synchronous loop that did `units` units of work. */
export function cpuPer(units: number, run: () => void): CpuPerUnit {
  const started = process.cpuUsage();
  run();
  return perUnit(process.cpuUsage(started), units);
}

/** CPU per unit of `run`, which resolves to the number of units it did. */
export async function cpuPerAsync(run: () => Promise<number>): Promise<CpuPerUnit & { units: number }> {
  const started = process.cpuUsage();
  const units = await run();
  return { ...perUnit(process.cpuUsage(started), units), units };
}
