import type { AnyMachineSnapshot } from 'xstate';
import { refundable, refundedTotal, type OrderContext } from './context.ts';
import { activeMeta, type ArmedDeadline } from './deadlines.ts';

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/**
 * The order machine's part of what a client sees of an order: what it waits for, what it owes,
 * its problem and deadlines. The host adds id, state, status, accepted events and versions.
 */
export function orderView(snapshot: AnyMachineSnapshot, armed: readonly ArmedDeadline[]) {
  const c = snapshot.context as OrderContext;
  const metas = activeMeta(snapshot);
  const leaf = metas.at(-1);
  // Stryker disable next-line MethodExpression: equivalent: at most one active state node shows a problem (a leaf, or intercepting, whose parents show none), so the search order does not matter
  const problem = [...metas].reverse().find((m) => m.problem)?.problem ?? null;
  // Stryker disable next-line ConditionalExpression: equivalent: only approveClaim sets resolutionDueAt, and the reship or the full refund removes it before a new claim can be opened, so a due time is always of an approved claim
  const resolutionDueAt = c.claim?.verification === 'approved' && c.deadlines.resolutionDueAt !== undefined ? c.deadlines.resolutionDueAt : null;
  return {
    // Stryker disable next-line OptionalChaining: equivalent: every state node of version 1 has meta, so the active leaf's is always there
    description: leaf?.description ?? null,
    // Stryker disable next-line OptionalChaining: equivalent, as above
    waitsOn: leaf?.waitsOn ?? null,
    scope: c.scope,
    sellerEmail: c.sellerEmail,
    currency: c.currency,
    items: c.items,
    shipBy: iso(c.shipBy),
    money: {
      paid: c.paid,
      refunded: refundedTotal(c),
      refundable: refundable(c),
      pendingRefund: c.refundRequest?.amount ?? 0,
      refunds: c.refunds.map((r) => ({ ...r, at: iso(r.at) })),
    },
    suppliers: c.suppliers.map((s) => ({ ...s, since: iso(s.since), replacedAt: iso(s.replacedAt) })),
    shipments: c.shipments.map((s) => ({ ...s, at: iso(s.at) })),
    problem,
    claim: c.claim && {
      ...c.claim,
      reportedAt: iso(c.claim.reportedAt),
      evidence: c.claim.evidence.map((e) => ({ ...e, at: iso(e.at) })),
    },
    resolution:
      resolutionDueAt === null
        ? null
        : {
            dueAt: iso(resolutionDueAt),
            escalated: c.escalatedAt !== null,
            escalatedAt: iso(c.escalatedAt),
            calendarNote: c.calendarGaps.length
              ? `the holiday calendar does not cover ${c.calendarGaps.join(', ')}: only weekends were skipped in those years`
              : null,
          },
    cancellation: c.cancellation && { ...c.cancellation, requestedAt: iso(c.cancellation.requestedAt) },
    deadlines: armed.map((d) => ({ name: d.name, dueAt: iso(d.dueAt), event: d.event })),
    outcome: c.outcome,
    lastNote: c.lastNote && { ...c.lastNote, at: iso(c.lastNote.at) },
  };
}
