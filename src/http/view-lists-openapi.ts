import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { listAt, VIEW_LIST_LIMIT } from '../engine/bounded-view.ts';
import type { MachineVersion, ViewList } from '../engine/hosted-machine.ts';
import type { OrderExamples } from './openapi-examples.ts';
import { guarded, jsonResponse, linkHeader, problems } from './openapi-responses.ts';
import { boundedViewSchema, viewListQuerySchema } from './schemas.ts';
import { listParams } from './view-lists-routes.ts';

const orderId = z.object({ id: z.string().meta({ description: 'The order id given at creation', example: 'model-domestic' }) });
/** `claims/{claim}/evidence` → `ClaimsEvidence`. */
const pascal = (name: string) => name.replace(/\{\w+\}/g, '').replace(/(^|[-/]+)([a-z])/g, (_, _sep: string, letter: string) => letter.toUpperCase());

/** The schema of one entry of the list at `path` of a version's view (anything, when the schema does not say). */
function entrySchema(viewSchema: z.ZodObject, path: readonly string[]): z.ZodType {
  let at: z.ZodType | undefined = viewSchema;
  for (const key of path) {
    if (at instanceof z.ZodNullable) at = at.unwrap() as z.ZodType;
    if (key === '*') at = at instanceof z.ZodArray ? (at.element as z.ZodType) : undefined;
    else at = at instanceof z.ZodObject ? (at.shape as Record<string, z.ZodType>)[key] : undefined;
  }
  return at instanceof z.ZodArray ? (at.element as z.ZodType) : z.unknown();
}

/** The path parameters of a list's route: the order id, and the position of each entry its path goes through. */
const pathParams = (name: string) =>
  z.object({
    ...orderId.shape,
    ...Object.fromEntries(listParams(name).map((p) => [p, z.string().regex(/^\d+$/).meta({ description: `The position of the ${p} in its list, from 0 (the oldest)`, example: '0' })])),
  });

/** `GET /orders/{id}/<name>` for each of the view's growing lists (`HostedMachine.viewLists`). */
export function viewListsOperations(
  version: Pick<MachineVersion, 'viewSchema'>,
  examples: OrderExamples | undefined,
  lists: Readonly<Record<string, ViewList>> = {},
): ZodOpenApiPathsObject {
  // Entries show the lists inside them bounded, with their totals (a claim's evidence).
  const bounded = boundedViewSchema(version.viewSchema, lists);
  return Object.fromEntries(
    Object.entries(lists).map(([name, list]) => {
      const where = list.path.join('.');
      const page = z
        .object({
          orderId: z.string(),
          version: z.number().int().meta({ description: 'The version of the order the page was read from' }),
          total: z.number().int().meta({ description: `How many entries the list has in all (the order view's \`${list.path.at(-1)!}Total\`)` }),
          nextCursor: z.string().nullable().meta({ description: 'Send as cursor for the next page (also in the Link header); null on the last' }),
          entries: z.array(entrySchema(bounded, list.path)),
        })
        .meta({ id: `Order${pascal(name)}Page` });
      // The example order's list as it stands after its first event (often empty: a new order has one supplier and no parcel yet).
      const entries = examples ? (listAt(examples.applied, list.path) ?? []) : [];
      const example = examples ? { orderId: examples.applied.id, version: examples.applied.version, total: entries.length, nextCursor: null, entries } : undefined;
      return [
        `/orders/{id}/${name}`,
        {
          get: {
            operationId: `getOrder${pascal(name)}`,
            tags: ['Orders'],
            summary: `Every entry of the order's \`${where}\`, a page at a time`,
            description:
              `${list.description}. The order view shows the most recent ${VIEW_LIST_LIMIT} of them and their total; this pages through them all, in the view's order, ` +
              'up to `limit` entries (default 100, most 1000); `nextCursor` (and the Link header) fetch the next page, null on the last.',
            requestParams: { path: pathParams(name), query: viewListQuerySchema },
            responses: {
              200: jsonResponse('A page of the list', page, example, linkHeader),
              ...problems([...guarded, 404, 422]),
            },
          },
        },
      ];
    }),
  );
}
