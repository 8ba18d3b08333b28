import { Hono } from 'hono';
import type { OrderMachine } from '../../machines/order/index.ts';
import { machineGraph } from '../inspector/machine-graph.ts';
import { orderPathsDocument, type OrderPathsDocument } from '../model/paths.ts';

/**
 * `GET /machines/order`: the order machine as data (states, nesting, transitions, deadlines), for diagrams.
 * `GET /machines/order/paths`: the test paths generated from its graph (README, "Model-based tests").
 */
export function machinesRoutes({ machine }: { machine: OrderMachine }) {
  const app = new Hono();
  const graph = machineGraph(machine);
  // Generating the paths takes a second or two; the machine does not change while the process runs.
  let paths: OrderPathsDocument | undefined;
  app.get('/order', (c) => c.json(graph));
  app.get('/order/paths', (c) => c.json((paths ??= orderPathsDocument(machine))));
  return app;
}
