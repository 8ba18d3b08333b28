import fc from 'fast-check';
import { expect, it } from 'vitest';
import { onBothStores } from '../support/both-stores.ts';
import { expectInvariants } from '../support/invariants.ts';
import { testApp } from '../support/test-app.ts';
import { fuzzRequest, knownOrderIds, type FuzzRequest } from './support/fuzz-requests.ts';

/**
 * Hostile requests on every route must never be a 5xx, on either store: whatever a client sends is
 * answered as the API documents it (an error as problem+json), and accepted events keep each order
 * consistent. `FUZZ_RUNS` sets the requests per store (CI: the default); `FUZZ_SEED` replays a run.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 1500);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const show = (r: FuzzRequest) => `${r.method} ${r.path} ${JSON.stringify(r.headers)} ${r.body ?? ''}`;

onBothStores('postgres-api-fuzz', (open) => {
  it(`answers ${runs} fuzzed requests without a 5xx, errors as problem+json`, async () => {
    const t = await testApp({ store: await open() });
    for (const id of knownOrderIds) expect((await t.create({ id })).status).toBe(201);
    expect((await t.call('POST', '/webhooks', { url: 'https://hooks.example/in' })).status).toBe(201);

    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (request) => {
        const res = await t.app.request(request.path, { method: request.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) });
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `${show(request)}\n→ ${text.slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400) expect(res.headers.get('content-type'), show(request)).toBe('application/problem+json');
      }),
      { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
    );

    const count = [...statuses.values()].reduce((a, b) => a + b, 0);
    console.log(`API fuzz: ${count} requests, by status ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    expect(t.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    for (const id of knownOrderIds) await expectInvariants(t, id);
  }, 300_000);
});
