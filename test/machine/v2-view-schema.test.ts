import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import * as v1 from '../../machines/order/v1/index.ts';
import { acceptedEvents, armedDeadlines, createOrderMachine, orderItemSchema, orderView, sampleOrder } from '../../machines/order/v2/index.ts';
import { migrateFromV1 } from '../../machines/order/v2/from-v1.ts';
import { orderViewSchema } from '../../machines/order/v2/view-schema.ts';
import { createdAt, HOUR, walk, type Step } from '../support/v2-walk.ts';

// Version 2's view schema as it is published (its JSON Schema, which the OpenAPI document carries),
// against the views the machine really produces: every view of the situations below, taken after
// each event, must parse to itself; a field the schema calls optional must be both present and
// absent in some view (otherwise the schema should require it, or the field is never produced);
// every value an enum lists must be produced somewhere; and the quantities the view adds to an
// order's line are described. The sample order: two blue mugs at 12.50 and a plate at 30.00.
const DAY = 24 * HOUR;
type View = ReturnType<typeof orderView>;

/** The view after each of `steps` (an hour apart unless a step says when), as the host shows it. */
function viewsAlong(steps: Step[], scope: 'domestic' | 'international' = 'domestic'): View[] {
  return walk(steps, { order: { id: 'S-2', scope } }).trail.map(({ snapshot, now }) => orderView(snapshot, armedDeadlines(snapshot), acceptedEvents(snapshot, now)));
}

/** The view of an order version 1 shipped (its parcel carries no list of items), after the migration. */
function migratedInTransitView(): View {
  const machine = v1.createOrderMachine();
  let [snapshot]: [AnyMachineSnapshot, unknown] = initialTransition(machine, { ...sampleOrder({ id: 'S-1' }), createdAt } as unknown as v1.OrderInput);
  [snapshot] = transition(machine, snapshot as never, { type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1', receivedAt: createdAt + HOUR } as never);
  const stored = { machine: { id: 'order', version: 1 }, status: snapshot.status, value: snapshot.value, historyValue: {}, context: snapshot.context };
  const migrated = migrateFromV1(stored);
  const restored = createOrderMachine().resolveState({ value: migrated.value, context: migrated.context as never });
  return orderView(restored, armedDeadlines(restored), acceptedEvents(restored, createdAt + 2 * HOUR));
}

const shipped: Step[] = [{ type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' }];
const delivered: Step[] = [...shipped, { type: 'DELIVERED' }];
const plate = { sku: 'plate', quantity: 1 };
const photo: Step = { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] };
const video: Step = { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'video', url: 'https://img.example/1.mp4' }] };
const evidenceDue = createdAt + 3 * HOUR + 7 * DAY;

const situations: Record<string, View[]> = {
  // A refund of some items before shipment, with a reason, a note and a reference; then one of an amount only.
  'refunds before shipment': viewsAlong([
    { type: 'REQUEST_REFUND', reason: 'out_of_stock', note: 'one mug short', items: [{ sku: 'mug-blue', quantity: 1 }] },
    { type: 'REFUND_ISSUED', amount: 1250, reference: 'R-1' },
    { type: 'REQUEST_REFUND', amount: 1000 },
    { type: 'REFUND_ISSUED', amount: 1000 },
  ]),
  // Two replaced suppliers, one named and one not; one pays back with a reference, the other without.
  'suppliers replaced and paid back': viewsAlong([
    { type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } },
    { type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-2', name: 'Alt Two' } },
    { type: 'SUPPLIER_REFUNDED', supplierId: 'tmall-store-1', amount: 5500, reference: 'S-1' },
    { type: 'SUPPLIER_REFUNDED', supplierId: 'alt-1', amount: 5500 },
  ]),
  'an interception failed, another succeeded': viewsAlong([
    { type: 'CANCEL_REQUESTED', reason: 'customer_cancelled' },
    { type: 'INTERCEPT_FAILED', note: 'already packed' },
    ...shipped,
    { type: 'CANCEL_REQUESTED', reason: 'wrong_address' },
    { type: 'INTERCEPT_SUCCEEDED' },
  ]),
  'held in customs': viewsAlong([...shipped, { type: 'CUSTOMS_HELD', note: 'inspection' }], 'international'),
  'a lost parcel refunded': viewsAlong([...shipped, { type: 'PARCEL_LOST' }, { type: 'REQUEST_REFUND' }]),
  // A claim with a description and a video, approved with a reason and refunded.
  'a claim refunded': viewsAlong([
    ...delivered,
    { type: 'ISSUE_REPORTED', kind: 'damaged', items: [plate], description: 'cracked' },
    video,
    { type: 'VERIFICATION_APPROVED', reason: 'visible crack' },
    { type: 'REQUEST_REFUND' },
    { type: 'REFUND_ISSUED', amount: 3000 },
  ]),
  'a claim rejected': viewsAlong([...delivered, { type: 'ISSUE_REPORTED', kind: 'wrong_item' }, photo, { type: 'VERIFICATION_REJECTED', reason: 'the right item' }]),
  'a claim reshipped': viewsAlong([...delivered, { type: 'ISSUE_REPORTED', kind: 'damaged', items: [plate] }, photo, { type: 'VERIFICATION_APPROVED' }, { type: 'REQUEST_RESHIP' }, { type: 'RESHIPPED', carrier: 'SF', trackingNumber: 'SF2' }]),
  'a claim without evidence': viewsAlong([...delivered, { type: 'ISSUE_REPORTED', kind: 'missing_item' }, { type: 'TIMER.EVIDENCE_DUE', dueAt: evidenceDue, receivedAt: evidenceDue }]),
  'migrated from version 1 in transit': [migratedInTransitView()],
};
const views = Object.values(situations).flat();

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; anyOf?: JsonSchema[]; enum?: unknown[]; description?: string };
const published = z.toJSONSchema(orderViewSchema, { io: 'output' }) as JsonSchema;

/** Walks a view along the published schema: for each optional field, whether it was present or absent; for each enum, the values seen. */
function survey(all: readonly unknown[]) {
  const optional = new Map<string, { present: number; absent: number }>();
  const enums = new Map<string, { listed: unknown[]; seen: Set<unknown> }>();
  const walk = (schema: JsonSchema, value: unknown, path: string) => {
    if (value === null) return;
    if (schema.anyOf) return walk(schema.anyOf.find((s) => s.type !== 'null')!, value, path);
    if (schema.enum) {
      const entry = enums.get(path) ?? { listed: schema.enum, seen: new Set() };
      entry.seen.add(value);
      enums.set(path, entry);
    }
    if (schema.properties) {
      const record = value as Record<string, unknown>;
      for (const [key, property] of Object.entries(schema.properties)) {
        const at = `${path}.${key}`;
        if (!schema.required?.includes(key)) {
          const counts = optional.get(at) ?? { present: 0, absent: 0 };
          counts[key in record ? 'present' : 'absent'] += 1;
          optional.set(at, counts);
        }
        if (key in record) walk(property, record[key], at);
      }
    }
    if (schema.items) for (const item of value as unknown[]) walk(schema.items, item, `${path}[]`);
  };
  for (const view of all) walk(published, view, '');
  return { optional, enums };
}

describe('version 2: the published view schema against the views the machine produces', () => {
  it('describes each view exactly: every view of every situation parses to itself', () => {
    expect(views.length).toBeGreaterThan(30);
    for (const [name, list] of Object.entries(situations)) for (const view of list) expect(orderViewSchema.parse(view), name).toEqual(view);
  });

  it('calls a field optional only if some view has it and some view has not', () => {
    const { optional } = survey(views);
    expect(optional.size).toBeGreaterThan(0);
    const misdeclared = [...optional].filter(([, { present, absent }]) => present === 0 || absent === 0).map(([path, counts]) => `${path} ${JSON.stringify(counts)}`);
    expect(misdeclared).toEqual([]);
  });

  it('lists in each enum only values some view produces', () => {
    const { enums } = survey(views);
    expect([...enums.keys()]).toEqual(expect.arrayContaining(['.scope', '.deadlines[].name', '.claims[].closed.outcome', '.money.refundRequest.returnTo']));
    const neverProduced = [...enums].flatMap(([path, { listed, seen }]) => listed.filter((v) => !seen.has(v)).map((v) => `${path}: ${String(v)}`));
    expect(neverProduced).toEqual([]);
  });

  it('describes each quantity the view adds to an order\'s line, each in its own words', () => {
    const line = published.properties!.items!.items!;
    const ordered = Object.keys(orderItemSchema.shape);
    const added = Object.keys(line.properties!).filter((k) => !ordered.includes(k));
    expect(added).toEqual(Object.keys(views[0]!.items[0]!).filter((k) => !ordered.includes(k)));
    const descriptions = added.map((k) => line.properties![k]!.description ?? '');
    for (const [i, d] of descriptions.entries()) expect(d.split(/\s+/).length, `${added[i]}: "${d}"`).toBeGreaterThanOrEqual(4);
    expect(new Set(descriptions).size).toBe(added.length);
  });
});
