import { Hono } from 'hono';
import { z } from 'zod';
import { currentVersion, type HostedMachine } from '../engine/hosted-machine.ts';
import { zodIssues } from '../engine/zod-issues.ts';
import { invalidInput, notFound } from '../errors.ts';
import { machineGraph } from '../inspector/machine-graph.ts';
import { pathsDocument, type PathsDocument } from '../model/paths-document.ts';
import { pathsLines } from '../model/paths-lines.ts';

/** The query of `GET /machines/{id}/paths`: which version, and JSON or JSON Lines. */
export const pathsQuerySchema = z
  .object({
    version: z.coerce.number().int().min(1).optional().meta({ description: 'The machine version whose paths to generate; default: the newest' }),
    format: z.enum(['json', 'jsonl']).default('json').meta({ description: '`jsonl`: JSON Lines, one step per line, each path\'s creation first' }),
  })
  .strict();

/**
 * `GET /machines/{id}` (the order machine: `/machines/order`): the newest version as data (states, nesting, transitions, deadlines), for diagrams.
 * `GET /machines/{id}/paths[?version=n&format=jsonl]`: the test paths generated from its graph (docs/conformance-kit.md).
 */
export function machinesRoutes({ machine }: { machine: HostedMachine }) {
  const app = new Hono();
  const graph = machineGraph(machine.id, currentVersion(machine));
  // Generating the paths takes a second or two; the machine does not change while the process runs.
  const documents = new Map<number, PathsDocument>();
  app.get(`/${machine.id}`, (c) => c.json(graph));
  app.get(`/${machine.id}/paths`, (c) => {
    const query = pathsQuerySchema.safeParse(c.req.query());
    if (!query.success) throw invalidInput('the query is not valid', { errors: zodIssues(query.error) });
    const { version: wanted, format } = query.data;
    const version = wanted === undefined ? currentVersion(machine) : machine.versions.find((v) => v.version === wanted);
    if (!version) throw notFound(`machine ${machine.id} has no version ${wanted} (versions: ${machine.versions.map((v) => v.version).join(', ')})`);
    if (!version.model) throw notFound(`machine ${machine.id}@${version.version} has no model to generate paths from`);
    let document = documents.get(version.version);
    if (!document) documents.set(version.version, (document = pathsDocument(machine.id, version)));
    if (format === 'json') return c.json(document);
    return c.body(pathsLines(document).map((line) => `${JSON.stringify(line)}\n`).join(''), 200, { 'Content-Type': 'application/jsonl; charset=utf-8' });
  });
  return app;
}
