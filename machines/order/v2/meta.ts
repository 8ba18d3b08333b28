import type { DeadlineName } from './context.ts';
import type { ClientEventType } from './schemas.ts';

/** Who or what an order in this state waits on. */
export type Party = 'seller' | 'supplier' | 'carrier' | 'buyer' | 'platform' | 'customs';

/** A problem from the seed or from version 2's rules, with the action it recommends (only events the state takes are shown). */
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
    recommendedEvents: ['CUSTOMS_CLEARED', 'DELIVERED', 'PARCEL_LOST'],
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
  customsEscalated: {
    code: 'customs_escalated',
    rule: 'R13',
    title: 'Parcel held in customs for too long',
    recommendedAction: 'Contact the carrier; if the parcel does not move, reship the same items or refund them.',
    recommendedEvents: ['CUSTOMS_CLEARED', 'REQUEST_RESHIP', 'REQUEST_REFUND', 'PARCEL_LOST'],
  },
  parcelLost: {
    code: 'parcel_lost',
    rule: 'R13',
    title: 'The carrier lost the parcel',
    recommendedAction: 'Reship the same items, or refund them.',
    recommendedEvents: ['REQUEST_RESHIP', 'REQUEST_REFUND'],
  },
  reshipDue: {
    code: 'reship_due',
    rule: 'R7',
    title: 'A replacement shipment is being prepared',
    recommendedAction: 'Report the replacement parcel when it ships; if the supplier cannot reship, refund the items instead (R12).',
    recommendedEvents: ['RESHIPPED', 'REQUEST_REFUND'],
  },
  refundDue: {
    code: 'refund_due',
    rule: 'R11',
    title: 'A refund is being executed',
    recommendedAction: 'Report the refund when the money is paid back.',
    recommendedEvents: ['REFUND_ISSUED'],
  },
  resolutionOverdue: {
    code: 'resolution_overdue',
    rule: 'R16',
    title: 'The resolution deadline of a verified claim has passed',
    recommendedAction: 'Execute the reship or refund now: it was due within 15 working days of the verification.',
    recommendedEvents: ['RESHIPPED', 'REQUEST_REFUND', 'REFUND_ISSUED'],
  },
  supplierRefundOwed: {
    code: 'supplier_refund_owed',
    rule: 'R15',
    title: 'A replaced supplier still owes the refund of the original order',
    recommendedAction: 'Collect the refund from the replaced supplier and record it.',
    recommendedEvents: ['SUPPLIER_REFUNDED'],
  },
  claimClosed: {
    code: 'claim_closed',
    rule: 'R16',
    title: 'A claim was closed: no evidence arrived in time',
    recommendedAction: 'If the buyer still has the problem, report it again with evidence while the protection window is open.',
    recommendedEvents: ['ISSUE_REPORTED'],
  },
  resolutionDue: {
    code: 'resolution_due',
    rule: 'R7',
    title: 'Claim verified: reship or refund within 15 working days',
    recommendedAction: 'Choose a reship or a refund of the claimed items and execute it before the resolution deadline.',
    recommendedEvents: ['REQUEST_RESHIP', 'REQUEST_REFUND'],
  },
} as const satisfies Record<string, Problem>;
