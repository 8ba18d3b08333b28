import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/logger.ts';
import { deploymentPolicySchema } from '../../src/order-wiring.ts';
import { createSandbox } from '../../src/sandbox/sandbox.ts';
import { orderWithRenamedState } from '../support/versions/renamed-state-v2.ts';
import { orderBody } from '../support/test-app.ts';

describe('sandbox runs pinned to a machine version', () => {
  it("create the run's orders on that version (here with a test-only version 2), so older paths replay on theirs", async () => {
    const sandbox = await createSandbox({
      machineFor: (policy) => orderWithRenamedState(policy ? { policy: policy as Record<string, number> } : {}),
      policySchema: deploymentPolicySchema,
      logger: createMemoryLogger(),
    });
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await sandbox.fetch(new Request(`http://sandbox.test${path}`, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) }));
      return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers
    };
    try {
      const pinned = await call('POST', '/sandbox/runs', { version: 1 });
      const newest = await call('POST', '/sandbox/runs', {});
      expect([pinned.body.version, newest.body.version]).toEqual([1, 2]);
      for (const [run, version] of [[pinned, 1], [newest, 2]] as const) {
        expect((await call('POST', `${run.body.base}/orders`, orderBody({ id: 'V-1' }))).status).toBe(201);
        expect((await call('GET', `${run.body.base}/orders/V-1`)).body.machine).toEqual({ id: 'order', version });
      }
      expect((await call('POST', '/sandbox/runs', { version: 3 })).body).toMatchObject({ status: 422, errors: [{ path: 'version', message: 'one of 1, 2' }] });
    } finally {
      await sandbox.close();
    }
  });
});
