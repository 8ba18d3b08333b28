/**
 * The bench's events: the happy path of an order, repeated (after RESHIPPED the order is in transit
 * again, step 1), one event the order refuses and one invalid body. Shared by the socket bench
 * (`load.ts`) and the in-process one (`event-cpu.ts`), so both send the same mix.
 */
export const lifecycle: [string, unknown][] = [
  ['SHIPPED', { carrier: 'SF Express', trackingNumber: 'SF1000001' }],
  ['CUSTOMS_HELD', { note: 'held at Shanghai customs' }],
  ['CUSTOMS_CLEARED', {}],
  ['DELIVERED', {}],
  ['ISSUE_REPORTED', { kind: 'damaged', items: [{ sku: 'mug-blue', quantity: 1 }], description: 'handle broken' }],
  ['EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/evidence/1.jpg' }] }],
  ['VERIFICATION_APPROVED', {}],
  ['REQUEST_RESHIP', {}],
  ['RESHIPPED', { carrier: 'SF Express', trackingNumber: 'SF1000002' }],
];

/** The lifecycle's index of the event after `position` valid events. */
export const stepAfter = (position: number) => (position === 0 ? 0 : 1 + ((position - 1) % (lifecycle.length - 1)));

export const bodies = lifecycle.map(([type, payload]) => JSON.stringify({ type, payload }));
/** An event no order of the bench can take: no refund is ever pending (409). */
export const refused = JSON.stringify({ type: 'REFUND_ISSUED', payload: { amount: 100 } });
/** A body the schema refuses: SHIPPED without its trackingNumber (422). */
export const invalid = JSON.stringify({ type: 'SHIPPED', payload: { carrier: 'SF Express' } });
