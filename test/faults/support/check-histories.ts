import { wholeHistory } from '../../support/whole-history.ts';
import type { Fleet } from './service-fleet.ts';

/** The figures of a run under faults: what was acknowledged, and what was found in the histories. */
export interface FaultFigures {
  faults: number;
  requests: number;
  acknowledged: number;
  refused: number;
  /** Requests that got no answer even after retries (each may or may not have been applied). */
  unknown: number;
  /** Acknowledged events missing from the history. */
  lost: number;
  /** Events in a history more than once. */
  appliedTwice: number;
  /** Events refused with a 4xx that are in a history anyway. */
  refusedButApplied: number;
  /** Orders whose history has a gap or whose version differs from its history's length. */
  brokenHistories: number;
  timersDue: number;
  timersFiredOnce: number;
  timersFiredTwice: number;
  timersNotFired: number;
  /** From the first order created to the end of the check. */
  durationMs: number;
  /** Answers by HTTP status, every attempt counted (0: no answer at all). */
  statuses?: Record<number, number>;
  /** 503 answers without `Retry-After`, or not as problem+json. */
  unavailableWithoutRetryAfter?: number;
}

interface HistoryEntry { seq: number; type: string; payload: { note?: string }; source: string; dueAt: string | null }

async function historyOf(fleet: Fleet, orderId: string): Promise<{ history: HistoryEntry[]; version: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const url = await fleet.next();
      const [h, o] = await Promise.all([wholeHistory<HistoryEntry>(url, orderId), fetch(`${url}/orders/${orderId}`)]);
      if (h.status === 200 && o.status === 200) return { history: h.history, version: ((await o.json()) as { version: number }).version };
      throw new Error(`history ${h.status}, order ${o.status}`);
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Reads every order's history through the API, once every planned deadline fell due and the due
 * timers fired (or `settleMs` passed): every acknowledged event is there once, none twice, no
 * refused one at all; histories are gapless; every due timer fired exactly once.
 */
export async function checkHistories({ fleet, plan, outcomes, faults, settleMs, startedAt, log }: {
  fleet: Fleet;
  plan: { id: string; dueAts: number[] }[];
  outcomes: Map<string, { orderId: string; outcome: 'acknowledged' | 'refused' | 'unknown' }>;
  faults: number;
  settleMs: number;
  startedAt: number;
  log: (line: string) => void;
}): Promise<FaultFigures> {
  const due = () => plan.reduce((n, o) => n + o.dueAts.filter((d) => d <= Date.now()).length, 0);
  const fired = async () => {
    let n = 0;
    for (const o of plan) n += (await historyOf(fleet, o.id)).history.filter((h) => h.source === 'timer').length;
    return n;
  };
  // Every planned deadline falls due first.
  const last = Math.max(...plan.flatMap((o) => o.dueAts));
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, last - Date.now())));
  // Timers leased by a killed process wait out their lease; give them `settleMs`, then two sweeps more.
  const settleUntil = Date.now() + settleMs;
  while ((await fired()) < due() && Date.now() < settleUntil) await new Promise((resolve) => setTimeout(resolve, 250));
  log(`timers settled after ${Date.now() - (settleUntil - settleMs)} ms`);
  await new Promise((resolve) => setTimeout(resolve, 500));

  const figures: FaultFigures = {
    faults,
    requests: outcomes.size,
    acknowledged: 0,
    refused: 0,
    unknown: 0,
    lost: 0,
    appliedTwice: 0,
    refusedButApplied: 0,
    brokenHistories: 0,
    timersDue: 0,
    timersFiredOnce: 0,
    timersFiredTwice: 0,
    timersNotFired: 0,
    durationMs: 0,
  };
  const applied = new Map<string, number>();
  const now = Date.now();
  for (const o of plan) {
    const { history, version } = await historyOf(fleet, o.id);
    if (history.some((h, i) => h.seq !== i + 1) || history.length !== version) figures.brokenHistories += 1;
    for (const h of history) if (h.type === 'SUPPLIER_CONTACTED' && h.payload.note) applied.set(h.payload.note, (applied.get(h.payload.note) ?? 0) + 1);
    for (const dueAt of o.dueAts.filter((d) => d <= now)) {
      figures.timersDue += 1;
      const times = history.filter((h) => h.source === 'timer' && h.dueAt !== null && Date.parse(h.dueAt) === dueAt).length;
      if (times === 1) figures.timersFiredOnce += 1;
      else if (times === 0) figures.timersNotFired += 1;
      else figures.timersFiredTwice += 1;
    }
  }
  for (const [note, { outcome }] of outcomes) {
    figures[outcome] += 1;
    const times = applied.get(note) ?? 0;
    if (outcome === 'acknowledged' && times === 0) figures.lost += 1;
    if (outcome === 'refused' && times > 0) figures.refusedButApplied += 1;
  }
  for (const times of applied.values()) if (times > 1) figures.appliedTwice += 1;
  figures.durationMs = Date.now() - startedAt;
  return figures;
}
