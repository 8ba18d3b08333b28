import { Hono } from 'hono';
import type { Engine } from '../engine/engine.ts';
import { orderPathsDocument, type OrderPathsDocument } from '../model/paths.ts';

/** The machines' own descriptions: the test paths generated from the order machine's graph. */
export function machinesRoutes({ engine }: { engine: Engine }) {
  const app = new Hono();
  // Generating the paths takes a second or two; the machine does not change while the process runs.
  let paths: OrderPathsDocument | undefined;

  app.get('/order/paths', (c) => c.json((paths ??= orderPathsDocument(engine.machine))));

  return app;
}
