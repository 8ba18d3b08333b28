import type { DeadlineName } from './context.ts';
import type { ClientEventType } from './schemas.ts';

/** Who or what an order in this state waits on. */
export type Party = 'seller' | 'supplier' | 'carrier' | 'buyer' | 'platform' | 'customs';

/** A problem from the seed, with the action it recommends. */
export interface Problem {
  code: string;
  rule: `R${number}`;
  title: string;
  recommendedAction: string;
  recommendedEvents: ClientEventType[];
}

/**
 * What each state node declares about itself, in `meta`. The engine arms the named deadlines,
 * the order view shows the problem, and a test checks that every waiting state has a deadline or
 * says why not (DOMAIN.md invariants).
 */
export interface StateMeta {
  description: string;
  waitsOn?: Party;
  deadlines?: DeadlineName[];
  noDeadlineReason?: string;
  problem?: Problem;
}

export const problems = {
  shipmentOverdue: {
    code: 'shipment_overdue',
    rule: 'R3',
    title: 'Shipment is 2 days overdue',
    recommendedAction: 'Contact the supplier at once to expedite the shipment.',
    recommendedEvents: ['SUPPLIER_CONTACTED', 'SHIPPED'],
  },
  stockProblem: {
    code: 'stock_problem',
    rule: 'R4',
    title: 'Shipment is 4 days overdue: a deeper stock problem',
    recommendedAction: 'Switch to an alternative supplier, or request a refund.',
    recommendedEvents: ['SWITCH_SUPPLIER', 'REQUEST_REFUND'],
  },
  stockUnavailable: {
    code: 'stock_unavailable',
    rule: 'R1',
    title: 'No stock available',
    recommendedAction: 'Request a refund, or reorder from an alternative supplier (the original order is then refunded).',
    recommendedEvents: ['REQUEST_REFUND', 'SWITCH_SUPPLIER'],
  },
  oversized: {
    code: 'item_oversized',
    rule: 'R2',
    title: 'Item is oversized or overweight',
    recommendedAction: 'Request a refund.',
    recommendedEvents: ['REQUEST_REFUND'],
  },
  supplierUnresponsive: {
    code: 'supplier_unresponsive',
    rule: 'R5',
    title: 'Supplier does not respond',
    recommendedAction: 'Request a refund.',
    recommendedEvents: ['REQUEST_REFUND'],
  },
  interception: {
    code: 'interception_pending',
    rule: 'R9',
    title: 'Cancellation or wrong address on a domestic order: interception under way',
    recommendedAction: 'Report whether the supplier or carrier intercepted the order; a successful interception is refunded.',
    recommendedEvents: ['INTERCEPT_SUCCEEDED', 'INTERCEPT_FAILED'],
  },
  customsHold: {
    code: 'customs_hold',
    rule: 'R6',
    title: 'Parcel held in customs',
    recommendedAction: 'Inform the buyer about customs clearance; reminders go to your registered e-mail while the parcel is held.',
    recommendedEvents: ['CUSTOMS_CLEARED', 'DELIVERED'],
  },
  evidenceNeeded: {
    code: 'evidence_needed',
    rule: 'R7',
    title: 'Buyer reported wrong, missing or damaged items',
    recommendedAction: 'Collect photo or video evidence from the buyer and submit it for verification.',
    recommendedEvents: ['EVIDENCE_SUBMITTED'],
  },
  verificationPending: {
    code: 'verification_pending',
    rule: 'R7',
    title: 'The platform is verifying the evidence',
    recommendedAction: 'Wait for the platform; report its decision.',
    recommendedEvents: ['VERIFICATION_APPROVED', 'VERIFICATION_REJECTED'],
  },
  resolutionDue: {
    code: 'resolution_due',
    rule: 'R7',
    title: 'Claim verified: reship or refund within 15 working days',
    recommendedAction: 'Choose a reship or a refund of the claimed items and execute it before the resolution deadline.',
    recommendedEvents: ['REQUEST_RESHIP', 'REQUEST_REFUND'],
  },
} as const satisfies Record<string, Problem>;
