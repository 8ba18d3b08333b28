import type { AnyMachineSnapshot } from 'xstate';
import { openClaim, owedSupplierRefunds, refundable, refundedTotal, type Claim, type ClaimedItem, type OrderContext } from './context.ts';
import { activeMeta, type ArmedDeadline } from './deadlines.ts';
import { isoTime } from './iso-time.ts';
import { problems, type Problem } from './meta.ts';

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : isoTime(ms));

/** R16: the problem of the order as it stands, escalations and owed refunds included; recommended events are only those it takes now. */
function problemOf(snapshot: AnyMachineSnapshot, accepted: readonly string[]): Problem | null {
  const c = snapshot.context as OrderContext;
  if (snapshot.status !== 'active') return null;
  // Stryker disable next-line MethodExpression: equivalent: only leaf states declare a problem, and one leaf is active, so the order of the search does not matter
  const declared = [...activeMeta(snapshot)].reverse().find((m) => m.problem)?.problem ?? null;
  const resolutionOverdue = c.escalatedAt !== null && openClaim(c)?.verification === 'approved';
  let problem: Problem | null = declared;
  if (resolutionOverdue) problem = problems.resolutionOverdue;
  else if (snapshot.matches('refund') && c.refundRequest === null) problem = problems.supplierRefundOwed;
  else if (snapshot.matches('delivered')) {
    if (c.deadlines.protectionEndsAt === undefined && owedSupplierRefunds(c).length > 0) problem = problems.supplierRefundOwed;
    else if (c.notice?.code === 'claim_closed') problem = problems.claimClosed;
  }
  if (!problem) return null;
  return { ...problem, recommendedEvents: problem.recommendedEvents.filter((e) => accepted.includes(e)) };
}

/** The quantity of each SKU in some lists of items, summed in the lists' order (as `quantityOf` of each list would). */
function quantitiesBySku(lists: readonly (readonly ClaimedItem[])[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const list of lists) for (const i of list) totals.set(i.sku, (totals.get(i.sku) ?? 0) + i.quantity);
  return totals;
}

const claimView = (claim: Claim) => ({
  ...claim,
  reportedAt: iso(claim.reportedAt),
  evidence: claim.evidence.map((e) => ({ ...e, at: iso(e.at) })),
  closed: claim.closed && { ...claim.closed, at: iso(claim.closed.at) },
});

/**
 * The order machine's part of what a client sees of an order: what it waits for, what it owes
 * (to the buyer, from the suppliers, to the platform), its problem and deadlines. The host adds
 * id, state, status, accepted events and versions.
 *
 * Where a view entry adds keys its record may not have (items, suppliers, shipments), it is built
 * with `Object.assign({}, record, added)`, not `{ ...record, ...added }`: the same keys in the same
 * order, but on Node 20 each key added after a spread builds a new hidden class (measured, an item
 * with its four quantities: 2.6-3.0 us against 0.1 us). Records come from validated payloads, so none
 * has an own `__proto__` key (which assign would take for the prototype).
 */
// Stryker disable next-line ArrayDeclaration: equivalent: no event is named as the mutant's entry, so a default list with it recommends nothing either
export function orderView(snapshot: AnyMachineSnapshot, armed: readonly ArmedDeadline[], accepted: readonly string[] = []) {
  const c = snapshot.context as OrderContext;
  const leaf = activeMeta(snapshot).at(-1);
  const open = openClaim(c);
  const resolutionDueAt = open?.verification === 'approved' && c.deadlines.resolutionDueAt !== undefined ? c.deadlines.resolutionDueAt : null;
  // R11's quantities per SKU, each list summed once (not once per item line).
  const refunded = quantitiesBySku([c.refundedItems]);
  // Stryker disable next-line ArrayDeclaration: equivalent: a foreign entry in the empty list of a parcel without items (one version 1 shipped) counts under no SKU of the order
  const shipped = quantitiesBySku(c.shipments.filter((s) => s.lostAt === undefined).map((s) => s.items ?? []));
  // Stryker disable next-line ArrayDeclaration: equivalent, as above
  const lost = quantitiesBySku(c.shipments.filter((s) => s.lostAt !== undefined).map((s) => s.items ?? []));
  const toShip = quantitiesBySku([c.toShip]);
  return {
    // Stryker disable next-line OptionalChaining: equivalent: every state of this version has meta, so an active leaf always has one
    description: leaf?.description ?? null,
    // Stryker disable next-line OptionalChaining: equivalent, as above
    waitsOn: leaf?.waitsOn ?? null,
    scope: c.scope,
    sellerEmail: c.sellerEmail,
    currency: c.currency,
    // R11: per line, what was refunded, shipped (lost parcels apart) and is still to ship.
    items: c.items.map((i) => Object.assign({}, i, { refunded: refunded.get(i.sku) ?? 0, shipped: shipped.get(i.sku) ?? 0, lost: lost.get(i.sku) ?? 0, toShip: toShip.get(i.sku) ?? 0 })),
    shipBy: iso(c.shipBy),
    money: {
      paid: c.paid,
      refunded: refundedTotal(c),
      refundable: refundable(c),
      pendingRefund: c.refundRequest?.amount ?? 0,
      refunds: c.refunds.map((r) => ({ ...r, at: iso(r.at) })),
      refundRequest: c.refundRequest && { ...c.refundRequest, requestedAt: iso(c.refundRequest.requestedAt) },
    },
    suppliers: c.suppliers.map((s) => Object.assign({}, s, { since: iso(s.since), replacedAt: iso(s.replacedAt), refundRemindedAt: iso(s.refundRemindedAt) })),
    // R15: what replaced suppliers owe the seller, and what they paid back.
    supplierRefunds: {
      owed: owedSupplierRefunds(c).map((s) => ({ supplierId: s.id, ...(s.name ? { name: s.name } : {}), since: iso(s.replacedAt), remindedAt: iso(s.refundRemindedAt) })),
      settled: c.supplierRefunds.map((r) => ({ ...r, at: iso(r.at) })),
    },
    shipments: c.shipments.map((s) => Object.assign({}, s, { at: iso(s.at), lostAt: iso(s.lostAt) })),
    problem: problemOf(snapshot, accepted),
    notice: c.notice && { ...c.notice, at: iso(c.notice.at) },
    /** The latest claim (as version 1 showed it); `claims` lists them all. */
    claim: c.claims.length ? claimView(c.claims.at(-1)!) : null,
    claims: c.claims.map(claimView),
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
    customs: c.customsHolds > 0 ? { holds: c.customsHolds, remindersSent: c.remindersSent, escalatedAt: iso(c.customsEscalatedAt) } : null,
    cancellation: c.cancellation && { ...c.cancellation, requestedAt: iso(c.cancellation.requestedAt) },
    deadlines: armed.map((d) => ({ name: d.name, dueAt: iso(d.dueAt), event: d.event })),
    outcome: c.outcome,
    lastNote: c.lastNote && { ...c.lastNote, at: iso(c.lastNote.at) },
  };
}
