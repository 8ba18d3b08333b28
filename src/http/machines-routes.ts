import { Hono } from 'hono';
import { currentVersion, type HostedMachine } from '../engine/hosted-machine.ts';
import { notFound } from '../errors.ts';
import { machineGraph } from '../inspector/machine-graph.ts';
import { pathsDocument, type PathsDocument } from '../model/paths-document.ts';
import { noQuery } from './no-query.ts';

/**
 * `GET /machines/{id}` (the order machine: `/machines/order`): the newest version as data (states, nesting, transitions, deadlines), for diagrams.
 * `GET /machines/{id}/paths`: the test paths generated from its graph (README, "Model-based tests").
 */
export function machinesRoutes({ machine }: { machine: HostedMachine }) {
  const app = new Hono();
  const version = currentVersion(machine);
  const graph = machineGraph(machine.id, version);
  // Generating the paths takes a second or two; the machine does not change while the process runs.
  let paths: PathsDocument | undefined;
  app.get(`/${machine.id}`, noQuery, (c) => c.json(graph));
  app.get(`/${machine.id}/paths`, noQuery, (c) => {
    if (!version.model) throw notFound(`machine ${machine.id}@${version.version} has no model to generate paths from`);
    return c.json((paths ??= pathsDocument(machine.id, version)));
  });
  return app;
}
