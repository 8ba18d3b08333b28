import type { Context } from 'hono';
import { invalidInput, notFound } from '../../errors.ts';
import { orderKey } from '../../tenancy/order-keys.ts';
import { tenantOf } from './require-scope.ts';

/** The store key of the request tenant's order `id`; an id that no order can have is not found. */
export function orderKeyOf(c: Context, id: string): string {
  const key = orderKey(tenantOf(c), id);
  if (key === undefined) throw notFound(`no order with id ${JSON.stringify(id)}`, { orderId: id });
  return key;
}

/** The key of a new order of the request's tenant: an id that cannot be stored is invalid input. */
export function newOrderKey(c: Context, id: string): string {
  const key = orderKey(tenantOf(c), id);
  if (key === undefined) throw invalidInput('the request body is not valid', { errors: [{ path: 'id', message: 'an order id holds no "/"' }] });
  return key;
}
