import { z } from 'zod';
import { deadlineEvents, type DeadlineName } from './context.ts';

/** What an order looks like after a step, in the terms of the order view (`GET /orders/{id}`). */
export interface ExpectedOrder {
  state: string;
  status: 'open' | 'closed';
  outcome: string | null;
  money: { paid: number; refunded: number; refundable: number; pendingRefund: number };
  /** Names of the armed deadlines, earliest first (the view's `deadlines[].name`). */
  deadlines: DeadlineName[];
  claim: { kind: string; verification: string | null; resolution: string | null; closed: string | null } | null;
  /** How many claims the view lists (`claims`). */
  claims: number;
  cancellation: string | null;
  /** The view's `resolution.escalated`, or null when it shows no resolution deadline. */
  escalated: boolean | null;
  /** The view's `problem.code` and the events it recommends. */
  problem: { code: string; recommendedEvents: string[] } | null;
  /** Units still to ship (the view's `items[].toShip`, summed). */
  toShip: number;
  /** Replaced suppliers still owing their refund (`supplierRefunds.owed`), and settled refunds. */
  supplierRefunds: { owed: number; settled: number };
}

/** The part of an order view that a generated path predicts: the same function reads the prediction and the answer. */
export function observedOrder(view: Record<string, unknown>): ExpectedOrder {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an order view as JSON
  const v = view as Record<string, any>;
  return {
    state: v.state,
    status: v.status,
    outcome: v.outcome,
    money: { paid: v.money.paid, refunded: v.money.refunded, refundable: v.money.refundable, pendingRefund: v.money.pendingRefund },
    deadlines: v.deadlines.map((d: { name: DeadlineName }) => d.name),
    claim: v.claim && { kind: v.claim.kind, verification: v.claim.verification, resolution: v.claim.resolution, closed: v.claim.closed?.outcome ?? null },
    claims: v.claims.length,
    cancellation: v.cancellation?.outcome ?? null,
    escalated: v.resolution ? v.resolution.escalated : null,
    problem: v.problem && { code: v.problem.code, recommendedEvents: v.problem.recommendedEvents },
    toShip: v.items.reduce((n: number, i: { toShip: number }) => n + i.toShip, 0),
    supplierRefunds: { owed: v.supplierRefunds.owed.length, settled: v.supplierRefunds.settled.length },
  };
}

/**
 * What a migration of an order must keep, as every version of the order machine shows it: the
 * money, the claims, and the refunds a replaced supplier owes.
 */
export function preservedAmounts(view: Record<string, unknown>) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an order view as JSON
  const v = view as Record<string, any>;
  return {
    money: { paid: v.money.paid, refunded: v.money.refunded, refundable: v.money.refundable, pendingRefund: v.money.pendingRefund, refunds: v.money.refunds },
    claims: v.claims.map((c: Record<string, unknown>) => ({ kind: c.kind, items: c.items, verification: c.verification, resolution: c.resolution })),
    owed: v.suppliers.filter((s: { originalOrderRefund?: string }) => s.originalOrderRefund === 'owed').map((s: { id: string }) => ({ supplierId: s.id })),
  };
}

const deadlineName = z.enum(Object.keys(deadlineEvents) as [string, ...string[]]);

/** The schema of `observedOrder`'s answer: the `expect` of each step of the paths document. */
export const expectedOrderSchema = z.object({
  state: z.string().meta({ description: "The order view's state after the step" }),
  status: z.enum(['open', 'closed']),
  outcome: z.string().nullable(),
  money: z.object({ paid: z.number().int(), refunded: z.number().int(), refundable: z.number().int(), pendingRefund: z.number().int() }),
  deadlines: z.array(deadlineName).meta({ description: 'deadlines[].name of the order view, earliest first' }),
  claim: z.object({ kind: z.string(), verification: z.string().nullable(), resolution: z.string().nullable(), closed: z.string().nullable() }).nullable(),
  claims: z.number().int().meta({ description: 'claims.length of the order view' }),
  cancellation: z.string().nullable().meta({ description: 'cancellation.outcome of the order view' }),
  escalated: z.boolean().nullable().meta({ description: 'resolution.escalated of the order view; null when it shows no resolution' }),
  problem: z.object({ code: z.string(), recommendedEvents: z.array(z.string()) }).nullable().meta({ description: 'problem.code and problem.recommendedEvents of the order view' }),
  toShip: z.number().int().meta({ description: 'items[].toShip of the order view, summed' }),
  supplierRefunds: z.object({ owed: z.number().int(), settled: z.number().int() }).meta({ description: 'supplierRefunds.owed.length and supplierRefunds.settled.length' }),
});
