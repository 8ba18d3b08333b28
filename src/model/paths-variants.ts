import type { ModelVariant } from '../engine/hosted-machine.ts';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

type Body = Record<string, unknown>;
const isObject = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Splits a creation body into what a replay sends as it is and its times (`shipBy`), each as ms
 * after the creation at `createdAt`: a replay sets them from its own clock, so an order replayed
 * later is not created overdue. Nested objects are walked; a time's key is its dotted path.
 */
export function splitTimes(body: Body, createdAt: number, prefix = ''): { order: Body; timesAfterCreation: Record<string, number> } {
  const order: Body = {};
  const timesAfterCreation: Record<string, number> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && ISO_TIME.test(value)) {
      timesAfterCreation[`${prefix}${key}`] = Date.parse(value) - createdAt;
    } else if (isObject(value)) {
      const nested = splitTimes(value, createdAt, `${prefix}${key}.`);
      order[key] = nested.order;
      Object.assign(timesAfterCreation, nested.timesAfterCreation);
    } else {
      order[key] = value;
    }
  }
  return { order, timesAfterCreation };
}

/** The creation body of a replay at `createdAt` (epoch ms): the body with each time set `timesAfterCreation` after it. */
export function creationBody(order: Body, timesAfterCreation: Record<string, number>, createdAt: number): Body {
  const body: Body = structuredClone(order);
  for (const [path, ms] of Object.entries(timesAfterCreation)) {
    const keys = path.split('.');
    let target = body;
    for (const key of keys.slice(0, -1)) target = isObject(target[key]) ? target[key] : (target[key] = {});
    target[keys.at(-1)!] = new Date(createdAt + ms).toISOString();
  }
  return body;
}

/** `expediteAfterDays` → `EXPEDITE_AFTER_DAYS`: the deployment variable of a policy field. */
const variableOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

/**
 * A variant as the paths document gives it: the creation body without its times and the times
 * relative to creation; the deadline policy it needs, as data (`deployment`: whether the defaults
 * do, and the environment of a deployment that does), and the body of `POST /sandbox/runs` that
 * starts a sandbox run under that policy, on `version`, at the time the expectations were computed for.
 */
export function replayableVariant(variant: ModelVariant, createdAt: number, version: number) {
  const { order, timesAfterCreation } = splitTimes(variant.order, createdAt);
  return {
    name: variant.name,
    description: variant.description,
    order,
    timesAfterCreation,
    policy: variant.policy,
    deployment: {
      defaultPolicy: Object.keys(variant.policy).length === 0,
      environment: Object.fromEntries(Object.entries(variant.policy).map(([field, value]) => [variableOf(field), String(value)])),
    },
    sandboxRun: { policy: variant.policy, startAt: new Date(createdAt).toISOString(), version },
  };
}

export type ReplayableVariant = ReturnType<typeof replayableVariant>;
