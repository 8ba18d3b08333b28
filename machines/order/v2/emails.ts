import type { Claim, OrderContext } from './context.ts';

/** What a template is given: the effect's parameters, the order as it stood at fan-out, and when it happened. */
export interface TemplateInput { orderId: string; params: Record<string, unknown>; order: OrderContext | undefined; at: number }

/** What an e-mail says; the host lays it out as plain text and HTML. */
export interface EmailBody { subject: string; intro: string; facts: [string, string][]; sections: { title: string; text: string }[] }

const day = (ms: number | null | undefined) => (ms === null || ms === undefined ? 'unknown' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC');

function supplierOf(order: OrderContext | undefined, id: unknown): string {
  const s = order?.suppliers.find((x) => x.id === id) ?? order?.suppliers.find((x) => x.status === 'active');
  return s ? (s.name ? `${s.name} (${s.id})` : s.id) : String(id ?? 'your supplier');
}

const claimText = (claim: Claim | undefined) =>
  claim ? `${claim.kind.replace('_', ' ')}${claim.items.length ? `: ${claim.items.map((i) => `${i.quantity} x ${i.sku}`).join(', ')}` : ''}` : 'verified claim';

/** The e-mails of the order machine's effects, by notification kind. */
export const emailBodies: Record<string, (input: TemplateInput) => EmailBody> = {
  'customs.reminder': ({ orderId, params, order }) => {
    const tracking = typeof params.trackingNumber === 'string' ? params.trackingNumber : 'not known';
    const carrier = order?.shipments.findLast((s) => s.trackingNumber === tracking)?.carrier;
    const every = order?.policy.customsReminderDays;
    return {
      subject: `Order ${orderId}: parcel ${tracking} is held in customs (reminder ${String(params.reminder ?? 1)})`,
      intro: `The parcel of order ${orderId} is held in customs clearance in the destination country. Please let your buyer know.`,
      facts: [
        ['Order', orderId],
        ['Tracking number', carrier ? `${tracking} (${carrier})` : tracking],
        ['Reminder', String(params.reminder ?? 1)],
      ],
      sections: [
        {
          title: 'What to tell the buyer',
          text:
            `Your parcel has arrived at customs in your country and is waiting for clearance. This is a routine check that ` +
            `neither we nor the carrier can speed up. The parcel continues as soon as customs releases it, and you can follow it ` +
            `with tracking number ${tracking}. We will keep you informed.`,
        },
        {
          title: 'What happens next',
          text: `${every ? `You get this reminder every ${every} days` : 'You keep getting reminders'} while the parcel is held. When customs releases it, send CUSTOMS_CLEARED for the order.`,
        },
      ],
    };
  },
  'expedite.requested': ({ orderId, params, order, at }) => ({
    subject: `Order ${orderId}: shipment is overdue, contact your supplier to expedite`,
    intro: `Order ${orderId} was due to ship by ${day(order?.shipBy)} and has not shipped. Contact the supplier now and ask them to ship at once.`,
    facts: [
      ['Order', orderId],
      ['Supplier', supplierOf(order, params.supplierId)],
      ['Ship by', day(order?.shipBy)],
      ['Noticed', day(at)],
    ],
    sections: [
      { title: 'What to do', text: 'Ask the supplier to expedite the shipment, then send SUPPLIER_CONTACTED for the order. When it ships, send SHIPPED with the tracking number.' },
      {
        title: 'If it still does not ship',
        text: `${order?.deadlines.switchSupplierAt ? `By ${day(order.deadlines.switchSupplierAt)}` : 'A few days later'} the order counts as a stock problem: switch to another supplier or refund (rule R4).`,
      },
    ],
  }),
  'stock.problem': ({ orderId, order }) => ({
    subject: `Order ${orderId}: shipment is 4 days overdue, switch supplier or refund`,
    intro: `Order ${orderId} has still not shipped (ship by ${day(order?.shipBy)}). This points to a deeper stock problem with the supplier.`,
    facts: [
      ['Order', orderId],
      ['Supplier', supplierOf(order, undefined)],
      ['Ship by', day(order?.shipBy)],
    ],
    sections: [{ title: 'What to do', text: 'Switch to an alternative supplier (send SWITCH_SUPPLIER), or refund the buyer (send REQUEST_REFUND).' }],
  }),
  'resolution.escalated': ({ orderId, params, order }) => {
    const due = typeof params.resolutionDueAt === 'number' ? params.resolutionDueAt : (order?.deadlines.resolutionDueAt ?? null);
    return {
      subject: `Order ${orderId}: resolution deadline missed, reship or refund now`,
      intro: `The buyer's claim on order ${orderId} was verified, and the reship or refund was due within 15 working days, by ${day(due)}. The deadline has passed.`,
      facts: [
        ['Order', orderId],
        ['Claim', claimText(order?.claims.at(-1))],
        ['Was due', day(due)],
      ],
      sections: [{ title: 'What to do', text: 'Execute the resolution now: a reship (REQUEST_RESHIP, then RESHIPPED) or a refund (REQUEST_REFUND, then REFUND_ISSUED).' }],
    };
  },
  'customs.escalated': ({ orderId, params, order }) => {
    const tracking = typeof params.trackingNumber === 'string' ? params.trackingNumber : 'not known';
    // Stryker disable next-line ConditionalExpression: equivalent: the machine gives heldSince as a number or null, and day() shows null and a missing value alike
    const since = typeof params.heldSince === 'number' ? params.heldSince : null;
    const days = order?.policy.customsEscalateAfterDays;
    return {
      subject: `Order ${orderId}: parcel ${tracking} has been held in customs${days ? ` for ${days} days` : ' too long'}`,
      intro: `The parcel of order ${orderId} has been held in customs since ${day(since)} and has not cleared. The reminders stop here: this needs you.`,
      facts: [
        ['Order', orderId],
        ['Tracking number', tracking],
        ['Held since', day(since)],
      ],
      sections: [
        { title: 'What to do', text: 'Contact the carrier about the hold. If the parcel is lost or will not clear, reship the same items (REQUEST_RESHIP) or refund them (REQUEST_REFUND). If it clears, send CUSTOMS_CLEARED.' },
      ],
    };
  },
  'supplier_refund.reminder': ({ orderId, params, order }) => {
    const ids = Array.isArray(params.supplierIds) ? params.supplierIds : [];
    const suppliers = ids.map((id) => supplierOf(order, id)).join(', ') || 'your replaced supplier';
    const remindDays = order?.policy.supplierRefundRemindDays;
    const replaced = order?.suppliers.find((s) => ids.includes(s.id))?.replacedAt;
    return {
      subject: `Order ${orderId}: ${suppliers} still owes you the refund of the original order`,
      intro: `You switched order ${orderId} away from ${suppliers} on ${day(replaced)}${remindDays ? `, ${remindDays} days ago` : ''}. That supplier owes you the refund of the original order, and it has not been recorded yet.`,
      facts: [
        ['Order', orderId],
        ['Owed by', suppliers],
        ['Switched on', day(replaced)],
      ],
      sections: [{ title: 'What to do', text: 'Ask the supplier for the refund (through the marketplace if needed). When it arrives, send SUPPLIER_REFUNDED with the supplier id and the amount.' }],
    };
  },
  'claim.closed': ({ orderId, params, order }) => {
    const claim = order?.claims.at(-1);
    return {
      subject: `Order ${orderId}: the buyer's claim was closed, no evidence arrived in time`,
      intro: `The buyer reported a problem with order ${orderId} (${claimText(claim)}), but no photo or video evidence arrived before the evidence deadline, so the claim was closed.`,
      facts: [
        ['Order', orderId],
        ['Claim', claimText(claim)],
        ['Reported', day(claim?.reportedAt)],
        ['Closed because', String(params.outcome ?? 'evidence_missing').replace('_', ' ')],
      ],
      sections: [
        {
          title: 'What to do',
          text: `${order?.deadlines.protectionEndsAt ? `Until ${day(order.deadlines.protectionEndsAt)} the buyer-protection window is open: ` : ''}if the buyer still has the problem, report it again (ISSUE_REPORTED) and submit the evidence (EVIDENCE_SUBMITTED).`,
        },
      ],
    };
  },
};
