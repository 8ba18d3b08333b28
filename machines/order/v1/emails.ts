import type { OrderContext } from './context.ts';

/** What a template is given: the effect's parameters, the order as it stood at fan-out, and when it happened. */
export interface TemplateInput { orderId: string; params: Record<string, unknown>; order: OrderContext | undefined; at: number }

/** What an e-mail says; the host lays it out as plain text and HTML. */
export interface EmailBody { subject: string; intro: string; facts: [string, string][]; sections: { title: string; text: string }[] }

const day = (ms: number | null | undefined) => (ms === null || ms === undefined ? 'unknown' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC');

function supplierOf(order: OrderContext | undefined, id: unknown): string {
  const s = order?.suppliers.find((x) => x.id === id) ?? order?.suppliers.find((x) => x.status === 'active');
  return s ? (s.name ? `${s.name} (${s.id})` : s.id) : String(id ?? 'your supplier');
}

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
        ['Claim', order?.claim ? `${order.claim.kind.replace('_', ' ')}${order.claim.items.length ? `: ${order.claim.items.map((i) => `${i.quantity} x ${i.sku}`).join(', ')}` : ''}` : 'verified claim'],
        ['Was due', day(due)],
      ],
      sections: [{ title: 'What to do', text: 'Execute the resolution now: a reship (REQUEST_RESHIP, then RESHIPPED) or a refund (REQUEST_REFUND, then REFUND_ISSUED).' }],
    };
  },
};
