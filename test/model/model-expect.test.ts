import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deadlineEvents as v1Deadlines } from '../../machines/order/v1/context.ts';
import { deadlineEvents as v2Deadlines } from '../../machines/order/v2/context.ts';
import * as v1 from '../../machines/order/v1/model-expect.ts';
import * as v2 from '../../machines/order/v2/model-expect.ts';

// What each version's model reads of an order view (`GET /orders/{id}`): the prediction of a
// generated path (`observedOrder`, checked against the schema of the paths document) and what a
// migration must keep (`preservedAmounts`). The generated paths read the prediction and the answer
// with the same function, so only a view written out here shows what it reads from where.

const money = { paid: 10_000, refunded: 3_000, refundable: 7_000, pendingRefund: 1_500, refunds: [{ amount: 3_000, reference: 'r-1' }] };
const claim = { kind: 'wrong_item', items: [{ sku: 'SKU-1', quantity: 1 }], verification: 'approved', resolution: 'refund', closed: { outcome: 'refunded' } };
const suppliers = [
  { id: 'first', originalOrderRefund: 'owed' },
  { id: 'second', originalOrderRefund: 'settled' },
  { id: 'third' },
  { id: 'fourth', originalOrderRefund: 'owed' },
];

/**
 * The schema of a version's prediction takes `answer` as it is, refuses it with any one of `wrong`
 * merged in, and takes as a deadline every name of the version's table (of `count` deadlines).
 */
function takesAndRefuses(schema: z.ZodType, answer: object, deadlines: Record<string, string>, count: number, wrong: object[]) {
  expect(schema.parse(answer)).toEqual(answer);
  for (const w of wrong) expect(schema.safeParse({ ...answer, ...w }).success, JSON.stringify(w)).toBe(false);
  expect(Object.keys(deadlines)).toHaveLength(count);
  for (const name of Object.keys(deadlines)) expect(schema.safeParse({ ...answer, deadlines: [name] }).success, name).toBe(true);
}

/** A view of an open order with something in every field the models read. */
const full = {
  state: 'refund',
  status: 'open',
  outcome: null,
  money,
  deadlines: [{ name: 'resolutionDueAt', dueAt: '2026-03-20T16:00:00.000Z' }, { name: 'protectionEndsAt', dueAt: '2026-04-01T00:00:00.000Z' }],
  claim,
  claims: [{ kind: 'damaged', items: [], verification: 'rejected', resolution: null }, claim],
  cancellation: { outcome: 'intercepted', reason: 'wrong_address' },
  resolution: { dueAt: '2026-03-20T16:00:00.000Z', escalated: false },
  problem: { code: 'refund_pending', recommendedEvents: ['REFUND_ISSUED'], message: 'ignored' },
  items: [{ sku: 'SKU-1', toShip: 2 }, { sku: 'SKU-2', toShip: 1 }],
  suppliers,
  supplierRefunds: { owed: [{ id: 'first' }, { id: 'fourth' }], settled: [{ id: 'second' }] },
};

/** A closed order with nothing in the optional fields. */
const bare = {
  ...full,
  state: 'completed',
  status: 'closed',
  outcome: 'completed',
  deadlines: [],
  claim: null,
  claims: [],
  cancellation: null,
  resolution: null,
  problem: null,
  items: [],
  suppliers: [{ id: 'only' }],
  supplierRefunds: { owed: [], settled: [] },
};

const plainMoney = { paid: 10_000, refunded: 3_000, refundable: 7_000, pendingRefund: 1_500 };

describe('version 2: what the model reads of an order view', () => {
  it('predicts every field from where the view shows it', () => {
    expect(v2.observedOrder(full)).toEqual({
      state: 'refund',
      status: 'open',
      outcome: null,
      money: plainMoney,
      deadlines: ['resolutionDueAt', 'protectionEndsAt'],
      claim: { kind: 'wrong_item', verification: 'approved', resolution: 'refund', closed: 'refunded' },
      claims: 2,
      cancellation: 'intercepted',
      escalated: false,
      problem: { code: 'refund_pending', recommendedEvents: ['REFUND_ISSUED'] },
      toShip: 3,
      supplierRefunds: { owed: 2, settled: 1 },
    });
    expect(v2.observedOrder({ ...full, claim: { ...claim, closed: null }, resolution: { escalated: true } })).toMatchObject({ claim: { closed: null }, escalated: true });
  });

  it('answers null for what the view does not show', () => {
    expect(v2.observedOrder(bare)).toEqual({
      state: 'completed', status: 'closed', outcome: 'completed', money: plainMoney, deadlines: [], claim: null, claims: 0,
      cancellation: null, escalated: null, problem: null, toShip: 0, supplierRefunds: { owed: 0, settled: 0 },
    });
    expect(v2.observedOrder({ ...bare, cancellation: { reason: 'customer_cancelled' } }).cancellation).toBeNull();
  });

  it('keeps across a migration the money with its refunds, every claim and the suppliers that still owe', () => {
    expect(v2.preservedAmounts(full)).toEqual({
      money,
      claims: [
        { kind: 'damaged', items: [], verification: 'rejected', resolution: null },
        { kind: 'wrong_item', items: [{ sku: 'SKU-1', quantity: 1 }], verification: 'approved', resolution: 'refund' },
      ],
      owed: [{ supplierId: 'first' }, { supplierId: 'fourth' }],
    });
    expect(v2.preservedAmounts(bare)).toEqual({ money, claims: [], owed: [] });
  });

  it('the schema of the prediction takes what observedOrder answers and refuses what it never does', () => {
    const answer = v2.observedOrder(full);
    expect(v2.expectedOrderSchema.parse(v2.observedOrder(bare))).toEqual(v2.observedOrder(bare));
    takesAndRefuses(v2.expectedOrderSchema, answer, v2Deadlines, 8, [
      { status: 'pending' },
      { money: { ...plainMoney, paid: 1.5 } },
      { deadlines: ['soonAt'] },
      { claim: { kind: 'damaged', verification: null, resolution: null } },
      { claims: 0.5 },
      { escalated: 'no' },
      { problem: { code: 'x' } },
      { toShip: 1.5 },
      { supplierRefunds: { owed: 1 } },
      { state: 1 },
      { outcome: 0 },
      { cancellation: 0 },
    ]);
  });
});

describe('version 1: what the model reads of an order view', () => {
  const v1View = { ...full, claims: undefined, items: undefined, supplierRefunds: undefined, problem: undefined };

  it('predicts every field from where the view shows it', () => {
    expect(v1.observedOrder(v1View)).toEqual({
      state: 'refund',
      status: 'open',
      outcome: null,
      money: plainMoney,
      deadlines: ['resolutionDueAt', 'protectionEndsAt'],
      claim: { kind: 'wrong_item', verification: 'approved', resolution: 'refund' },
      cancellation: 'intercepted',
      escalated: false,
    });
    expect(v1.observedOrder({ ...v1View, resolution: { escalated: true } }).escalated).toBe(true);
    expect(v1.observedOrder({ ...bare, claims: undefined })).toEqual({
      state: 'completed', status: 'closed', outcome: 'completed', money: plainMoney, deadlines: [], claim: null, cancellation: null, escalated: null,
    });
    expect(v1.observedOrder({ ...bare, cancellation: { reason: 'customer_cancelled' } }).cancellation).toBeNull();
  });

  it('keeps across a migration the money with its refunds, its one claim and the suppliers that still owe', () => {
    expect(v1.preservedAmounts(v1View)).toEqual({
      money,
      claims: [{ kind: 'wrong_item', items: [{ sku: 'SKU-1', quantity: 1 }], verification: 'approved', resolution: 'refund' }],
      owed: [{ supplierId: 'first' }, { supplierId: 'fourth' }],
    });
    expect(v1.preservedAmounts(bare)).toEqual({ money, claims: [], owed: [] });
  });

  it('the schema of the prediction takes what observedOrder answers and refuses what it never does', () => {
    const answer = v1.observedOrder(v1View);
    takesAndRefuses(v1.expectedOrderSchema, answer, v1Deadlines, 6, [
      { status: 'pending' },
      { money: { ...plainMoney, refunded: 1.5 } },
      { deadlines: ['soonAt'] },
      { claim: { kind: 'damaged', verification: null } },
      { escalated: 'no' },
      { state: 1 },
      { outcome: 0 },
      { cancellation: 0 },
    ]);
  });
});

// The paths document's schema (served in the OpenAPI document) says, for each field not read from a
// field of the same name, which field of the order view it is read from: a replayer compares by it.
describe.each([
  ['1', v1.expectedOrderSchema, { state: 'state', deadlines: 'deadlines[].name', cancellation: 'cancellation.outcome', escalated: 'resolution.escalated' }],
  [
    '2',
    v2.expectedOrderSchema,
    {
      state: 'state', deadlines: 'deadlines[].name', claims: 'claims.length', cancellation: 'cancellation.outcome', escalated: 'resolution.escalated',
      problem: 'problem.code and problem.recommendedEvents', toShip: 'items[].toShip', supplierRefunds: 'supplierRefunds.owed.length',
    },
  ],
] as const)('version %s: the schema of the prediction', (_, schema, readFrom) => {
  it('describes where each such field is read from', () => {
    const { properties } = z.toJSONSchema(schema) as { properties: Record<string, { description?: string }> };
    for (const [field, from] of Object.entries(readFrom)) expect(properties[field]?.description, field).toContain(from);
  });
});
