import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable } from '../support/browser.ts';
import { inspectorFixture } from '../support/inspector-fixture.ts';
import { inspectorSession, keepScreenshot, tabTo, type InspectorSession } from '../support/inspector-page.ts';
import { focused, inView, legibility } from '../support/page-metrics.ts';

const missing = browserUnavailable();
const inCi = process.env.CI === 'true';

const stepsOf = (page: Page, selector: string) =>
  page.locator(`#diagram ${selector}`).evaluateAll((els) => Object.fromEntries(els.map((e) => [`${e.getAttribute('data-source') ?? ''}${e.getAttribute('data-event') ?? e.getAttribute('data-path')}`, e.getAttribute('data-steps')])));

describe.skipIf(missing !== null && !inCi)('the inspector shows an order\'s journey', () => {
  let s: InspectorSession;
  let page: Page;
  let fixture: Awaited<ReturnType<typeof inspectorFixture>>;

  beforeAll(async () => {
    expect(missing, 'CI must have Chromium (.ci/run installs it)').toBeNull();
    fixture = await inspectorFixture();
    s = await inspectorSession(fixture.app.fetch);
    page = await s.open(1600, 1000);
  });

  afterAll(async () => {
    if (!s) return;
    expect(s.outside, 'no request may leave the service').toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });

  it('numbers each transition taken and each state reached on the diagram, as the timeline numbers its steps', async () => {
    await s.visit(page, '/inspector?order=B-2002');
    expect(await stepsOf(page, '.edge.taken')).toEqual({
      'preShipment.processingSHIPPED': '2',
      'inTransit.shipping.onTheWayCUSTOMS_HELD': '3',
      'inTransit.shipping.customsHoldCUSTOMS_CLEARED': '5',
      'inTransit.shippingDELIVERED': '6',
      deliveredISSUE_REPORTED: '7',
      disputeEVIDENCE_SUBMITTED: '8',
    });
    // The reminder changed no state: its number is on the line of the state that handled it.
    expect(await stepsOf(page, 'text.internal.taken')).toEqual({ 'inTransit.shipping.customsHoldTIMER.CUSTOMS_REMINDER': '4' });
    expect(await stepsOf(page, '.state[data-steps]')).toEqual({
      'preShipment.processing.awaitingShipment': '1',
      'inTransit.shipping.onTheWay': '2,5',
      'inTransit.shipping.customsHold': '3,4',
      delivered: '6',
      dispute: '7',
      'verification.awaitingPlatform': '8',
    });
    expect(await page.locator('#timeline > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-seq')))).toEqual(['8', '7', '6', '5', '4', '3', '2', '1']);

    // A step picked in the timeline is brought into view on the diagram, legibly.
    await page.click('#timeline li[data-seq="5"] .step-ref');
    expect(await page.locator('#diagram .edge.spotlight').getAttribute('data-event')).toBe('CUSTOMS_CLEARED');
    expect(await inView(page, '.edge.spotlight .label')).toEqual([true]);
    expect((await legibility(page)).minFontPx).toBeGreaterThanOrEqual(11);
    await keepScreenshot(page, 'inspector-journey-step-5');
  });

  it('lists each event with its payload, who sent it, and the notifications it caused with their deliveries', async () => {
    const entry = (seq: number) => page.locator(`#timeline > li[data-seq="${seq}"]`);
    expect(await entry(1).locator('.payload-box > .payload').textContent()).toContain('mug-blue × 2 at 12.50 CNY, plate × 1 at 30.00 CNY');
    expect(await entry(2).locator('.payload-box > .payload').innerText()).toMatch(/carrier\s+SF Express\s+trackingNumber\s+SF100/);
    expect(await entry(2).locator('.by').textContent()).toBe('client');
    expect(await entry(4).locator('.by').textContent()).toBe('timer');
    expect(await entry(4).locator('.meta').textContent()).toContain('sent by timer (deadline due 2026-03-05 01:00Z)');
    expect(await entry(7).locator('.payload-box > .payload').innerText()).toMatch(/kind\s+damaged\s+items\s+plate × 1\s+description\s+plate arrived in pieces/);
    // Evidence links are links; anything but http(s) stays text (payloads are client input).
    expect(await entry(8).locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel')]))).toEqual([['https://evidence.example/plate.jpg', 'noopener noreferrer']]);
    expect(await entry(8).textContent()).toContain('javascript:alert(document.cookie)');
    // Both customs reminders went to the webhook; the first was refused once (503) and retried.
    const reminders = await page.locator('#timeline .notification[data-kind="customs.reminder"]').allTextContents();
    expect(reminders).toHaveLength(2);
    expect(reminders.join('\n')).toMatch(/webhook → [\w-]+: delivered \(2 attempts\)/);
    expect(reminders.join('\n')).toMatch(/webhook → [\w-]+: delivered \(1 attempt\)/);
    expect(await entry(3).locator('.notification').count()).toBe(1);
    expect(await entry(4).locator('.notification').count()).toBe(1);
  });

  it('has panels for claims, shipments, deliveries with every attempt, and suppliers that owe a refund', async () => {
    expect(await page.locator('#claims .claim').count()).toBe(1);
    const claim = await page.locator('#claims .claim').innerText();
    expect(claim).toContain('damaged');
    expect(claim).toContain('verification pending');
    expect(claim).toMatch(/items\s+plate × 1/);
    expect(await page.locator('#claims .claim a').getAttribute('href')).toBe('https://evidence.example/plate.jpg');
    expect(await page.locator('#shipments .shipment').allInnerTexts()).toEqual([expect.stringMatching(/^SF Express SF100 original · 2026-03-02 01:00Z/)]);
    const attempts = await page.locator('#deliveries .notification[data-kind="customs.reminder"] ol.attempts').evaluateAll((ols) =>
      ols.map((ol) => [...ol.querySelectorAll('li')].map((li) => li.textContent!.replace(/ \d{4}-[\d-]+ [\d:]+Z/, '').replace(/· \d+ ms/, '· n ms'))),
    );
    expect(attempts.sort((a, b) => a.length - b.length)).toEqual([['#1 ok 200 · n ms'], ['#1 failed 503 HTTP 503 · n ms', '#2 ok 200 · n ms']]);

    await page.click('#order-list button[data-id="C-3003"]');
    await expect.poll(() => page.locator('#order-title').textContent()).toBe('C-3003');
    expect(await page.locator('#suppliers .supplier').evaluateAll((cards) => cards.map((c) => [c.getAttribute('data-id'), c.classList.contains('owes')]))).toEqual([
      ['alt-store-7', false],
      ['tmall-store-1', true],
    ]);
    expect(await page.locator('#suppliers .supplier.owes').innerText()).toContain('owes the refund of the original order');
    expect(await page.locator('#suppliers-count').textContent()).toBe('(2, 1 owes a refund)');
    expect(await page.locator('#claims').textContent()).toBe('no claim');
    await keepScreenshot(page, 'inspector-supplier-switched');
  });

  it('is usable from the keyboard alone, from /inspector/ (trailing slash) to a sent event', async () => {
    const keyboard = await s.open(1280, 800);
    await s.visit(keyboard, '/inspector/');
    expect(await tabTo(keyboard, '#order-list button[data-id="A-1001"]')).not.toBeNull();
    expect((await focused(keyboard)).outline).toBe(true);
    await keyboard.keyboard.press('Enter');
    await expect.poll(() => keyboard.locator('#order-title').textContent()).toBe('A-1001');
    expect(await tabTo(keyboard, '#accepted button[data-event="SHIPPED"]')).not.toBeNull();
    expect((await focused(keyboard)).outline).toBe(true);
    await keyboard.keyboard.press('Enter');
    expect(await keyboard.evaluate('document.activeElement.dataset.path')).toBe('carrier');
    await keyboard.keyboard.type('SF Express');
    await keyboard.keyboard.press('Tab');
    await keyboard.keyboard.type('SF777');
    await keyboard.keyboard.press('Enter');
    await expect.poll(() => keyboard.locator('#order-state').textContent()).toBe('inTransit.shipping.onTheWay');
    await expect.poll(() => stepsOf(keyboard, '.edge.taken')).toEqual({ 'preShipment.processingSHIPPED': '2' });
    expect(await tabTo(keyboard, '#diagram')).not.toBeNull();
    await keepScreenshot(keyboard, 'inspector-keyboard');
    await keyboard.close();
  });

  it('shows the most recent suppliers of a long list with their total, and where to read every one', async () => {
    expect((await fixture.create({ id: 'D-4004' })).status).toBe(201);
    for (let i = 0; i < 25; i++) expect((await fixture.send('D-4004', 'SWITCH_SUPPLIER', { supplier: { id: `alt-${i}` } })).status).toBe(200);
    await s.visit(page, '/inspector?order=D-4004');
    await expect.poll(() => page.locator('#order-title').textContent()).toBe('D-4004');
    expect(await page.locator('#suppliers-count').textContent()).toBe('(26, 25 owe a refund)');
    expect(await page.locator('#suppliers .supplier').count()).toBe(20);
    expect(await page.locator('#suppliers .supplier').first().getAttribute('data-id')).toBe('alt-24');
    expect(await page.locator('#suppliers .more').textContent()).toBe('20 most recent of 26 shown; every one: GET /orders/D-4004/suppliers');
  });

  it('shows the most recent evidence of a claim with its total, and where to read all of it', async () => {
    expect((await fixture.create({ id: 'E-5005' })).status).toBe(201);
    for (const [type, payload] of [
      ['SHIPPED', { carrier: 'SF Express', trackingNumber: 'SF500' }],
      ['DELIVERED', {}],
      ['ISSUE_REPORTED', { kind: 'damaged', items: [{ sku: 'plate', quantity: 1 }], description: 'in pieces' }],
      ['EVIDENCE_SUBMITTED', { media: Array.from({ length: 25 }, (_, i) => ({ kind: 'photo', url: `https://evidence.example/plate-${i}.jpg` })) }],
    ] as const) expect((await fixture.send('E-5005', type, payload)).status).toBe(200);
    await s.visit(page, '/inspector?order=E-5005');
    await expect.poll(() => page.locator('#order-title').textContent()).toBe('E-5005');
    expect(await page.locator('#claims .claim a').count()).toBe(20);
    expect(await page.locator('#claims .claim .more').textContent()).toBe('20 most recent of 25 shown; every one: GET /orders/E-5005/claims/0/evidence');
    expect(await page.locator('#claims .claim').innerText()).not.toContain('evidenceTotal');
  });
});
