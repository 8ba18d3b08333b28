import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';
import type { Clock } from '../clock.ts';
import type { HostedMachine } from '../engine/hosted-machine.ts';
import type { Logger } from '../logger.ts';
import type { EmailMessage } from '../notifications/email-layout.ts';
import { deliveriesOf, fromEffect, fromHistory, type Notification } from '../notifications/fan-out.ts';
import { effectKindOf } from '../notifications/notification-kinds.ts';
import type { AttemptOutcome, Delivery, DeliveryChannel, FanOut } from '../store/delivery-records.ts';
import type { EngineStore } from '../store/engine-store.ts';
import type { OutboxStore } from '../store/outbox-store.ts';
import type { SubscriptionStore } from '../store/queries.ts';
import { failureError, statusError } from '../webhooks/attempt-error.ts';
import { pinnedFetch } from '../webhooks/pinned-fetch.ts';
import { webhookTargets } from '../webhooks/webhook-targets.ts';
import { backgroundLoop } from './background-loop.ts';
import { publicOrderId } from '../tenancy/order-keys.ts';

/** What the delivery worker reads and writes: the outbox and deliveries, the subscriptions, and each order's context for its e-mails. */
export type DeliveryWorkerStore = OutboxStore & Pick<SubscriptionStore, 'getSubscription' | 'listSubscriptions'> & Pick<EngineStore, 'getOrder'>;

/** The slice of a nodemailer transporter the worker uses (`nodemailer.createTransport(url)` fits). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; html: string; messageId: string; headers: Record<string, string> }): Promise<{ response?: string }>;
}

export interface DeliveryWorkerOptions {
  store: DeliveryWorkerStore;
  clock: Clock;
  /** The hosted machine: how each effect notifies, and its e-mail templates. */
  machine: HostedMachine;
  logger: Logger;
  /** Sends e-mail; without one, e-mails stay pending in the outbox (and the order view says so). */
  mailer?: MailTransport;
  /** The `From` of every e-mail. */
  from?: string;
  /**
   * Posts webhooks; default: `pinnedFetch` under the default target policy (https, public addresses).
   * The app passes one built from its `webhookTargets` policy; tests may inject their own.
   */
  fetch?: typeof globalThis.fetch;
  /** Attempts per delivery before it becomes a dead letter. */
  maxAttempts?: number;
  /** A webhook receiver that has not answered in this time has failed the attempt. */
  webhookTimeoutMs?: number;
  /** Delay before the second attempt; it doubles after each failure, up to `backoffMaxMs`, with jitter. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How long a claimed delivery is reserved for this worker; after a crash it is taken again after this. */
  leaseMs?: number;
  /** How often the background loop runs. */
  intervalMs?: number;
  /** Rows read per query. */
  batchSize?: number;
  /** Random source for the jitter (0 ≤ x < 1). */
  random?: () => number;
  /** Told of each attempt and its outcome (for metrics); must be cheap. */
  observer?: DeliveryObserver;
}

/**
 * One delivery attempt: its channel, how it ended (`delivered`; `retry`: failed, tried again
 * later; `dead`: failed for the last time, a dead letter; `unrecorded`: the outcome could not be
 * written, the delivery is tried again after its lease) and how long the send took.
 */
export interface DeliveryObserver {
  attempt(attempt: { channel: DeliveryChannel; kind: string; outcome: 'delivered' | 'retry' | 'dead' | 'unrecorded'; durationMs: number }): void;
}

export interface DeliveryStats { dispatched: number; delivered: number; failed: number; dead: number; unrecorded: number; lastRunAt: number | null }

/**
 * Delivers the outbox: fans each notification (machine effect or state change) out into
 * deliveries, then sends the due ones (e-mail over SMTP, signed webhooks), recording every attempt.
 * A failure is retried with exponential backoff and jitter until `maxAttempts`, then dead-lettered.
 * Deliveries are leased, so several workers share the work and a crashed worker's are taken again.
 */
export function createDeliveryWorker({
  store,
  clock,
  machine,
  logger,
  mailer,
  from = 'aftersales <aftersales@localhost>',
  fetch = pinnedFetch(webhookTargets()),
  maxAttempts = 10,
  webhookTimeoutMs = 10_000,
  backoffBaseMs = 30_000,
  backoffMaxMs = 2 * 3_600_000,
  leaseMs = 5 * 60_000,
  intervalMs = 1000,
  batchSize = 100,
  random = Math.random,
  observer,
}: DeliveryWorkerOptions) {
  const stats: DeliveryStats = { dispatched: 0, delivered: 0, failed: 0, dead: 0, unrecorded: 0, lastRunAt: null };
  const channels: DeliveryChannel[] = mailer ? ['email', 'webhook'] : ['webhook'];

  /** Equal jitter: half the exponential delay, plus a random part of the other half. */
  function backoff(failures: number) {
    const delay = Math.min(backoffMaxMs, backoffBaseMs * 2 ** (failures - 1));
    return Math.round(delay / 2 + random() * (delay / 2));
  }

  /** The order's snapshot as it stands at fan-out: its context for the e-mail, its version for the effect's kind. */
  async function orderSnapshot(orderId: string, cache: Map<string, { context: unknown; machine: { version: number } } | undefined>) {
    if (!cache.has(orderId)) cache.set(orderId, (await store.getOrder(orderId))?.snapshot);
    return cache.get(orderId);
  }

  async function dispatchAll(): Promise<number> {
    const subscriptions = await store.listSubscriptions();
    const orders = new Map<string, { context: unknown; machine: { version: number } } | undefined>();
    let count = 0;
    for (let more = true; more; ) {
      const batch: FanOut[] = [];
      const effects = await store.undispatchedEffects(batchSize);
      for (const row of effects) {
        const order = await orderSnapshot(row.orderId, orders);
        const effect = effectKindOf(machine, row.action, order?.machine.version);
        batch.push({ source: { outboxId: row.id }, deliveries: deliveriesOf(fromEffect(row, effect, order?.context), subscriptions, order?.context) });
        count += 1;
      }
      const changes = await store.undispatchedHistory(batchSize);
      for (const h of changes) {
        const n: Notification | undefined = fromHistory(h);
        batch.push({ source: { orderId: h.orderId, seq: h.seq }, deliveries: n ? deliveriesOf(n, subscriptions, undefined) : [] });
        if (n) count += 1;
      }
      await store.dispatch(batch);
      more = effects.length === batchSize || changes.length === batchSize;
    }
    return count;
  }

  async function send(d: Delivery): Promise<{ ok: boolean; statusCode: number | null; error: string | null }> {
    if (d.channel === 'email') {
      if (!mailer) return { ok: false, statusCode: null, error: 'no SMTP server is configured (SMTP_URL)' };
      const m = d.message as EmailMessage;
      try {
        const info = await mailer.sendMail({
          from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          messageId: `<${d.notificationId}@aftersales>`,
          headers: { 'X-Aftersales-Notification-Id': d.notificationId, 'X-Aftersales-Order-Id': publicOrderId(d.orderId), 'X-Aftersales-Kind': d.kind },
        });
        return { ok: true, statusCode: Number(/^\d{3}/.exec(info.response ?? '')?.[0] ?? 250), error: null };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        return { ok: false, statusCode: code ?? null, error: (error as Error).message ?? String(error) };
      }
    }
    const subscription = await store.getSubscription(d.target);
    if (!subscription) return { ok: false, statusCode: null, error: `webhook subscription ${d.target} was deleted` };
    const body = JSON.stringify(d.message);
    const timestamp = new Date(clock.now());
    const signature = new Webhook(subscription.secret).sign(d.notificationId, timestamp, body);
    try {
      const res = await fetch(subscription.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'aftersales-webhooks',
          'webhook-id': d.notificationId,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(webhookTimeoutMs),
      });
      const answer = await res.text().catch(() => '');
      if (res.status >= 200 && res.status < 300) return { ok: true, statusCode: res.status, error: null };
      return { ok: false, statusCode: res.status, error: statusError(res.status, answer) };
    } catch (error) {
      return { ok: false, statusCode: null, error: failureError(error, webhookTimeoutMs) };
    }
  }

  async function deliver(d: Delivery) {
    const at = clock.now();
    const started = performance.now();
    const result = await send(d);
    const durationMs = Math.round(performance.now() - started);
    const failures = d.attempts + 1;
    const gone = d.channel === 'webhook' && result.error?.endsWith('was deleted');
    const outcome: AttemptOutcome = result.ok
      ? { then: 'delivered' }
      : failures >= maxAttempts || gone
        ? { then: 'dead' }
        : { then: 'retry', nextAttemptAt: clock.now() + backoff(failures) };
    try {
      await store.recordAttempt({ deliveryId: d.id, at, ok: result.ok, statusCode: result.statusCode, error: result.error, durationMs }, outcome);
    } catch (error) {
      // Sent (or not) but not recorded: the lease runs out and the delivery is tried again, with
      // the same notification id, so the receiver can tell the repeat.
      stats.unrecorded += 1;
      observer?.attempt({ channel: d.channel, kind: d.kind, outcome: 'unrecorded', durationMs });
      logger.error('delivery attempt not recorded', { deliveryId: d.id, notificationId: d.notificationId, error: String(error) });
      return;
    }
    if (result.ok) stats.delivered += 1;
    else if (outcome.then === 'dead') stats.dead += 1;
    else stats.failed += 1;
    observer?.attempt({ channel: d.channel, kind: d.kind, outcome: outcome.then, durationMs });
    const fields = { deliveryId: d.id, notificationId: d.notificationId, orderId: d.orderId, kind: d.kind, channel: d.channel, attempt: failures, statusCode: result.statusCode };
    if (result.ok) logger.info('delivered', fields);
    else logger.warn(outcome.then === 'dead' ? 'delivery dead-lettered' : 'delivery failed, will retry', { ...fields, error: result.error });
  }

  async function runOnceNow(stopping: AbortSignal): Promise<DeliveryStats> {
    const before = { ...stats };
    stats.dispatched += await dispatchAll();
    // Each round takes what is due now; a failed delivery is due later, so the rounds end (the
    // bound only guards against a zero backoff). Stopping ends the run after the round in flight.
    for (let round = 0; round < 50 && !stopping.aborted; round++) {
      const due = await store.claimDeliveries({ now: clock.now(), limit: batchSize, leaseMs, channels });
      if (due.length === 0) break;
      await Promise.all(due.map(deliver));
    }
    stats.lastRunAt = clock.now();
    return {
      dispatched: stats.dispatched - before.dispatched,
      delivered: stats.delivered - before.delivered,
      failed: stats.failed - before.failed,
      dead: stats.dead - before.dead,
      unrecorded: stats.unrecorded - before.unrecorded,
      lastRunAt: stats.lastRunAt,
    };
  }

  const loop = backgroundLoop({ work: runOnceNow, intervalMs, logger, name: 'delivery run' });
  return {
    stats,
    /** Whether e-mail is delivered (an SMTP transport is configured). */
    emailEnabled: mailer !== undefined,
    /** Fans out and delivers everything due now; concurrent calls share one run. Resolves to what this run did. */
    runOnce: loop.run,
    start: loop.start,
    stop: loop.stop,
  };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
