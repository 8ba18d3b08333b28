import { initialTransition, type AnyMachineSnapshot, type EventObject } from 'xstate';
import type { Clock } from '../clock.ts';
import { conflict, invalidInput, notAccepted, notFound, unrestorableOrder, versionMismatch } from '../errors.ts';
import type { EngineStore } from '../store/engine-store.ts';
import type { Commit, OrderRecord, TimerEntry } from '../store/records.ts';
import { StoreUnavailableError, VersionConflictError } from '../store/store.ts';
import { publicOrderId } from '../tenancy/order-keys.ts';
import { requestHash } from './hash.ts';
import { currentVersion, type ArmedDeadline, type HostedMachine, type MachineVersion } from './hosted-machine.ts';
import { boundedView, entryBounder, listAt } from './bounded-view.ts';
import { instanceView, type OrderView } from './instance-view.ts';
import { dryRun, type DryRun } from './dry-run.ts';
import { nextCommit } from './next-commit.ts';
import { createOrderQueue, OrderQueueFullError } from './order-queue.ts';
import { createPureTransition } from './pure-transition.ts';
import { restore, UnrestorableSnapshotError, versionOf } from './snapshots.ts';
import { zodIssues } from './zod-issues.ts';

export interface EngineOptions {
  store: EngineStore;
  clock: Clock;
  /** The hosted machine: orders are created on its newest version and served on the version they are pinned to. */
  machine: HostedMachine;
  /** How often a lost compare-and-swap (another instance committed first) is retried before the client hears 409. */
  maxRetries?: number;
  /** The first retry waits up to this long (jittered), each next one twice as long, up to 200 ms. */
  retryBackoffMs?: number;
  /** Requests that may wait for one order in this process before more are answered 409 with Retry-After. */
  maxWaitingPerOrder?: number;
  /** Called after every commit (for live views and inspection); errors in it are the caller's. */
  onCommit?: (change: CommittedChange) => void;
  /** Told what the engine does (for logs, metrics and traces); see {@link EngineObserver}. */
  observer?: EngineObserver;
  /**
   * How long an Idempotency-Key is honoured after its first use (default 24 hours). After that a
   * request with it is a new request, and the sweeper purges its record.
   */
  idempotencyRetentionMs?: number;
}

/** Stripe's retention, and the default: a client retries within a day or not at all. */
export const DEFAULT_IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;

/**
 * What the engine tells its observer, synchronously and on the event's own async context (so a
 * span started there is the request's child). Each call must be cheap: it is on every event's path.
 */
export interface EngineObserver {
  /** An event was applied and committed: `startedAt` (`performance.now()`) and `durationMs` span its whole application (its turn in the order's queue and retries included). */
  applied(change: CommittedChange, timing: { startedAt: number; durationMs: number }): void;
  /** A client event refused because of the order: its state does not take it (`state`, a 409) or it does not fit the order (`check`, a 422). */
  refused(refusal: RefusedEvent): void;
  /** One call of the store's commit, and how it ended (`conflict`: another commit of the order came first). */
  committed(durationMs: number, outcome: 'committed' | 'conflict' | 'failed'): void;
}

export interface RefusedEvent {
  orderId: string;
  event: string;
  state: string;
  machineVersion: number;
  reason: 'state' | 'check';
}

export interface CommittedChange {
  orderId: string;
  version: number;
  event: EventObject;
  fromState: string | null;
  toState: string;
  snapshot: AnyMachineSnapshot;
  source: 'client' | 'timer';
  /** The machine version the event was applied with. */
  machineVersion: number;
}

export interface SendOptions {
  /** Makes retries safe: the same key answers the first result and applies nothing twice. */
  idempotencyKey?: string;
  /** Apply only if the order is still at this version. */
  ifMatch?: number | readonly number[];
  /** Called when the answer is the replay of an earlier one with the same `idempotencyKey`. */
  onReplay?: () => void;
}

/**
 * Applies events to stored orders: load, restore on the order's version, check, pure transition,
 * one commit guarded by the order's version. No actor lives in memory between events.
 */
export function createEngine({
  store, clock, machine: hosted, maxRetries = 8, retryBackoffMs = 5, maxWaitingPerOrder = 200, onCommit, observer, idempotencyRetentionMs = DEFAULT_IDEMPOTENCY_RETENTION_MS,
}: EngineOptions) {
  // Events for one order are applied one after the other here; the order's version arbitrates between processes.
  const queue = createOrderQueue({ maxWaiting: maxWaitingPerOrder });
  const transitions = new Map(hosted.versions.map((v) => [v.version, createPureTransition(v.machine)]));
  const current = currentVersion(hosted);

  /** The store's commit, timed for the observer. */
  async function commitTimed(commit: Commit) {
    if (!observer) return store.commit(commit);
    const started = performance.now();
    try {
      await store.commit(commit);
      observer.committed(performance.now() - started, 'committed');
    } catch (error) {
      observer.committed(performance.now() - started, error instanceof VersionConflictError ? 'conflict' : 'failed');
      throw error;
    }
  }

  /** Tells the listener and the observer of a commit. */
  function committed(change: CommittedChange, startedAt: number) {
    onCommit?.(change);
    observer?.applied(change, { startedAt, durationMs: performance.now() - startedAt });
  }

  /** The order's version and restored snapshot; an order this code cannot restore is a problem of its own type. */
  function restoreRecord(record: OrderRecord) {
    try {
      const version = versionOf(hosted, record.snapshot);
      return { version, snapshot: restore(version, record.snapshot) };
    } catch (error) {
      if (!(error instanceof UnrestorableSnapshotError)) throw error;
      const { machine, version, state } = error.found;
      throw unrestorableOrder(
        `order ${publicOrderId(record.id)} is stored as ${machine}@${version} in ${state}, which this release cannot restore: ${error.reason}. Run \`npx aftersales doctor\``,
        { orderId: publicOrderId(record.id), machine, machineVersion: version, state, reason: error.reason },
        { cause: error },
      );
    }
  }

  async function load(id: string) {
    const record = await store.getOrder(id);
    if (!record) throw notFound(`no order with id ${JSON.stringify(id)}`, { orderId: id });
    const { version, snapshot } = restoreRecord(record);
    return { record, version, snapshot };
  }

  function wholeView(record: OrderRecord, version: MachineVersion, snapshot: AnyMachineSnapshot, armed: readonly ArmedDeadline[] = version.armedDeadlines(snapshot)): OrderView {
    return instanceView(record, version, snapshot, armed, version.acceptedEvents(snapshot, clock.now()));
  }

  /** What every answer shows of an order: its growing lists bounded (`HostedMachine.viewLists`), so the answer is too. */
  function view(record: OrderRecord, version: MachineVersion, snapshot: AnyMachineSnapshot, armed?: readonly ArmedDeadline[]): OrderView {
    return boundedView(wholeView(record, version, snapshot, armed), hosted.viewLists);
  }

  function parseEvent(version: MachineVersion, type: string, payload: unknown): Record<string, unknown> {
    if (Object.values(version.deadlines).includes(type)) {
      throw invalidInput(`${type} is fired by the service itself when its deadline falls due; clients cannot send it`, { errors: [{ path: 'type', message: 'internal event' }] });
    }
    const schema = Object.hasOwn(version.eventSchemas, type) ? version.eventSchemas[type] : undefined;
    if (!schema) {
      const types = Object.keys(version.eventSchemas).join(', ');
      throw invalidInput(`unknown event type ${JSON.stringify(type)}`, { errors: [{ path: 'type', message: `expected one of ${types}` }] });
    }
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) throw invalidInput(`the payload of ${type} is not valid`, { errors: zodIssues(parsed.error, 'payload') });
    return parsed.data as Record<string, unknown>;
  }

  /**
   * Runs `attempt` in the order's turn, and retries it while it loses compare-and-swap races to
   * another process, up to `maxRetries` times, after a jittered, doubling wait.
   */
  function withRetries<T>(attempt: () => Promise<T>, orderId: string): Promise<T> {
    const contended = (cause: unknown) => conflict(`order ${orderId} is being changed by other requests; retry`, { orderId }, { cause, retryAfter: 1 });
    return queue
      .run(orderId, async (ahead) => {
        // The database failed the request just ahead for this order: waiting for it again would
        // make each one in the queue pay a timeout in turn. They all hear 503 now.
        if (ahead.error instanceof StoreUnavailableError) {
          throw new StoreUnavailableError(`${ahead.error.message} (on the request ahead for order ${orderId})`, { cause: ahead.error });
        }
        for (let i = 0; ; i++) {
          try {
            return await attempt();
          } catch (error) {
            if (!(error instanceof VersionConflictError)) throw error;
            if (i >= maxRetries) throw contended(error);
            const waitMs = Math.random() * Math.min(200, retryBackoffMs * 2 ** i);
            await new Promise((resolve) => setTimeout(resolve, waitMs));
          }
        }
      })
      .catch((error: unknown) => {
        throw error instanceof OrderQueueFullError ? contended(error) : error;
      });
  }

  /** The record of `key` on the order, unless it is past its retention: then the key is free again. */
  async function retained(orderId: string, key: string | undefined, now: number) {
    const earlier = key === undefined ? undefined : await store.getIdempotency(orderId, key);
    return earlier && earlier.createdAt >= now - idempotencyRetentionMs ? earlier : undefined;
  }

  /**
   * The payload as the order's version reads it; or, when that version refuses it but the key was
   * used for this very request before the order was migrated (an older version read it then), the
   * response given then: a retry answers as before whatever version the order is on now.
   */
  async function parseOrRetried(
    version: MachineVersion, orderId: string, type: string, payload: unknown, key: string | undefined, now: number,
  ): Promise<{ data: Record<string, unknown>; retried?: OrderView }> {
    try {
      return { data: parseEvent(version, type, payload) };
    } catch (error) {
      const earlier = await retained(orderId, key, now);
      const older = earlier && hosted.versions.filter((v) => v.version < version.version && Object.hasOwn(v.eventSchemas, type));
      const then = older?.map((v) => v.eventSchemas[type]!.safeParse(payload ?? {})).find((p) => p.success);
      if (earlier && then && requestHash({ type, payload: then.data }) === earlier.requestHash) {
        return { data: then.data as Record<string, unknown>, retried: earlier.response as OrderView };
      }
      throw error;
    }
  }

  /**
   * Everything `send` decides before it writes: the order loaded and restored, the event checked
   * (schema, idempotency, If-Match, the instance's own checks, the state), and the commit it makes;
   * or, for a retried Idempotency-Key, the answer recorded the first time.
   */
  async function decide(orderId: string, type: string, payload: unknown, { idempotencyKey: key, ifMatch }: SendOptions, observed: boolean) {
    const { record, version, snapshot } = await load(orderId);
    const now = clock.now();
    const parsed = await parseOrRetried(version, orderId, type, payload, key, now);
    if (parsed.retried) return { kind: 'replay' as const, record, version, snapshot, data: parsed.data, replayed: parsed.retried };
    const { data } = parsed;
    // The request's hash: compared with the key's record, or recorded with the commit (only with a key).
    const hashed = () => requestHash({ type, payload: data });
    const earlier = await retained(orderId, key, now);
    if (earlier) {
      if (earlier.requestHash !== hashed()) {
        throw invalidInput('this Idempotency-Key was used for a different request', { errors: [{ path: 'Idempotency-Key', message: 'reused with another event or payload' }] });
      }
      return { kind: 'replay' as const, record, version, snapshot, data, replayed: earlier.response as OrderView };
    }
    const allowed = ifMatch === undefined ? undefined : ([] as number[]).concat(ifMatch);
    if (allowed && !allowed.includes(record.version)) {
      const named = allowed.join(' or ') || 'the version If-Match names (a weak entity tag never matches)';
      throw versionMismatch(`order ${orderId} is at version ${record.version}, not ${named}`, { orderId, currentVersion: record.version });
    }
    // Not `{ ...data, type, receivedAt }`: on Node 20 each key added after a spread builds a new hidden class (1.4 us against 0.07 us).
    const event = Object.assign({}, data, { type, receivedAt: now });
    const issues = version.check(snapshot, event).map((i) => ({ path: `payload.${i.path}`, message: i.message }));
    if (issues.length > 0) {
      if (observed) observer?.refused({ orderId, event: type, state: record.state, machineVersion: version.version, reason: 'check' });
      throw invalidInput(`${type} does not fit order ${orderId}`, { errors: issues });
    }
    if (!snapshot.can(event)) {
      if (observed) observer?.refused({ orderId, event: type, state: record.state, machineVersion: version.version, reason: 'state' });
      const { reason, acceptedEvents: accepted } = version.refusal(snapshot, event);
      throw notAccepted(
        `order ${orderId} is in ${record.state}, which does not take ${type}${reason ? `: ${reason}` : ''}. It takes: ${accepted.join(', ') || 'nothing (the order is closed)'}`,
        { orderId, state: record.state, event: type, acceptedEvents: accepted, ...(reason ? { reason } : {}) },
      );
    }
    const [next, actions] = transitions.get(version.version)!(snapshot, event);
    const armed = version.armedDeadlines(next);
    const applied = { type, payload: data, at: now, idempotencyKey: key ?? null, source: 'client' as const, dueAt: null };
    const commit = nextCommit({ hosted, version, prev: record, id: orderId, createHash: record.createHash, next, armed, actions, event: applied });
    const response = view(commit.order, version, next, armed);
    // An expired record of the key (created before the retention) is replaced; a live one taken meanwhile is a conflict.
    // Stryker disable next-line ArithmeticOperator: equivalent: a live record of the key can only be one a commit wrote after this request read the order, and that commit moved the order's version, so the version guard refuses first
    if (key !== undefined) commit.idempotency = { orderId, key, requestHash: hashed(), status: 200, response, createdAt: now, expiredBefore: now - idempotencyRetentionMs };
    return { kind: 'apply' as const, record, version, next, armed, event, commit, response };
  }

  return {
    machine: hosted,

    /**
     * Creates an order on the newest version, stored under `key` (its tenant's key of `input.id`,
     * see tenancy/order-keys.ts). The same id with the same body answers the existing order; a
     * different body is a conflict.
     */
    async createOrder(input: { id: string }, key: string = input.id): Promise<{ order: OrderView; created: boolean }> {
      const hash = requestHash(input);
      const startedAt = performance.now();
      return withRetries(async () => {
        const existing = await store.getOrder(key);
        if (existing) {
          if (existing.createHash !== hash) {
            throw conflict(`order ${input.id} exists already with a different body; use another id or send the same body`, { orderId: input.id });
          }
          const { version, snapshot } = restoreRecord(existing);
          return { order: view(existing, version, snapshot), created: false };
        }
        const now = clock.now();
        const recorded = current.creationRecord(input);
        const [snapshot, actions] = initialTransition(current.machine, { ...recorded, createdAt: now });
        const armed = current.armedDeadlines(snapshot);
        const event = { type: 'ORDER_CREATED', payload: recorded, at: now, idempotencyKey: null, source: 'client' as const, dueAt: null };
        const commit = nextCommit({ hosted, version: current, prev: null, id: key, createHash: hash, next: snapshot, armed, actions, event });
        await commitTimed(commit);
        committed({ orderId: key, version: 1, event: { type: 'ORDER_CREATED' }, fromState: null, toState: commit.order.state, snapshot, source: 'client', machineVersion: current.version }, startedAt);
        return { order: view(commit.order, current, snapshot, armed), created: true };
      }, key);
    },

    async getOrder(id: string): Promise<OrderView> {
      const { record, version, snapshot } = await load(id);
      return view(record, version, snapshot);
    },

    /**
     * One of the view's growing lists (`HostedMachine.viewLists[name]`) of an order, whole: empty when
     * the order's version shows no such list; `indices` pick the entry of each `*` of its path (missing
     * when there is no such entry). The order must exist (404 otherwise).
     */
    async getViewList(id: string, name: string, indices: readonly number[] = []): Promise<{ entries: unknown[]; version: number } | { missing: true }> {
      const list = hosted.viewLists?.[name];
      const { record, version, snapshot } = await load(id);
      const entries = list && listAt(wholeView(record, version, snapshot), list.path, indices);
      // A list inside an entry (a claim's evidence) of an entry the order does not have: not found.
      if (!entries && indices.length > 0) return { missing: true };
      // Each entry shows the lists inside it bounded too (a claim's evidence), as the view does.
      if (!list || !entries) return { entries: [], version: record.version };
      return { entries: entries.map(entryBounder(list.path, hosted.viewLists)), version: record.version };
    },

    /** Validates a client event against the order's version and applies it; refused or invalid events change nothing. */
    async send(orderId: string, type: string, payload: unknown, options: SendOptions = {}): Promise<OrderView> {
      const startedAt = performance.now();
      return withRetries(async () => {
        const decided = await decide(orderId, type, payload, options, true);
        if (decided.kind === 'replay') {
          options.onReplay?.();
          return decided.replayed;
        }
        const { record, version, commit, response, event } = decided;
        try {
          await commitTimed(commit);
        } catch (error) {
          if (error instanceof VersionConflictError && options.ifMatch !== undefined) {
            throw versionMismatch(`order ${orderId} changed while this event was applied`, { orderId }, { cause: error });
          }
          throw error;
        }
        committed({ orderId, version: commit.order.version, event, fromState: record.state, toState: commit.order.state, snapshot: decided.next, source: 'client', machineVersion: version.version }, startedAt);
        return response;
      }, orderId);
    },

    /**
     * What `send` would do, without doing it: the same checks and the same refusals, then the order
     * view, the effects and the deadlines the event would produce. Writes nothing (no history, no
     * timers, no outbox, no idempotency record, no version bump).
     */
    async trySend(orderId: string, type: string, payload: unknown, options: SendOptions = {}): Promise<DryRun> {
      // A dry run is not counted or logged as a refusal: nothing was sent.
      const decided = await decide(orderId, type, payload, options, false);
      if (decided.kind === 'replay') {
        const { record, version, snapshot } = decided;
        return dryRun({ record, version, event: { type, payload: decided.data }, order: decided.replayed, effects: [], armed: version.armedDeadlines(snapshot), replayed: true });
      }
      const { record, version, commit, response } = decided;
      return dryRun({ record, version, event: { type, payload: commit.history.payload }, order: response, effects: commit.outbox, armed: decided.armed, replayed: false });
    },

    /**
     * Fires one due timer as an internal event, if the order still arms that deadline at that due
     * time. Answers `stale` when another sweeper fired it first or the order moved on.
     */
    async fireTimer(timer: TimerEntry): Promise<'fired' | 'stale'> {
      const startedAt = performance.now();
      return withRetries(async () => {
        const record = await store.getOrder(timer.orderId);
        if (!record) return 'stale';
        const { version, snapshot } = restoreRecord(record);
        const due = version.armedDeadlines(snapshot).find((d) => d.name === timer.name && d.dueAt === timer.dueAt);
        const now = clock.now();
        if (!due || due.dueAt > now) return 'stale';
        const event = { type: due.event, dueAt: due.dueAt, receivedAt: now };
        if (!snapshot.can(event)) return 'stale';
        const [next, actions] = transitions.get(version.version)!(snapshot, event);
        // A handler that leaves its own deadline armed would fire forever; never re-arm a fired deadline.
        const armed = version.armedDeadlines(next).filter((d) => !(d.name === due.name && d.dueAt === due.dueAt));
        const applied = { type: due.event, payload: {}, at: now, idempotencyKey: null, source: 'timer' as const, dueAt: due.dueAt };
        const commit = nextCommit({ hosted, version, prev: record, id: record.id, createHash: record.createHash, next, armed, actions, event: applied });
        await commitTimed(commit);
        committed({ orderId: record.id, version: commit.order.version, event, fromState: record.state, toState: commit.order.state, snapshot: next, source: 'timer', machineVersion: version.version }, startedAt);
        return 'fired';
      }, timer.orderId);
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
