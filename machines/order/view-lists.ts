/**
 * The order view's lists that grow with the events an order takes (`HostedMachine.viewLists`): the
 * view shows the most recent entries of each with its total count, and `GET /orders/{id}/<name>`
 * pages through the whole list. What a seller acts on is shown first: the current supplier and
 * every supplier that still owes a refund (R15).
 */
export const viewLists = {
  suppliers: {
    path: ['suppliers'],
    description: 'Every supplier of the order, the first first: the current one is `active`; a replaced one owes the refund of the original order until settled (R1, R4, R15)',
    keep: (s: unknown) => {
      const supplier = s as { status?: string; originalOrderRefund?: string };
      return supplier.status === 'active' || supplier.originalOrderRefund === 'owed';
    },
  },
  'supplier-refunds-owed': {
    path: ['supplierRefunds', 'owed'],
    description: 'The refunds of the original order that replaced suppliers still owe the seller (R15), the oldest switch first',
  },
  'supplier-refunds-settled': {
    path: ['supplierRefunds', 'settled'],
    description: 'The refunds replaced suppliers paid back (SUPPLIER_REFUNDED), oldest first',
  },
  refunds: { path: ['money', 'refunds'], description: 'The refunds paid to the buyer (REFUND_ISSUED), oldest first' },
  shipments: { path: ['shipments'], description: 'Every parcel, the original shipment first, then reships; lostAt set when the carrier lost it' },
  claims: { path: ['claims'], description: 'Every claim of the order, oldest first; only the last may be open (`claim` is the latest)' },
  // Evidence grows with each EVIDENCE_SUBMITTED while the platform verifies (up to 50 media each).
  'claims/{claim}/evidence': { path: ['claims', '*', 'evidence'], description: "The evidence of one claim (by its position in `claims`, from 0), oldest first" },
  'claim/evidence': { path: ['claim', 'evidence'], description: 'The evidence of the latest claim (`claim`), oldest first' },
} as const;
