import { createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { orderMachine } from '../../machines/order/index.ts';
import type { OrderMachine } from '../../machines/order/v2/index.ts';
import { loadCalendar } from '../../src/calendar/load-calendar.ts';
import { workingDaysCounter } from '../../src/calendar/working-days.ts';
import { currentVersion } from '../../src/engine/hosted-machine.ts';
import { allStateNodes, allTransitions, coverageOf } from '../../src/model/coverage.ts';
import { pathsDocument } from '../../src/model/paths-document.ts';
import { shortestGraphPaths, transitionGraphPaths } from '../../src/model/paths.ts';
import { describeStep, replayPath } from '../support/model-replay.ts';

// On the calendar the test service counts working days with (the bundled one), so that due times match.
const version = currentVersion(orderMachine({ addWorkingDays: workingDaysCounter(loadCalendar()) }));
const { machine } = version;
const document = pathsDocument('order', version);
const variant = (name: string) => document.variants.find((v) => v.name === name)!;
const title = (p: (typeof document.paths)[number]) => `${p.id}: ${p.steps.map(describeStep).join(' → ') || '(new order)'}`;

describe('the graph of the order machine', () => {
  // Exact numbers: a change of the machine or of the model shows here in review.
  it('has a known number of paths', () => {
    expect(document.counts).toEqual({ shortest: 376, transition: 515 });
    expect(document.paths.reduce((n, p) => n + p.steps.length, 0)).toBe(4724);
    expect(replayed.length).toBe(590);
  });

  it('reaches every state node with the shortest paths', () => {
    const coverage = coverageOf(machine, shortestGraphPaths(version));
    expect(coverage.stateNodes.missing).toEqual([]);
    expect(coverage.stateNodes.total).toBe(27);
  });

  it('takes every transition of the machine with the transition paths', () => {
    const coverage = coverageOf(machine, transitionGraphPaths(version));
    expect(coverage.stateNodes.missing).toEqual([]);
    expect(coverage.transitions.missing).toEqual([]);
    expect(coverage.transitions.total).toBe(63);
  });

  it('reports a state no path reaches and a transition no path takes', () => {
    // The machine with one state nothing leads to, and one transition whose guard never holds.
    const config = machine.config as { states: Record<string, object> };
    const changed = createMachine({
      ...(machine.config as object),
      states: {
        ...config.states,
        delivered: { ...config.states.delivered, on: { ...(config.states.delivered as { on: object }).on, CUSTOMS_HELD: { guard: () => false, target: 'completed' } } },
        archived: { type: 'final' },
      },
    } as never, machine.implementations as never) as unknown as OrderMachine;
    expect(allStateNodes(changed)).toContain('order.archived');
    expect(allTransitions(changed)).toContain('order.delivered CUSTOMS_HELD#0');
    const coverage = coverageOf(changed, transitionGraphPaths({ ...version, machine: changed }));
    expect(coverage.stateNodes.missing).toEqual(['order.archived']);
    expect(coverage.transitions.missing).toEqual(['order.delivered CUSTOMS_HELD#0']);
  });
});

// A path whose steps all recur at the start of a longer path is checked by that path's replay,
// step by step with the same expectations (xstate's TestModel drops such paths the same way).
const stepsOf = (p: (typeof document.paths)[number]) => p.steps.map((s) => JSON.stringify(s));
const prefixOf = (short: string[], long: string[]) => short.length < long.length && short.every((s, i) => s === long[i]);
const replayed = document.paths.filter((p) => !document.paths.some((q) => q.variant === p.variant && prefixOf(stepsOf(p), stepsOf(q))));

// `MODEL_REPLAY_EVERY=n` replays every n-th path only (the mutation run sets it to stay fast).
const every = Number(process.env.MODEL_REPLAY_EVERY ?? 1);
const sample = replayed.filter((_, i) => i % every === 0);

describe.each([
  ['shortest paths to every state', sample.filter((p) => p.kind === 'shortest')],
  ['paths that take every transition', sample.filter((p) => p.kind === 'transition')],
])('%s, replayed through the API', (_, paths) => {
  it.each(paths.map((p) => [title(p), p] as const))('%s', async (_title, path) => {
    await replayPath(path, variant(path.variant));
  });
});
