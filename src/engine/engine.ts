import { randomUUID } from 'node:crypto';
import { initialTransition } from 'xstate';
import {
  acceptedEvents,
  armedDeadlines,
  checkAgainstOrder,
  clientEventSchemas,
  clientEventTypes,
  createOrderMachine,
  effectActions,
  explainRefusal,
  isClientEventType,
  persist,
  restore,
  statePath,
  timerEventTypes,
  type CreateOrderInput,
  type DeadlinePolicy,
  type OrderEvent,
  type OrderMachine,
  type OrderSnapshot,
} from '../../machines/order/index.ts';
import type { Clock } from '../clock.ts';
import { conflict, invalidInput, notAccepted, notFound, versionMismatch, type FieldError } from '../errors.ts';
import type { Commit, OrderRecord, Store, TimerEntry } from '../store/store.ts';
import { VersionConflictError } from '../store/store.ts';
import { requestHash } from './hash.ts';
import { orderView, type OrderView } from './order-view.ts';
import { createPureTransition } from './pure-transition.ts';
import { zodIssues } from './zod-issues.ts';

export interface EngineOptions {
  store: Store;
  clock: Clock;
  /** The order machine; build it with `createOrderMachine({ addWorkingDays })` to use a holiday calendar. */
  machine?: OrderMachine;
  /** Deployment defaults of the deadlines; orders may override some of them. */
  policy?: Partial<DeadlinePolicy>;
  /** How often a lost compare-and-swap is retried before the client hears 409. */
  maxRetries?: number;
  /** Called after every commit (for live views and inspection); errors in it are the caller's. */
  onCommit?: (change: CommittedChange) => void;
}

export interface CommittedChange { orderId: string; version: number; event: OrderEvent | { type: 'ORDER_CREATED' }; fromState: string | null; toState: string; snapshot: OrderSnapshot; source: 'client' | 'timer' }

export interface SendOptions {
  /** Makes retries safe: the same key answers the first result and applies nothing twice. */
  idempotencyKey?: string;
  /** Apply only if the order is still at this version. */
  ifMatch?: number;
}

const effects = new Set<string>(effectActions);
const timerEvents = new Set<string>(timerEventTypes);

/**
 * Applies events to stored orders: load, restore, check, pure transition, one commit guarded by
 * the order's version. No actor lives in memory between events.
 */
export function createEngine({ store, clock, machine = createOrderMachine(), policy = {}, maxRetries = 8, onCommit }: EngineOptions) {
  const transition = createPureTransition(machine);
  async function load(id: string) {
    const record = await store.getOrder(id);
    if (!record) throw notFound(`no order with id ${JSON.stringify(id)}`, { orderId: id });
    return { record, snapshot: restore(machine, record.snapshot) };
  }

  function view(record: OrderRecord, snapshot: OrderSnapshot): OrderView {
    return orderView(record, snapshot, acceptedEvents(snapshot, clock.now()));
  }

  function nextRecord(prev: OrderRecord | null, id: string, createHash: string, next: OrderSnapshot, now: number): OrderRecord {
    const armed = armedDeadlines(next);
    return {
      id,
      version: (prev?.version ?? 0) + 1,
      state: statePath(next.value),
      snapshot: persist(machine, next),
      createHash,
      nextDeadlineAt: armed[0]?.dueAt ?? null,
      createdAt: prev?.createdAt ?? now,
      updatedAt: now,
    };
  }

  function commitFor(record: OrderRecord, next: OrderSnapshot, actions: { type: string; params?: unknown }[], history: Omit<Commit['history'], 'orderId' | 'seq' | 'toState'>, expectedVersion: number | null): Commit {
    return {
      order: record,
      expectedVersion,
      history: { ...history, orderId: record.id, seq: record.version, toState: record.state },
      outbox: actions
        .filter((a) => effects.has(a.type))
        .map((a) => ({ id: randomUUID(), orderId: record.id, seq: record.version, action: a.type, payload: a.params ?? {}, createdAt: record.updatedAt })),
      timers: armedDeadlines(next).map((d) => ({ orderId: record.id, name: d.name, event: d.event, dueAt: d.dueAt })),
    };
  }

  /** Retries `attempt` while it loses compare-and-swap races, up to `maxRetries` times. */
  async function withRetries<T>(attempt: () => Promise<T>, orderId: string): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof VersionConflictError) || i >= maxRetries) {
          if (error instanceof VersionConflictError) throw conflict(`order ${orderId} is being changed by other requests; retry`, { orderId }, { cause: error });
          throw error;
        }
      }
    }
  }

  return {
    machine,

    /** Creates an order. The same id with the same body answers the existing order; a different body is a conflict. */
    async createOrder(input: CreateOrderInput): Promise<{ order: OrderView; created: boolean }> {
      const hash = requestHash(input);
      return withRetries(async () => {
        const existing = await store.getOrder(input.id);
        if (existing) {
          if (existing.createHash !== hash) {
            throw conflict(`order ${input.id} exists already with a different body; use another id or send the same body`, { orderId: input.id });
          }
          return { order: view(existing, restore(machine, existing.snapshot)), created: false };
        }
        const now = clock.now();
        const [snapshot, actions] = initialTransition(machine, { ...input, createdAt: now, policyDefaults: policy });
        const record = nextRecord(null, input.id, hash, snapshot, now);
        const commit = commitFor(record, snapshot, actions, { type: 'ORDER_CREATED', payload: Object.keys(policy).length ? { ...input, policyDefaults: policy } : input, fromState: null, at: now, idempotencyKey: null, source: 'client', dueAt: null }, null);
        await store.commit(commit);
        onCommit?.({ orderId: record.id, version: record.version, event: { type: 'ORDER_CREATED' }, fromState: null, toState: record.state, snapshot, source: 'client' });
        return { order: view(record, snapshot), created: true };
      }, input.id);
    },

    async getOrder(id: string): Promise<OrderView> {
      const { record, snapshot } = await load(id);
      return view(record, snapshot);
    },

    /** Validates a client event and applies it; refused or invalid events change nothing. */
    async send(orderId: string, type: string, payload: unknown, options: SendOptions = {}): Promise<OrderView> {
      if (timerEvents.has(type)) {
        throw invalidInput(`${type} is fired by the service itself when its deadline falls due; clients cannot send it`, { errors: [{ path: 'type', message: 'internal event' }] });
      }
      if (!isClientEventType(type)) {
        throw invalidInput(`unknown event type ${JSON.stringify(type)}`, { errors: [{ path: 'type', message: `expected one of ${clientEventTypes.join(', ')}` }] });
      }
      const parsed = clientEventSchemas[type].safeParse(payload ?? {});
      if (!parsed.success) {
        throw invalidInput(`the payload of ${type} is not valid`, { errors: zodIssues(parsed.error, 'payload') });
      }
      const hash = options.idempotencyKey === undefined ? '' : requestHash({ type, payload: parsed.data });

      return withRetries(async () => {
        if (options.idempotencyKey !== undefined) {
          const earlier = await store.getIdempotency(orderId, options.idempotencyKey);
          if (earlier) {
            if (earlier.requestHash !== hash) {
              throw invalidInput('this Idempotency-Key was used for a different request', { errors: [{ path: 'Idempotency-Key', message: 'reused with another event or payload' }] });
            }
            return earlier.response as OrderView;
          }
        }
        const { record, snapshot } = await load(orderId);
        if (options.ifMatch !== undefined && options.ifMatch !== record.version) {
          throw versionMismatch(`order ${orderId} is at version ${record.version}, not ${options.ifMatch}`, { orderId, currentVersion: record.version });
        }
        const now = clock.now();
        const event = { ...parsed.data, type, receivedAt: now } as OrderEvent;
        const issues: FieldError[] = checkAgainstOrder(snapshot.context, event).map((i) => ({ path: `payload.${i.path}`, message: i.message }));
        if (issues.length > 0) throw invalidInput(`${type} does not fit order ${orderId}`, { errors: issues });
        if (!snapshot.can(event)) {
          const accepted = acceptedEvents(snapshot, now);
          const reason = explainRefusal(snapshot, type);
          throw notAccepted(
            `order ${orderId} is in ${record.state}, which does not take ${type}${reason ? `: ${reason}` : ''}. It takes: ${accepted.join(', ') || 'nothing (the order is closed)'}`,
            { orderId, state: record.state, event: type, acceptedEvents: accepted, ...(reason ? { reason } : {}) },
          );
        }
        const [next, actions] = transition(snapshot, event);
        const nextRec = nextRecord(record, orderId, record.createHash, next, now);
        const commit = commitFor(nextRec, next, actions, { type, payload: parsed.data, fromState: record.state, at: now, idempotencyKey: options.idempotencyKey ?? null, source: 'client', dueAt: null }, record.version);
        const response = view(nextRec, next);
        if (options.idempotencyKey !== undefined) commit.idempotency = { orderId, key: options.idempotencyKey, requestHash: hash, status: 200, response };
        try {
          await store.commit(commit);
        } catch (error) {
          if (error instanceof VersionConflictError && options.ifMatch !== undefined) {
            throw versionMismatch(`order ${orderId} changed while this event was applied`, { orderId }, { cause: error });
          }
          throw error;
        }
        onCommit?.({ orderId, version: nextRec.version, event, fromState: record.state, toState: nextRec.state, snapshot: next, source: 'client' });
        return response;
      }, orderId);
    },

    /**
     * Fires one due timer as an internal event, if the order still arms that deadline at that due
     * time. Answers `stale` when another sweeper fired it first or the order moved on.
     */
    async fireTimer(timer: TimerEntry): Promise<'fired' | 'stale'> {
      return withRetries(async () => {
        const record = await store.getOrder(timer.orderId);
        if (!record) return 'stale';
        const snapshot = restore(machine, record.snapshot);
        const armed = armedDeadlines(snapshot).find((d) => d.name === timer.name && d.dueAt === timer.dueAt);
        const now = clock.now();
        if (!armed || armed.dueAt > now) return 'stale';
        const event = { type: armed.event, dueAt: armed.dueAt, receivedAt: now } as OrderEvent;
        if (!snapshot.can(event)) return 'stale';
        const [next, actions] = transition(snapshot, event);
        const nextRec = nextRecord(record, record.id, record.createHash, next, now);
        const commit = commitFor(nextRec, next, actions, { type: armed.event, payload: {}, fromState: record.state, at: now, idempotencyKey: null, source: 'timer', dueAt: armed.dueAt }, record.version);
        // A handler that leaves its own deadline armed would fire forever; never re-arm a fired deadline.
        commit.timers = commit.timers.filter((t) => !(t.name === armed.name && t.dueAt === armed.dueAt));
        await store.commit(commit);
        onCommit?.({ orderId: record.id, version: nextRec.version, event, fromState: record.state, toState: nextRec.state, snapshot: next, source: 'timer' });
        return 'fired';
      }, timer.orderId);
    },

    async history(orderId: string) {
      await load(orderId);
      return store.history(orderId);
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
