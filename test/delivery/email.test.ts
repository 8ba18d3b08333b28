import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { smtpReceiver } from '../support/receivers.ts';
import { DAY, testApp } from '../support/test-app.ts';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** The app sending through a real SMTP server on loopback, configured by URL as SMTP_URL is. */
async function withSmtp(options: Parameters<typeof smtpReceiver>[0] = {}) {
  const smtp = await smtpReceiver(options);
  closers.push(smtp.close);
  const mailer = nodemailer.createTransport(smtp.url);
  closers.push(() => mailer.close());
  const t = await testApp({ delivery: { mailer, from: 'Aftersales <noreply@aftersales.example>', backoffBaseMs: 60_000, random: () => 0 } });
  return { t, smtp };
}

describe('e-mail delivery over SMTP', () => {
  it('sends the customs clearance reminder to the seller: tracking number and what to tell the buyer', async () => {
    const { t, smtp } = await withSmtp();
    await t.create({ id: 'M-1', sellerEmail: 'ops@seller.example', scope: 'international' });
    await t.send('M-1', 'SHIPPED', { carrier: 'Cainiao', trackingNumber: 'LP00123' });
    await t.send('M-1', 'CUSTOMS_HELD', {});
    expect(await t.app.deliveryWorker.runOnce()).toMatchObject({ delivered: 1, failed: 0 });

    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.envelopeTo).toEqual(['ops@seller.example']);
    expect(mail.from?.value).toEqual([{ name: 'Aftersales', address: 'noreply@aftersales.example' }]);
    expect(mail.subject).toBe('Order M-1: parcel LP00123 is held in customs (reminder 1)');
    expect(mail.text).toContain('Tracking number: LP00123 (Cainiao)');
    expect(mail.text).toContain('What to tell the buyer:');
    expect(mail.text).toContain('follow it with tracking number LP00123');
    expect(mail.html).toContain('<th align="left">Tracking number</th><td>LP00123 (Cainiao)</td>');

    const { notifications } = (await t.call('GET', '/orders/M-1/notifications')).body;
    const reminder = notifications.find((n: { kind: string }) => n.kind === 'customs.reminder');
    expect(mail.messageId).toBe(`<${reminder.id}@aftersales>`);
    expect(mail.headers.get('x-aftersales-notification-id')).toBe(reminder.id);
    expect(reminder.deliveries).toEqual([expect.objectContaining({ channel: 'email', target: 'ops@seller.example', status: 'delivered' })]);
    expect(reminder.deliveries[0].attempts).toEqual([expect.objectContaining({ number: 1, ok: true, statusCode: 250, error: null })]);

    // The next reminder, three days on: a new message with its own id.
    await t.advance(3 * DAY);
    await t.app.deliveryWorker.runOnce();
    expect(smtp.messages.map((m) => m.subject)).toEqual([mail.subject, 'Order M-1: parcel LP00123 is held in customs (reminder 2)']);
    expect(smtp.messages[1]!.messageId).not.toBe(mail.messageId);
  });

  it('asks the seller to contact the supplier when the shipment is 2 days overdue (R3)', async () => {
    const { t, smtp } = await withSmtp();
    await t.create({ id: 'M-2', supplier: { id: 'tm-77', name: 'Blue Mugs Store' } });
    await t.advance(4 * DAY); // shipBy 2026-03-04 + 2 days
    await t.app.deliveryWorker.runOnce();
    expect(smtp.messages.map((m) => m.subject)).toEqual(['Order M-2: shipment is overdue, contact your supplier to expedite']);
    expect(smtp.messages[0]!.envelopeTo).toEqual(['seller@shop.example']);
    expect(smtp.messages[0]!.text).toContain('Supplier: Blue Mugs Store (tm-77)');
    expect(smtp.messages[0]!.text).toContain('send SUPPLIER_CONTACTED');
  });

  it('escalates a missed 15-working-day resolution deadline to the seller', async () => {
    const { t, smtp } = await withSmtp();
    await t.create({ id: 'M-3' });
    await t.send('M-3', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF3' });
    await t.send('M-3', 'DELIVERED', {});
    await t.send('M-3', 'ISSUE_REPORTED', { kind: 'damaged', items: [{ sku: 'mug-blue', quantity: 1 }] });
    await t.send('M-3', 'EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] });
    const approved = await t.send('M-3', 'VERIFICATION_APPROVED', {});
    await t.advance(30 * DAY);
    await t.app.deliveryWorker.runOnce();
    expect(smtp.messages.map((m) => m.subject)).toEqual(['Order M-3: resolution deadline missed, reship or refund now']);
    const due = approved.body.resolution.dueAt.slice(0, 16).replace('T', ' ');
    expect(smtp.messages[0]!.text).toContain(`Was due: ${due} UTC`);
    expect(smtp.messages[0]!.text).toContain('Claim:   damaged: 1 x mug-blue');
  });

  it('records an SMTP refusal as a failed attempt and tries again later', async () => {
    let refuse = true;
    const { t, smtp } = await withSmtp({ reject: () => refuse });
    await t.create({ id: 'M-4', scope: 'international' });
    await t.send('M-4', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF4' });
    await t.send('M-4', 'CUSTOMS_HELD', {});
    expect(await t.app.deliveryWorker.runOnce()).toMatchObject({ failed: 1, delivered: 0 });
    const [d] = (await t.call('GET', '/deliveries?orderId=M-4')).body.deliveries;
    expect(d).toMatchObject({ channel: 'email', status: 'pending', nextAttemptAt: new Date(t.clock.now() + 30_000).toISOString() });
    expect(d.attempts[0]).toMatchObject({ ok: false, statusCode: 550 });
    refuse = false;
    t.clock.advance(30_000);
    expect(await t.app.deliveryWorker.runOnce()).toMatchObject({ delivered: 1 });
    expect(smtp.messages).toHaveLength(1);
  });
});

describe('without SMTP', () => {
  it('starts, keeps the e-mails undelivered in the outbox, and says so in the order view', async () => {
    const t = await testApp();
    await t.create({ id: 'M-5', scope: 'international' });
    await t.send('M-5', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF5' });
    await t.send('M-5', 'CUSTOMS_HELD', {});
    expect(await t.app.deliveryWorker.runOnce()).toMatchObject({ delivered: 0, failed: 0 });

    const view = (await t.get('M-5')).body;
    expect(view.notifications).toEqual({
      pending: 1,
      delivered: 0,
      dead: 0,
      undeliveredEmails: 1,
      note: '1 e-mail is kept in the outbox undelivered: no SMTP server is configured (SMTP_URL)',
    });
    const list = (await t.call('GET', '/orders/M-5/notifications')).body;
    expect(list.email).toBe('disabled');
    const reminder = list.notifications.find((n: { kind: string }) => n.kind === 'customs.reminder');
    expect(reminder.deliveries).toEqual([expect.objectContaining({ channel: 'email', status: 'pending', attempts: [] })]);
    expect((await t.call('GET', '/healthz')).body.deliveries.email).toBe('disabled');
    // Event answers do not carry the count: they stay one read and one commit.
    expect((await t.send('M-5', 'CUSTOMS_CLEARED', {})).body.notifications).toBeUndefined();
    expect((await t.call('GET', '/orders/nope/notifications')).status).toBe(404);
  });
});
