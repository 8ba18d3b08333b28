import { Hono } from 'hono';
import type { HostedMachine, MachineVersion } from '../engine/hosted-machine.ts';
import { notFound } from '../errors.ts';
import { censusView } from '../inspector/census-view.ts';
import { machineGraph } from '../inspector/machine-graph.ts';
import { migrationMap, type MigrationMapEntry } from '../inspector/migration-map.ts';
import { versionChanges, type VersionChanges } from '../inspector/version-changes.ts';
import type { MigrationStore } from '../store/migration-store.ts';

export interface MachineVersionsRoutesOptions {
  machine: HostedMachine;
  /** Orders per machine version and state (the store's index). */
  store: Pick<MigrationStore, 'versionCensus'>;
}

/**
 * Every version of the hosted machine, for developers changing a flow and operators migrating:
 * - `GET /machines`: the machine this service hosts, its current version and its versions;
 * - `GET /machines/{id}/versions`: the versions this code has, and the migrations between them;
 * - `GET /machines/{id}/versions/{n}`: version n as data (as `GET /machines/{id}` gives the newest);
 * - `GET /machines/{id}/versions/{n}/changes`: what version n adds, removes and renames of version n-1, and the migration map;
 * - `GET /machines/{id}/census`: stored orders per version and state, and where migrating them would put them.
 */
export function machineVersionsRoutes({ machine, store }: MachineVersionsRoutesOptions) {
  const app = new Hono();
  const base = `/${machine.id}`;
  // The maps walk each version's model (a second or so for the order machine); definitions do not change while the process runs.
  const maps = new Map<string, MigrationMapEntry[]>();
  const mapOf = (from: MachineVersion, to: MachineVersion) => {
    const key = `${from.version}>${to.version}`;
    let map = maps.get(key);
    if (!map) maps.set(key, (map = migrationMap(machine, from, to)));
    return map;
  };
  const changes = new Map<number, VersionChanges>();

  const versionAt = (param: string) => {
    const version = /^\d{1,9}$/.test(param) ? machine.versions.find((v) => v.version === Number(param)) : undefined;
    if (!version) throw notFound(`machine ${machine.id} has no version ${JSON.stringify(param)}; it has ${machine.versions.map((v) => v.version).join(', ')}`);
    return version;
  };

  // The machines this service hosts: what a generic client (the inspector) starts from.
  app.get('/', (c) => c.json({ machines: [{ id: machine.id, current: machine.versions.at(-1)!.version, versions: machine.versions.map((v) => v.version) }] }));

  app.get(`${base}/versions`, (c) =>
    c.json({
      id: machine.id,
      current: machine.versions.at(-1)!.version,
      versions: machine.versions.map((v) => ({ version: v.version, fingerprint: v.fingerprint, clientEvents: Object.keys(v.eventSchemas).length, deadlines: Object.keys(v.deadlines).length })),
      migrations: machine.migrations.map((m) => ({ from: m.from, to: m.to })),
    }),
  );

  app.get(`${base}/versions/:version`, (c) => c.json(machineGraph(machine.id, versionAt(c.req.param('version')))));

  app.get(`${base}/versions/:version/changes`, (c) => {
    const to = versionAt(c.req.param('version'));
    const index = machine.versions.indexOf(to);
    if (index === 0) throw notFound(`version ${to.version} is the first version of ${machine.id}: there is nothing before it to compare with`);
    const from = machine.versions[index - 1]!;
    let found = changes.get(to.version);
    if (!found) changes.set(to.version, (found = versionChanges(machine, from, to, mapOf(from, to))));
    return c.json(found);
  });

  app.get(`${base}/census`, async (c) => c.json(censusView(machine, await store.versionCensus(), mapOf)));

  return app;
}
