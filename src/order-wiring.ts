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
