import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable } from '../support/browser.ts';
import { inspectorSession, keepScreenshot, tabTo, type InspectorSession } from '../support/inspector-page.ts';
import { inView, legibility } from '../support/page-metrics.ts';
import { testApp, type TestApp } from '../support/test-app.ts';

const missing = browserUnavailable();
const inCi = process.env.CI === 'true';

describe.skipIf(missing !== null && !inCi)('the inspector tries an event without sending it', () => {
  let t: TestApp;
  let s: InspectorSession;
  let page: Page;

  beforeAll(async () => {
    expect(missing, 'CI must have Chromium (.ci/run installs it)').toBeNull();
    t = await testApp();
    expect((await t.create({ id: 'W-1', scope: 'international' })).status).toBe(201);
    expect((await t.send('W-1', 'SHIPPED', { carrier: 'SF Express', trackingNumber: 'SF-W1' })).status).toBe(200);
    s = await inspectorSession(t.app.fetch);
    page = await s.open(1600, 1000);
  });

  afterAll(async () => {
    if (!s) return;
    expect(s.outside, 'no request may leave the service').toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });

  const stored = async () => ({ version: (await t.store.getOrder('W-1'))?.version, history: (await t.store.history('W-1')).length, outbox: (await t.store.outbox('W-1')).length });

  it('"Try" shows where the event would lead on the diagram, what it would notify and arm, and changes nothing', async () => {
    await s.visit(page, '/inspector?order=W-1');
    const before = await stored();
    await page.click('#accepted button[data-event="CUSTOMS_HELD"]');
    await page.fill('#event-fields [data-path="note"]', 'held at Shanghai customs');
    await page.click('#try');
    await page.waitForSelector('#what-if .what-if-result');
    await page.waitForSelector('#diagram .state.what-if-target');
    expect(await page.locator('#what-if .what-if-result').getAttribute('data-state')).toBe('inTransit.shipping.customsHold');
    const summary = await page.locator('#what-if').textContent();
    expect(summary).toContain('Would go from inTransit.shipping.onTheWay to inTransit.shipping.customsHold');
    expect(summary).toContain('customs.reminder (sendCustomsReminder), also e-mailed');
    expect(summary).toContain('customsReminderAt → TIMER.CUSTOMS_REMINDER');
    expect(summary).toContain('order version 2 → 3');

    // On the diagram: the transition it would take and the state it would reach, in view and legible.
    expect(await page.locator('#diagram .edge.what-if').evaluateAll((es) => es.map((e) => `${e.getAttribute('data-source')} ${e.getAttribute('data-event')} ${e.getAttribute('data-target')}`))).toEqual([
      'inTransit.shipping.onTheWay CUSTOMS_HELD inTransit.shipping.customsHold',
    ]);
    expect(await page.locator('#diagram .state.what-if-target').getAttribute('data-path')).toBe('inTransit.shipping.customsHold');
    expect(await page.locator('#diagram .what-if-layer text').textContent()).toBe('would be here after CUSTOMS_HELD');
    expect(await inView(page, '.edge.what-if .label')).toEqual([true]);
    expect(await inView(page, '.state.what-if-target > rect')).toEqual([true]);
    expect((await legibility(page)).minFontPx).toBeGreaterThanOrEqual(11);
    // Still where it was: the page, the diagram and the store.
    expect(await page.locator('#order-state').textContent()).toBe('inTransit.shipping.onTheWay');
    expect(await page.locator('#diagram .state.current').getAttribute('data-path')).toBe('inTransit.shipping.onTheWay');
    expect(await stored()).toEqual(before);
    await keepScreenshot(page, 'inspector-what-if');
  });

  it('a refusal shows as sending would show it, and clears the tried result', async () => {
    // A payload the API refuses: the field is marked, as for a send, and nothing is drawn.
    await page.fill('#event-fields [data-path="note"]', 'x'.repeat(5000));
    await page.click('#try');
    await expect.poll(() => page.locator('#form-error').textContent(), { timeout: 10_000 }).toMatch(/^422/);
    expect(await page.locator('#event-fields [data-path="note"]').getAttribute('class')).toContain('invalid');
    expect(await page.locator('#what-if').isHidden()).toBe(true);
    expect(await page.locator('#diagram .what-if, #diagram .what-if-target').count()).toBe(0);
    expect(await stored()).toMatchObject({ version: 2 });
  });

  it('is reachable by keyboard: Try, then Send applies what was tried', async () => {
    await page.fill('#event-fields [data-path="note"]', 'held again');
    await page.focus('#event-fields [data-path="note"]');
    expect(await tabTo(page, '#try', 10)).not.toBeNull();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#what-if .what-if-result');
    await page.waitForSelector('#diagram .state.what-if-target');
    expect(await page.locator('#diagram .state.what-if-target').getAttribute('data-path')).toBe('inTransit.shipping.customsHold');
    await page.focus('#send');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#order-state').textContent(), { timeout: 10_000 }).toBe('inTransit.shipping.customsHold');
    // Applied: the tried marks are gone, the order stands where the try said it would.
    expect(await page.locator('#diagram .what-if, #diagram .what-if-target').count()).toBe(0);
    expect(await page.locator('#what-if').isHidden()).toBe(true);
    expect(await stored()).toMatchObject({ version: 3, history: 3, outbox: 1 });
  });
});
