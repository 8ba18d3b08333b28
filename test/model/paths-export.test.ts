import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/paths.ts';
import { orderMachine } from '../../machines/order/index.ts';
import { currentVersion } from '../../src/engine/hosted-machine.ts';
import { pathsSchema } from '../../src/model/paths-schema.ts';
import { replayPath } from '../support/model-replay.ts';
import { DAY, HOUR, testApp, type TestApp } from '../support/test-app.ts';

const schema = pathsSchema(currentVersion(orderMachine()));
let t: TestApp;
let served: string;
let document: ReturnType<typeof schema.parse>;
const dir = mkdtempSync(join(tmpdir(), 'aftersales-paths-'));

beforeAll(async () => {
  t = await testApp();
  const res = await t.call('GET', '/machines/order/paths');
  expect(res.status).toBe(200);
  served = res.text;
  document = schema.parse(res.body);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `aftersales paths` with `args`, writing to a file; answers its exit code and the file. */
async function exported(...args: string[]) {
  const out = join(dir, `paths-${Math.random().toString(36).slice(2)}${args.includes('jsonl') ? '.jsonl' : '.json'}`);
  const code = await command.run(['--out', out, ...args]);
  return { code, text: code === 0 ? readFileSync(out, 'utf8') : '' };
}

describe('the paths export', () => {
  it('serves the generated paths at GET /machines/order/paths, in the documented shape', async () => {
    expect(document.machine).toEqual({ id: 'order', version: 2 });
    expect(document.createdAt).toBe('2026-03-02T01:00:00.000Z');
    expect(document.counts).toEqual({ shortest: 376, transition: 515 });
    expect(document.paths).toHaveLength(891);
    expect(document.variants.map((v) => v.name)).toEqual(['domestic', 'international', 'switch-first', 'supplier-switch', 'customs-escalation']);
    const timer = document.paths.flatMap((p) => p.steps).find((s) => s.kind === 'timer');
    expect(timer).toMatchObject({ kind: 'timer', advanceClockTo: 'deadline' });

    const openapi = (await t.call('GET', '/openapi.json')).body;
    expect(Object.keys(openapi.paths['/machines/order/paths'])).toEqual(['get']);
    expect(openapi.paths['/machines/order/paths'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['version', 'format']);
  });

  it('gives times relative to creation, and the policy a variant needs as data', () => {
    const [domestic, , switchFirst] = document.variants;
    expect(domestic!.order).not.toHaveProperty('shipBy');
    expect(domestic!.timesAfterCreation).toEqual({ shipBy: 47 * HOUR });
    expect(domestic!.deployment).toEqual({ defaultPolicy: true, environment: {} });
    expect(domestic!.sandboxRun).toEqual({ policy: {}, startAt: '2026-03-02T01:00:00.000Z', version: 2 });
    expect(switchFirst!.deployment).toEqual({ defaultPolicy: false, environment: { EXPEDITE_AFTER_DAYS: '4', SWITCH_SUPPLIER_AFTER_DAYS: '2' } });
    expect(switchFirst!.sandboxRun).toEqual({ policy: { expediteAfterDays: 4, switchSupplierAfterDays: 2 }, startAt: '2026-03-02T01:00:00.000Z', version: 2 });
  });

  it('gives each deadline its due time, relative to the step that armed it', () => {
    const created = document.paths.find((p) => p.variant === 'domestic')!.start;
    expect(created.expectDeadlines).toEqual([
      { name: 'expediteAt', armedAtStep: 0, dueAfterMs: 47 * HOUR + 2 * DAY },
      { name: 'switchSupplierAt', armedAtStep: 0, dueAfterMs: 47 * HOUR + 4 * DAY },
    ]);
    const steps = document.paths.flatMap((p) => p.steps.map((s, i) => ({ s, i })));
    // A customs reminder re-arms itself: 3 days after the reminder that fired.
    const reminded = steps.find(({ s }) => s.type === 'TIMER.CUSTOMS_REMINDER' && s.expectDeadlines.some((d) => d.name === 'customsReminderAt'))!;
    expect(reminded.s.expectDeadlines).toContainEqual({ name: 'customsReminderAt', armedAtStep: reminded.i + 1, dueAfterMs: 3 * DAY });
    // R7: 15 working days after the verification, at midnight in Asia/Shanghai (a Thursday in March 2026 here: 21 days and some hours).
    const approved = steps.find(({ s }) => s.type === 'VERIFICATION_APPROVED')!;
    const resolution = approved.s.expectDeadlines.find((d) => d.name === 'resolutionDueAt')!;
    expect(resolution.armedAtStep).toBe(approved.i + 1);
    expect(resolution.dueAfterMs).toBeGreaterThanOrEqual(21 * DAY);
    expect(resolution.dueAfterMs).toBeLessThan(22 * DAY);

    // Each path's clock only moves forward: client events a minute apart, each timer step at the due time its order showed.
    for (const path of document.paths) {
      const times = [0, ...path.steps.map((s) => s.sinceCreationMs)];
      path.steps.forEach((step, i) => {
        const before = i === 0 ? path.start : path.steps[i - 1]!;
        if (step.kind === 'event') expect(step.sinceCreationMs, path.id).toBe(times[i]! + 60_000);
        else {
          const due = before.expectDeadlines.find((d) => d.name === step.deadline)!;
          // At its due time, or at once when it fell due before the previous step (version 2 returns to a state whose deadline has passed, R11).
          expect(step.sinceCreationMs, `${path.id} step ${i + 1}`).toBe(Math.max(times[i]!, times[due.armedAtStep]! + due.dueAfterMs));
        }
      });
    }
  });

  // Each export generates a document (version 2's graph is three times version 1's): minutes on a loaded machine.
  it('writes the same document with `aftersales paths --out`, for a chosen version too', { timeout: 180_000 }, async () => {
    const newest = await exported();
    expect(newest.code).toBe(0);
    expect(JSON.parse(newest.text)).toEqual(JSON.parse(served));
    expect(JSON.parse((await exported('--version', '2')).text)).toEqual(JSON.parse(served));
    expect(JSON.parse((await exported('--version', '1')).text).machine).toEqual({ id: 'order', version: 1 });
    expect((await exported('--version', '7')).code).toBe(2);
    expect((await exported('--format', 'xml')).code).toBe(2);
    const query = await t.call('GET', '/machines/order/paths?version=2');
    expect(query.text).toBe(served);
    expect((await t.call('GET', '/machines/order/paths?version=7')).status).toBe(404);
    for (const bad of ['version=one', 'format=xml', 'colour=red']) {
      const res = await t.call('GET', `/machines/order/paths?${bad}`);
      expect(res.status, bad).toBe(422);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('writes JSON Lines, one step per line, each path starting with its creation', async () => {
    const { code, text } = await exported('--format', 'jsonl');
    expect(code).toBe(0);
    const res = await t.call('GET', '/machines/order/paths?format=jsonl');
    expect(res.headers.get('content-type')).toMatch(/^application\/jsonl/);
    expect(res.text).toBe(text);
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(891 + 4724);
    const [first, second] = lines;
    expect(first).toMatchObject({ machine: { id: 'order', version: 2 }, path: 'shortest/domestic/1', variant: 'domestic', step: 0, kind: 'create', timesAfterCreation: { shipBy: 47 * HOUR } });
    expect(first.expectDeadlines).toEqual(document.paths[0]!.start.expectDeadlines);
    // Lines grouped by path give back each path's steps.
    for (const path of [document.paths[1]!, document.paths.at(-1)!]) {
      const own = lines.filter((l) => l.path === path.id);
      expect(own.map((l) => l.step)).toEqual([0, ...path.steps.map((_, i) => i + 1)]);
      expect(own.slice(1).map(({ path: _p, step: _s, ...step }) => step)).toEqual(path.steps);
    }
    expect(second.path).toBe(document.paths[0]!.steps.length ? 'shortest/domestic/1' : 'shortest/domestic/2');
  });

  it('replays as a client would: the longest exported path of each variant, from the JSON alone', async () => {
    for (const variant of document.variants) {
      const longest = document.paths.filter((p) => p.variant === variant.name).reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
      await replayPath(longest as never, variant);
    }
  });
});
