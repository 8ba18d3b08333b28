import { describe, expect, it } from 'vitest';
import { announceSkip, pgUrl, reportSuiteRan } from '../support/postgres.ts';
import { orderBody } from '../support/test-app.ts';
import { withFleet } from './support/fleet-on-database.ts';
import { startTcpProxy } from './support/tcp-proxy.ts';

/**
 * PostgreSQL stops answering (its packets dropped: a dead host, a firewall) or refuses connections.
 * Before, requests hung for 30 s and more while `/healthz` said ok. Now a request answers 503
 * problem+json with Retry-After within the configured timeouts, `/readyz` answers 503, `/healthz`
 * stays a cheap 200, and the service serves again by itself once PostgreSQL is back.
 */
announceSkip('a dead database on PostgreSQL');

const timeouts = { DATABASE_CONNECT_TIMEOUT_MS: '1000', DATABASE_STATEMENT_TIMEOUT_MS: '1000', DATABASE_TRANSACTION_TIMEOUT_MS: '2000' };
/** The longest a request may take to answer 503: the statement's client-side bound (statement + 1 s = 2 s), a connect timeout (1 s), slack for a busy machine. */
const WITHIN_MS = 5000;

async function timed(url: string, init: RequestInit = {}) {
  const started = Date.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  return { status: res.status, ms: Date.now() - started, retryAfter: res.headers.get('retry-after'), type: res.headers.get('content-type'), text };
}

const event = (note: string) => ({ method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': note }, body: JSON.stringify({ type: 'SUPPLIER_CONTACTED', payload: { note } }) });

describe.runIf(pgUrl)('PostgreSQL unreachable, behind a proxy', () => {
  for (const fault of ['blackhole', 'refuse'] as const) {
    it(`${fault === 'blackhole' ? 'silent (packets dropped)' : 'refusing connections'}: 503 with Retry-After within the timeouts, /readyz 503, /healthz 200, and serving again once it is back`, async () => {
      const target = new URL(pgUrl!);
      const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      try {
        await withFleet('postgres', { instances: 1, env: timeouts, connectVia: (url) => proxy.via(url) }, async (fleet) => {
          const url = await fleet.next();
          expect((await timed(`${url}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(orderBody({ id: 'dead-1' })) })).status).toBe(201);
          expect((await timed(`${url}/orders/dead-1/events`, event('before'))).status).toBe(200);

          proxy[fault]();
          // Five writes to one order wait for each other (the per-order queue): none may pay the others' timeouts.
          const [read, ready, health, ...writes] = await Promise.all([
            timed(`${url}/orders/dead-1`),
            timed(`${url}/readyz`),
            timed(`${url}/healthz`),
            ...['during', 'queued-1', 'queued-2', 'queued-3', 'queued-4'].map((note) => timed(`${url}/orders/dead-1/events`, event(note))),
          ]);
          console.log(`database ${fault}: writes ${writes.map((w) => `${w.status} in ${w.ms} ms`).join(', ')}; read ${read.status} in ${read.ms} ms, /readyz ${ready.status} in ${ready.ms} ms, /healthz ${health.status} in ${health.ms} ms`);
          for (const r of [...writes, read]) {
            expect(r).toMatchObject({ status: 503, retryAfter: '2', type: 'application/problem+json' });
            expect(r.ms).toBeLessThan(WITHIN_MS);
          }
          expect(ready.status).toBe(503);
          expect(ready.ms).toBeLessThan(WITHIN_MS);
          expect(health.status).toBe(200);
          expect(health.ms).toBeLessThan(WITHIN_MS);
          // A second round while it is still down: no request waits longer than the first did.
          const again = await timed(`${url}/orders/dead-1/events`, event('during-2'));
          expect(again).toMatchObject({ status: 503, retryAfter: '2' });
          expect(again.ms).toBeLessThan(WITHIN_MS);

          proxy.restore();
          let recovered: Awaited<ReturnType<typeof timed>> | undefined;
          for (const giveUpAt = Date.now() + 20_000; Date.now() < giveUpAt; await new Promise((resolve) => setTimeout(resolve, 250))) {
            recovered = await timed(`${url}/orders/dead-1/events`, event('during'));
            if (recovered.status === 200) break;
          }
          expect(recovered?.status).toBe(200);
          // Connections that went silent are dropped as they are next used (each after its timeout).
          let ready2 = 0;
          for (const giveUpAt = Date.now() + 20_000; ready2 !== 200 && Date.now() < giveUpAt; ) ready2 = (await timed(`${url}/readyz`)).status;
          expect(ready2).toBe(200);
          // The event retried with its key is in the history once, whatever the 503 left behind.
          const history = JSON.parse((await timed(`${url}/orders/dead-1/history`)).text) as { history: { payload: { note?: string } }[] };
          expect(history.history.filter((h) => h.payload.note === 'during')).toHaveLength(1);
          expect(fleet.unexpectedExits).toEqual([]);
        });
      } finally {
        await proxy.close();
      }
      reportSuiteRan('postgres-dead-database', 1);
    }, 120_000);
  }
});
