import { z } from 'zod';
import { orderMachine, type DeadlinePolicy } from '../machines/order/index.ts';
import { loadCalendar } from './calendar/load-calendar.ts';
import { workingDaysCounter } from './calendar/working-days.ts';
import type { Config } from './config.ts';

/** The deployment's deadline defaults, from the environment. */
export function policyFrom(config: Config): Partial<DeadlinePolicy> {
  const entries: [keyof DeadlinePolicy, number | undefined][] = [
    ['expediteAfterDays', config.EXPEDITE_AFTER_DAYS],
    ['switchSupplierAfterDays', config.SWITCH_SUPPLIER_AFTER_DAYS],
    ['evidenceDays', config.EVIDENCE_DAYS],
    ['protectionWindowDays', config.PROTECTION_WINDOW_DAYS],
    ['customsReminderDays', config.CUSTOMS_REMINDER_DAYS],
    ['resolutionWorkingDays', config.RESOLUTION_WORKING_DAYS],
    ['customsEscalateAfterDays', config.CUSTOMS_ESCALATE_AFTER_DAYS],
    ['supplierRefundRemindDays', config.SUPPLIER_REFUND_REMIND_DAYS],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

/** The order machine as the configuration asks for it: the holiday calendar and the deadline policy. The one place that names it for the entry points. */
export function orderMachineFrom(config: Config) {
  const calendar = loadCalendar(config.CALENDAR_FILE, config.CALENDAR_ZONE);
  return { calendar, machine: orderMachine({ addWorkingDays: workingDaysCounter(calendar), policy: policyFrom(config) }) };
}

const days = (min: number, max: number) => z.number().int().min(min).max(max).optional();

/**
 * A deployment's deadline policy as data (what the `*_DAYS` variables set), with the same bounds:
 * what a sandbox run takes (`POST /sandbox/runs`) and what a paths variant says it needs.
 */
export const deploymentPolicySchema = z
  .object({
    expediteAfterDays: days(1, 60),
    switchSupplierAfterDays: days(1, 60),
    evidenceDays: days(1, 90),
    protectionWindowDays: days(1, 365),
    customsReminderDays: days(1, 60),
    resolutionWorkingDays: days(1, 120),
    customsEscalateAfterDays: days(1, 120),
    supplierRefundRemindDays: days(1, 120),
  })
  .strict();

/** The variable of `npm start`'s environment that sets each policy field (for the paths document and the docs). */
export const policyVariables: Record<keyof DeadlinePolicy, string> = {
  expediteAfterDays: 'EXPEDITE_AFTER_DAYS',
  switchSupplierAfterDays: 'SWITCH_SUPPLIER_AFTER_DAYS',
  evidenceDays: 'EVIDENCE_DAYS',
  protectionWindowDays: 'PROTECTION_WINDOW_DAYS',
  customsReminderDays: 'CUSTOMS_REMINDER_DAYS',
  resolutionWorkingDays: 'RESOLUTION_WORKING_DAYS',
  customsEscalateAfterDays: 'CUSTOMS_ESCALATE_AFTER_DAYS',
  supplierRefundRemindDays: 'SUPPLIER_REFUND_REMIND_DAYS',
};

/**
 * The order machine on the configured calendar, under any deadline policy: the deployment's (from
 * the environment) when none is given. The sandbox builds one per run.
 */
export function orderMachineFactory(config: Config) {
  const calendar = loadCalendar(config.CALENDAR_FILE, config.CALENDAR_ZONE);
  const addWorkingDays = workingDaysCounter(calendar);
  const deployment = policyFrom(config);
  return {
    calendar,
    machineFor: (policy?: Partial<DeadlinePolicy>) => orderMachine({ addWorkingDays, policy: policy ?? deployment }),
  };
}
