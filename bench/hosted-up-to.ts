import type { HostedMachine } from '../src/engine/hosted-machine.ts';

/**
 * The hosted machine with its versions up to `upTo` (all when absent), and the migrations between
 * those: `--machine-version 1` drives the host of today with the machine that 35bb4e2 ran, so a
 * before/after of the host (issue 11) leaves out what version 2's machine costs.
 */
export function hostedUpTo(machine: HostedMachine, upTo: string | undefined): HostedMachine {
  if (upTo === undefined || upTo === '') return machine;
  const n = Number(upTo);
  if (!machine.versions.some((v) => v.version === n)) throw new Error(`--machine-version: the order machine has versions ${machine.versions.map((v) => v.version).join(', ')}`);
  return { ...machine, versions: machine.versions.filter((v) => v.version <= n), migrations: machine.migrations.filter((m) => m.to <= n) };
}
