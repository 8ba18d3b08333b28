import type { CreateOrderInput } from './schemas.ts';

/**
 * The order the generated paths, the tests and the bench start from: two blue mugs at 12.50 and a
 * plate at 30.00 (5,500 minor units paid), domestic, from one Tmall store. Override what differs.
 */
export function sampleOrder(overrides: Partial<CreateOrderInput> & Pick<CreateOrderInput, 'id'>): CreateOrderInput {
  return {
    scope: 'domestic',
    sellerEmail: 'seller@shop.example',
    supplier: { id: 'tmall-store-1', name: 'Tmall Store 1' },
    items: [
      { sku: 'mug-blue', quantity: 2, unitPrice: 1250 },
      { sku: 'plate', quantity: 1, unitPrice: 3000 },
    ],
    currency: 'CNY',
    shipBy: '2026-03-04T00:00:00.000Z',
    ...overrides,
  };
}
