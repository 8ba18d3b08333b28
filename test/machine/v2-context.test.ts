import { describe, expect, it } from 'vitest';
import { addItems, createContext, quantityOf, refundable, sampleOrder, supplierRefundRemindAt, valueOf, withDeadline, type OrderContext } from '../../machines/order/v2/index.ts';

// Version 2's context, purely: what a new order starts with, its policy from the deployment's
// defaults and the order's own overrides, and the arithmetic of items and money it is kept with.
const createdAt = Date.parse('2026-03-02T00:00:00Z');
const DAY = 86_400_000;
const order = (overrides: Partial<ReturnType<typeof sampleOrder>> = {}, policyDefaults?: Parameters<typeof createContext>[0]['policyDefaults']) =>
  createContext({ ...sampleOrder({ id: 'X-1', ...overrides }), createdAt, ...(policyDefaults ? { policyDefaults } : {}) });

describe('version 2: a new order', () => {
  it('starts with what was paid, everything to ship, its supplier active, and the overdue deadlines of the default policy', () => {
    const c = order();
    expect(c).toMatchObject({
      orderId: 'X-1', scope: 'domestic', sellerEmail: 'seller@shop.example', currency: 'CNY', paid: 5500, refunds: [], refundRequest: null, refundedItems: [],
      toShip: [{ sku: 'mug-blue', quantity: 2 }, { sku: 'plate', quantity: 1 }],
      suppliers: [{ id: 'tmall-store-1', name: 'Tmall Store 1', status: 'active', since: createdAt }],
      supplierRefunds: [], shipBy: Date.parse('2026-03-04T00:00:00Z'), createdAt, shipments: [], customsHolds: 0, remindersSent: 0, deliveredAt: null,
      claims: [], customsEscalatedAt: null, notice: null, cancellation: null, escalatedAt: null, calendarGaps: [], outcome: null, lastNote: null,
    });
    expect(c.policy).toEqual({ expediteAfterDays: 2, switchSupplierAfterDays: 4, evidenceDays: 7, protectionWindowDays: 15, customsReminderDays: 3, resolutionWorkingDays: 15, customsEscalateAfterDays: 15, supplierRefundRemindDays: 7 });
    expect(c.deadlines).toEqual({ expediteAt: Date.parse('2026-03-06T00:00:00Z'), switchSupplierAt: Date.parse('2026-03-08T00:00:00Z') });
  });

  it('takes the deployment\'s defaults, and the order\'s own protection window and evidence days over them', () => {
    const c = order({ policy: { protectionWindowDays: 30, evidenceDays: 3 } }, { customsReminderDays: 5, evidenceDays: 9, expediteAfterDays: 1, protectionWindowDays: 20 });
    expect(c.policy).toEqual({ expediteAfterDays: 1, switchSupplierAfterDays: 4, evidenceDays: 3, protectionWindowDays: 30, customsReminderDays: 5, resolutionWorkingDays: 15, customsEscalateAfterDays: 15, supplierRefundRemindDays: 7 });
    expect(c.deadlines.expediteAt).toBe(Date.parse('2026-03-05T00:00:00Z'));
    expect(order({ policy: { evidenceDays: 3 } }, { protectionWindowDays: 20 }).policy).toMatchObject({ evidenceDays: 3, protectionWindowDays: 20 });
    expect(order({ policy: { protectionWindowDays: 30 } }, { evidenceDays: 9 }).policy).toMatchObject({ evidenceDays: 9, protectionWindowDays: 30 });
  });

  it('keeps its own copy of the items', () => {
    const input = { ...sampleOrder({ id: 'X-2' }), createdAt };
    const c = createContext(input);
    input.items[0]!.quantity = 99;
    expect(c.items[0]!.quantity).toBe(2);
  });
});

describe('version 2: items and money', () => {
  it('adds and subtracts items per SKU, dropping lines at zero and never going below', () => {
    expect(addItems([{ sku: 'a', quantity: 1 }], [{ sku: 'a', quantity: 2 }, { sku: 'b', quantity: 1 }])).toEqual([{ sku: 'a', quantity: 3 }, { sku: 'b', quantity: 1 }]);
    expect(addItems([{ sku: 'a', quantity: 3 }, { sku: 'b', quantity: 1 }], [{ sku: 'a', quantity: 1 }, { sku: 'b', quantity: 2 }], -1)).toEqual([{ sku: 'a', quantity: 2 }]);
    expect(quantityOf([{ sku: 'a', quantity: 1 }, { sku: 'b', quantity: 5 }, { sku: 'a', quantity: 2 }], 'a')).toBe(3);
    expect(quantityOf([], 'a')).toBe(0);
  });

  it('values items at the order\'s prices (an unknown SKU at nothing); refundable is never below zero', () => {
    const c = order();
    expect(valueOf([{ sku: 'plate', quantity: 1 }, { sku: 'mug-blue', quantity: 2 }, { sku: 'ghost', quantity: 3 }], c.items)).toBe(5500);
    expect(refundable({ paid: 5500, refunds: [{ amount: 1000, at: 0 }, { amount: 500, at: 1 }] })).toBe(4000);
    expect(refundable({ paid: 5500, refunds: [{ amount: 6000, at: 0 }] })).toBe(0);
  });

  it('a deadline table with one entry set, replaced or removed', () => {
    expect(withDeadline({ expediteAt: 1 }, 'switchSupplierAt', 2)).toEqual({ expediteAt: 1, switchSupplierAt: 2 });
    expect(withDeadline({ expediteAt: 1, switchSupplierAt: 2 }, 'expediteAt', 3)).toEqual({ switchSupplierAt: 2, expediteAt: 3 });
    expect(withDeadline({ expediteAt: 1, switchSupplierAt: 2 }, 'expediteAt', undefined)).toEqual({ switchSupplierAt: 2 });
  });

  it('reminds of the earliest owed supplier refund not yet reminded', () => {
    const policy = order().policy;
    const suppliers: OrderContext['suppliers'] = [
      { id: 'a', status: 'replaced', since: 0, replacedAt: 5 * DAY, originalOrderRefund: 'owed' },
      { id: 'b', status: 'replaced', since: 0, replacedAt: 2 * DAY, originalOrderRefund: 'owed', refundRemindedAt: 9 * DAY },
      { id: 'c', status: 'replaced', since: 0, replacedAt: 1 * DAY, originalOrderRefund: 'settled' },
      { id: 'd', status: 'replaced', since: 0, replacedAt: 4 * DAY, originalOrderRefund: 'owed' },
      { id: 'e', status: 'active', since: 5 * DAY },
    ];
    expect(supplierRefundRemindAt({ suppliers, policy })).toBe(11 * DAY);
    expect(supplierRefundRemindAt({ suppliers: suppliers.slice(1, 3), policy })).toBeUndefined();
  });
});
