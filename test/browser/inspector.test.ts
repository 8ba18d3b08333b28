import { copyFileSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, testApp, type TestApp } from '../support/test-app.ts';
import { browserUnavailable, launchChromium, listen } from '../support/browser.ts';

const missing = browserUnavailable();
const inCi = process.env.CI === 'true';
if (missing && !inCi) process.stdout.write(`skipping the browser test: ${missing}\n`);

describe.skipIf(missing !== null && !inCi)('the inspector in a real browser', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    expect(missing, 'CI must have Chromium (.ci/run installs it)').toBeNull();
    t = await testApp();
    await t.create({ id: 'A-1001', scope: 'international' });
    await t.create({ id: 'B-2002' });
    await t.send('B-2002', 'SHIPPED', { carrier: 'SF Express', trackingNumber: 'SF100' });
    server = await listen(t.app.fetch);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 940 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Nothing may come from the internet: every request must go to the service itself.
    await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const state = () => page.locator('#order-state').textContent();
  const currentOnDiagram = () => page.locator('#diagram svg .state.current').getAttribute('data-path');
  const timelineTop = () => page.locator('#timeline li').first().getAttribute('data-type');

  it('draws the machine and lists orders, filtered by state', async () => {
    await page.goto(`${server.url}/inspector`);
    await page.waitForSelector('body[data-ready="true"]');
    // With no order picked, the compound states are closed; the whole machine is one click away.
    expect(await page.locator('#diagram svg .state').count()).toBe(9);
    await page.uncheck('#collapse-far');
    await expect.poll(() => page.locator('#diagram svg .state').count()).toBeGreaterThan(20);
    expect(await page.locator('#diagram svg .state[data-path="inTransit.shipping.customsHold"] text.deadline').allTextContents()).toEqual([
      expect.stringContaining('customsReminderAt'),
      // Version 2 (R13): the hold also arms its escalation.
      expect.stringContaining('customsEscalateAt'),
    ]);
    expect(await page.locator('#diagram svg .edge[data-event="TIMER.EXPEDITE"]').count()).toBe(1);
    await expect.poll(() => page.locator('#order-list button').count()).toBe(2);
    await page.selectOption('#state-filter', 'inTransit');
    await expect.poll(() => page.locator('#order-list button').allTextContents()).toEqual(['B-2002inTransit.shipping.onTheWay']);
    await page.selectOption('#state-filter', '');
    await expect.poll(() => page.locator('#order-list button').count()).toBe(2);
  });

  it('picks an order and highlights its state and the events it accepts', async () => {
    await page.locator('#order-list button[data-id="A-1001"]').click();
    await expect.poll(state).toBe('preShipment.processing.awaitingShipment');
    expect(await currentOnDiagram()).toBe('preShipment.processing.awaitingShipment');
    expect(await page.locator('#diagram svg .state.active').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-path')))).toEqual(
      expect.arrayContaining(['preShipment', 'preShipment.processing', 'preShipment.processing.awaitingShipment']),
    );
    expect(await page.locator('#diagram svg .edge.enabled[data-event="SHIPPED"]').count()).toBe(1);
    expect(await page.locator('#accepted button').allTextContents()).toContain('SHIPPED');
    expect(await timelineTop()).toBe('ORDER_CREATED');
    await expect.poll(() => page.locator('#live').textContent()).toBe('following A-1001');
  });

  it('sends an accepted event through its form; validation errors show in the page', async () => {
    await page.locator('#accepted button[data-event="SHIPPED"]').click();
    await page.locator('#send').click();
    await expect.poll(() => page.locator('#form-error').textContent()).toContain('422');
    expect(await page.locator('#event-fields [data-path="carrier"]').getAttribute('class')).toContain('invalid');
    expect(await state()).toBe('preShipment.processing.awaitingShipment');

    await page.fill('#event-fields [data-path="carrier"]', 'SF Express');
    await page.fill('#event-fields [data-path="trackingNumber"]', 'SF2001');
    await page.fill('#idempotency-key', 'ship-A-1001');
    await page.locator('#send').click();
    await expect.poll(state).toBe('inTransit.shipping.onTheWay');
    expect(await currentOnDiagram()).toBe('inTransit.shipping.onTheWay');
    expect(await timelineTop()).toBe('SHIPPED');
    expect(await page.locator('#timeline li').first().textContent()).toContain('key ship-A-1001');
    const stored = await t.history('A-1001');
    expect(stored.body.history.at(-1)).toMatchObject({ type: 'SHIPPED', idempotencyKey: 'ship-A-1001', payload: { carrier: 'SF Express', trackingNumber: 'SF2001' } });
  });

  it('follows events sent by another client and by the timer sweeper, without a reload', async () => {
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    const sent = await t.send('A-1001', 'CUSTOMS_HELD', { note: 'held at Shanghai customs' });
    expect(sent.status).toBe(200);
    await expect.poll(state).toBe('inTransit.shipping.customsHold');
    expect(await currentOnDiagram()).toBe('inTransit.shipping.customsHold');
    expect(await timelineTop()).toBe('CUSTOMS_HELD');
    expect(await page.locator('#deadlines').textContent()).toContain('customsReminderAt');

    const fired = await t.advance(3 * DAY);
    expect(fired).toBeGreaterThan(0);
    await expect.poll(timelineTop).toBe('TIMER.CUSTOMS_REMINDER');
    expect(await page.locator('#timeline li').first().getAttribute('class')).toContain('timer');
    expect(navigations).toEqual([]);
    expect(pageErrors).toEqual([]);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/inspector.png' });
    if (process.env.UPDATE_DOCS === '1') copyFileSync('test-results/inspector.png', 'docs/inspector.png');
  });
});
