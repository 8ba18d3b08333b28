import { orderMachine, type DeadlinePolicy } from '../../machines/order/index.ts';
import { loadCalendar } from '../../src/calendar/load-calendar.ts';
import { workingDaysCounter, type WorkingCalendar } from '../../src/calendar/working-days.ts';
import type { HostedMachine } from '../../src/engine/hosted-machine.ts';
import type { ManualClock } from '../../src/clock.ts';
import type { Store } from '../../src/store/store.ts';
import { testApp } from './test-app.ts';

/**
 * The order machine as a host serves it, cut to version 1: orders are created on version 1 and
 * stay on it (no migration). What the rule tests of version 1 (`test/api/rules-v1-*`) run against:
 * version 1 is frozen but still hosted for the orders pinned to it, so its rules keep their tests.
 * Everything else is the host's default: the holiday calendar (mainland China unless `calendar`),
 * the deployment's deadline defaults (`policy`), the list flags and the view's lists.
 */
export function orderV1Host({ calendar, policy = {} }: { calendar?: WorkingCalendar; policy?: Partial<DeadlinePolicy> } = {}): HostedMachine {
  const order = orderMachine({ addWorkingDays: workingDaysCounter(calendar ?? loadCalendar()), policy });
  return { ...order, versions: [order.versions[0]!], migrations: [] };
}

/** `testApp` hosting version 1 only (see `orderV1Host`). */
export function testAppV1(options: { store?: Store; clock?: ManualClock; calendar?: WorkingCalendar; policy?: Partial<DeadlinePolicy> } = {}) {
  const { calendar, policy, ...rest } = options;
  return testApp({ ...rest, machine: orderV1Host({ calendar, policy }) });
}
