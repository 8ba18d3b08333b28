import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/paths.ts';
import { orderMachine } from '../../machines/order/index.ts';
import { currentVersion } from '../../src/engine/hosted-machine.ts';
import { pathsSchema } from '../../src/model/paths-schema.ts';
import { replayPath } from '../support/model-replay.ts';
import { testApp } from '../support/test-app.ts';

describe('the paths export', () => {
  it('serves the generated paths at GET /machines/order/paths, in the documented shape', async () => {
    const t = await testApp();
    const res = await t.call('GET', '/machines/order/paths');
    expect(res.status).toBe(200);
    const document = pathsSchema(currentVersion(orderMachine())).parse(res.body);
    expect(document.machine).toEqual({ id: 'order', version: 2 });
    expect(document.counts).toEqual({ shortest: 384, transition: 533 });
    expect(document.paths).toHaveLength(917);
    expect(document.variants.map((v) => v.name)).toEqual(['domestic', 'international', 'switch-first', 'supplier-switch', 'customs-escalation']);
    const timer = document.paths.flatMap((p) => p.steps).find((s) => s.kind === 'timer');
    expect(timer).toMatchObject({ kind: 'timer', advanceClockTo: 'deadline' });

    const openapi = (await t.call('GET', '/openapi.json')).body;
    expect(Object.keys(openapi.paths['/machines/order/paths'])).toEqual(['get']);
  });

  it('writes the same document with `aftersales paths --out`', async () => {
    const t = await testApp();
    const served = (await t.call('GET', '/machines/order/paths')).text;
    const dir = mkdtempSync(join(tmpdir(), 'aftersales-paths-'));
    try {
      const out = join(dir, 'paths.json');
      expect(await command.run(['--out', out])).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(served));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('replays as a client would: the longest exported path of each variant, from the JSON alone', async () => {
    const t = await testApp();
    const document = pathsSchema(currentVersion(orderMachine())).parse((await t.call('GET', '/machines/order/paths')).body);
    for (const variant of document.variants) {
      const longest = document.paths.filter((p) => p.variant === variant.name).reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
      await replayPath(longest as never, variant as never);
    }
  });
});
