import { expect, it } from 'vitest';
import { testApp } from '../support/test-app.ts';

// The census `/healthz` reports is taken again at most every 30 s (src/engine/version-census.ts:
// `cachedCensus`), on the service's clock as it reads in production: milliseconds since 1970, not
// a clock that starts at 0 (test/engine/parts.test.ts), on which an age computed as a sum could not
// be told from a difference.

it('/healthz counts the stored orders as they were up to 30 s ago, then counts them again', async () => {
  const t = await testApp();
  const byVersion = async () => (await t.call('GET', '/healthz')).body.orders.byVersion;
  await t.create({ id: 'H-1' });
  expect(await byVersion()).toEqual({ 2: 1 });
  await t.create({ id: 'H-2' });
  expect(await byVersion()).toEqual({ 2: 1 });
  t.clock.advance(29_999);
  expect(await byVersion()).toEqual({ 2: 1 });
  t.clock.advance(1);
  expect(await byVersion()).toEqual({ 2: 2 });
});
