import { Hono } from 'hono';
import type { OrderMachine } from '../../machines/order/index.ts';
import { machineGraph } from '../inspector/machine-graph.ts';

/** `GET /machines/order`: the order machine as data (states, nesting, transitions, deadlines), for diagrams. */
export function machinesRoutes({ machine }: { machine: OrderMachine }) {
  const app = new Hono();
  const graph = machineGraph(machine);
  app.get('/order', (c) => c.json(graph));
  return app;
}
