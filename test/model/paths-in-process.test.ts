import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { orderMachine } from '../../machines/order/index.ts';
import { loadCalendar } from '../../src/calendar/load-calendar.ts';
import { workingDaysCounter } from '../../src/calendar/working-days.ts';
import type { MachineVersion } from '../../src/engine/hosted-machine.ts';
import { pathsDocument } from '../../src/model/paths-document.ts';
import { MODEL_EPOCH, modelGraph } from '../../src/model/paths.ts';
import { replayableVariant } from '../../src/model/paths-variants.ts';
import { inProcessReplay } from '../support/in-process-replay.ts';

// The generated paths of each version of the order machine, checked without the API: the size of
// each variant's graph, and every path taken as the engine takes it (test/support/in-process-replay.ts).
// Seconds where `generated-paths.test.ts` replays through the API in minutes, so a change of the
// model (`machines/order/v*/model*.ts`) shows here first. Everything is built inside the tests.

const addWorkingDays = () => workingDaysCounter(loadCalendar());
const versionOf = (n: number, policy: Record<string, number> = {}) => orderMachine({ addWorkingDays: addWorkingDays(), policy }).versions[n - 1]! as MachineVersion;
const graphSizes = (version: MachineVersion) =>
  Object.fromEntries(
    version.model!.variants.map((variant) => {
      const graph = modelGraph(version, variant);
      return [variant.name, { states: Object.keys(graph).length, edges: Object.values(graph).reduce((n, s) => n + Object.keys(s.transitions).length, 0) }];
    }),
  );

/**
 * The steps that leave no time in the order, by version: the model stamps the client event after one as after the
 * step before (its clock is the latest time the order shows, plus a minute). Version 1 records no note of these.
 */
const silentSteps: Record<number, string[]> = {
  1: ['ITEM_OVERSIZED', 'SUPPLIER_UNRESPONSIVE', 'CUSTOMS_CLEARED', 'VERIFICATION_APPROVED', 'REQUEST_RESHIP', 'TIMER.EXPEDITE', 'TIMER.SWITCH_SUPPLIER'],
  2: ['VERIFICATION_APPROVED', 'REQUEST_RESHIP'],
};

/** Every path of version `n`'s document, each taken on the version deployed with its variant's policy. */
function replayAll(n: number, change: (doc: ReturnType<typeof pathsDocument>) => void = () => {}, silent = silentSteps[n]) {
  const document = pathsDocument('order', versionOf(n));
  change(document);
  const deployed = new Map(document.variants.map((v) => [v.name, versionOf(n, v.sandboxRun.policy as Record<string, number>)]));
  const orders = new Map(versionOf(n).model!.variants.map((v) => [v.name, v.order]));
  return { document, problems: document.paths.flatMap((p) => inProcessReplay(deployed.get(p.variant)!, p, orders.get(p.variant)!, silent)) };
}

describe('the graphs of the order machine, per variant', () => {
  // Exact numbers, like the path counts: a change of the model or the machine shows here in review.
  it('version 2 (the one new orders are created on)', () => {
    expect(graphSizes(versionOf(2))).toEqual({
      domestic: { states: 205, edges: 621 },
      international: { states: 43, edges: 141 },
      'switch-first': { states: 15, edges: 58 },
      'supplier-switch': { states: 67, edges: 180 },
      'customs-escalation': { states: 46, edges: 94 },
    });
  });

  it('version 1 (still running the orders pinned to it; `aftersales paths --version 1`)', () => {
    expect(graphSizes(versionOf(1))).toEqual({
      domestic: { states: 73, edges: 244 },
      international: { states: 49, edges: 164 },
      'switch-first': { states: 12, edges: 58 },
    });
  });
});

describe('the variants of the paths document', () => {
  // A replayer reads the description to choose a deployment: it must say what the data says.
  it.each([1, 2])('version %i: each description names its order\'s scope and every setting of its deployment', (n) => {
    const variants = versionOf(n).model!.variants.map((v) => replayableVariant(v, MODEL_EPOCH, n));
    for (const v of variants) {
      expect(v.description, v.name).toContain(`${(v.order as { scope: string }).scope} order`);
      for (const [name, value] of Object.entries(v.deployment.environment)) expect(v.description, v.name).toContain(`${name}=${value}`);
      if (v.deployment.defaultPolicy) expect(v.description, v.name).not.toMatch(/[A-Z_]+=\d/);
    }
  });
});

/** The kinds of claim and evidence and the reasons of cancellation that the event steps of `document` send. */
function classesSent(document: ReturnType<typeof pathsDocument>) {
  const sent = document.paths.flatMap((p) =>
    p.steps.flatMap((s) => {
      const payload = (s.kind === 'event' ? s.payload : {}) as { kind?: string; reason?: string; media?: { kind: string }[] };
      if (s.type === 'ISSUE_REPORTED') return [`claim ${payload.kind}`];
      if (s.type === 'EVIDENCE_SUBMITTED') return (payload.media ?? []).map((m) => `evidence ${m.kind}`);
      return s.type === 'CANCEL_REQUESTED' ? [`cancellation ${payload.reason}`] : [];
    }),
  );
  return [...new Set(sent)].sort();
}

/** The payload fields each event's schema takes that no event step of `document` sends (`TYPE.field`). */
function fieldsNotSent(version: MachineVersion, document: ReturnType<typeof pathsDocument>) {
  const sent = new Set(document.paths.flatMap((p) => p.steps.flatMap((s) => (s.kind === 'event' ? Object.keys(s.payload).map((f) => `${s.type}.${f}`) : []))));
  return Object.entries(version.eventSchemas)
    .flatMap(([type, schema]) => Object.keys((schema as z.ZodObject).shape).map((field) => `${type}.${field}`))
    .filter((field) => !sent.has(field));
}

// The paths send every payload field the API takes (notes, reasons and references too) and every kind of claim,
// evidence and cancellation they offer, so that each is shown taken; the exceptions are pinned, so that a field or kind
// the model stops sending shows here. Left to the rule tests: a delivery time the carrier reports, a reship of chosen
// items and a switch's new ship-by date (each moves a time or the items a reship carries, which the graph would only
// multiply). Checked on the replayed document, which each test builds once.
describe('the generated paths, taken in-process as the engine takes them', () => {
  it('version 2: every path holds; every field and kind of its events is sent but three fields', () => {
    const { document, problems } = replayAll(2);
    expect(document.counts).toEqual({ shortest: 376, transition: 515 });
    expect(problems).toEqual([]);
    expect(fieldsNotSent(versionOf(2), document)).toEqual(['SWITCH_SUPPLIER.shipBy', 'DELIVERED.at', 'REQUEST_RESHIP.items']);
    // Every claim kind (the machine reads none: a missing item's claim takes the wrong item's edges on).
    expect(classesSent(document)).toEqual(['cancellation customer_cancelled', 'cancellation wrong_address', 'claim damaged', 'claim missing_item', 'claim wrong_item', 'evidence photo', 'evidence video']);
  });

  it('version 1: every path holds; every field and kind of its events is sent but the three fields and four notes', () => {
    const { document, problems } = replayAll(1);
    expect(document.counts).toEqual({ shortest: 134, transition: 198 });
    expect(problems).toEqual([]);
    expect(fieldsNotSent(versionOf(1), document)).toEqual([
      'ITEM_OVERSIZED.note',
      'SUPPLIER_UNRESPONSIVE.note',
      'SWITCH_SUPPLIER.shipBy',
      'INTERCEPT_SUCCEEDED.note',
      'CUSTOMS_CLEARED.note',
      'DELIVERED.at',
      'REQUEST_RESHIP.items',
    ]);
    expect(classesSent(document)).toEqual(['cancellation customer_cancelled', 'cancellation wrong_address', 'claim damaged', 'claim missing_item', 'claim wrong_item', 'evidence photo', 'evidence video']);
  });

  it('finds a refused payload, a wrong prediction, a wrong due time and a wrong step time', () => {
    const { problems } = replayAll(2, (doc) => {
      // A SHIPPED without its tracking number.
      const shipped = doc.paths.find((p) => p.steps[0]?.type === 'SHIPPED')!;
      const first = shipped.steps[0]!;
      if (first.kind === 'event') first.payload = { carrier: 'SF Express' };
      // An expectation of another state, a due time a millisecond late, a step a week late.
      const other = doc.paths.find((p) => p !== shipped && p.steps.length > 1)!;
      (other.steps[1]!.expect as { state: string }).state = 'somewhere';
      doc.paths.find((p) => p.id === 'shortest/domestic/1')!.start.expectDeadlines[0]!.dueAfterMs += 1;
      const late = doc.paths.find((p) => p !== shipped && p !== other && p.steps[0]?.kind === 'event')!;
      late.steps[0]!.sinceCreationMs += 7 * 86_400_000;
    });
    expect(problems.some((p) => /SHIPPED\): the payload is refused/.test(p))).toBe(true);
    expect(problems.some((p) => /^step 2 of .*: the order shows .*, the path expects .*"somewhere"/.test(p))).toBe(true);
    expect(problems.some((p) => /^creation of shortest\/domestic\/1: the order arms/.test(p))).toBe(true);
    expect(problems.some((p) => /^step 1 of .*: taken 60000 ms after creation, the path says 604860000/.test(p))).toBe(true);
  });

  it('finds a client step taken after a deadline fell due', () => {
    // Shipped at once under a policy that makes the order overdue at its creation: the expedite request falls due first.
    const document = pathsDocument('order', versionOf(2));
    const path = document.paths.find((p) => p.variant === 'domestic' && p.steps[0]?.type === 'SHIPPED')!;
    const order = { ...versionOf(2).model!.variants[0]!.order, shipBy: new Date(MODEL_EPOCH).toISOString() };
    const problems = inProcessReplay(versionOf(2, { expediteAfterDays: 0 }), path, order);
    expect(problems.some((p) => /^step 1 of .*\(SHIPPED\): expediteAt fell due before it/.test(p))).toBe(true);
  });

  it('finds a client step the model offers at another time than the path takes it', () => {
    // The step after an approval, taken as if the approval had left its time in the order: the model offers it a minute earlier.
    const document = pathsDocument('order', versionOf(2));
    const path = document.paths.find((p) => p.variant === 'domestic' && p.steps.some((s, i) => s.type === 'VERIFICATION_APPROVED' && p.steps[i + 1]?.kind === 'event'))!;
    const after = path.steps.findIndex((s) => s.type === 'VERIFICATION_APPROVED') + 2;
    const problems = inProcessReplay(versionOf(2), path, versionOf(2).model!.variants[0]!.order, []);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^step ${after} of .*: the model offers it \\d+ ms after creation, not a minute after the latest step that left a time`)));
    expect(inProcessReplay(versionOf(2), path, versionOf(2).model!.variants[0]!.order, silentSteps[2])).toEqual([]);
  });
});
