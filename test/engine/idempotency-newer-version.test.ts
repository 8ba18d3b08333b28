import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { createManualClock } from '../../src/clock.ts';
import { createEngine } from '../../src/engine/engine.ts';
import type { HostedMachine } from '../../src/engine/hosted-machine.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { tinyMachine } from '../support/versions/tiny-machine.ts';

// A retried Idempotency-Key is answered as before when a version older than the order's read the
// first request (test/engine/idempotency-across-versions.test.ts); never by a version newer than
// the order's, which did not serve it.

it('a retry the order\'s version refuses is refused, even when a newer version would read it as the first request', async () => {
  const tiny = tinyMachine();
  const v1 = { ...tiny.versions[0]!, eventSchemas: { FINISH: z.object({ n: z.number() }).strict() } };
  // Version 2 reads `n` from a string too: `{ n: '5' }` is `{ n: 5 }` to it.
  const v2 = { ...v1, version: 2, eventSchemas: { FINISH: z.object({ n: z.coerce.number() }) } };
  const store = createSqliteStore(new Database(':memory:'));
  await store.migrate();
  const clock = createManualClock();
  const before = createEngine({ store, clock, machine: { ...tiny, versions: [v1] } });
  await before.createOrder({ id: 'N-1' });
  const first = await before.send('N-1', 'FINISH', { n: 5 }, { idempotencyKey: 'k' });
  // A release with version 2, the order still on version 1 (not migrated).
  const both: HostedMachine = { ...tiny, versions: [v1, v2] };
  const after = createEngine({ store, clock, machine: both });
  expect(await after.send('N-1', 'FINISH', { n: 5 }, { idempotencyKey: 'k' })).toEqual(first);
  await expect(after.send('N-1', 'FINISH', { n: '5' }, { idempotencyKey: 'k' })).rejects.toMatchObject({ problem: { status: 422, detail: 'the payload of FINISH is not valid' } });
});
