import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable } from '../support/browser.ts';
import { inspectorFixture, LONG_ID } from '../support/inspector-fixture.ts';
import { inspectorSession, keepScreenshot, tabTo, type InspectorSession } from '../support/inspector-page.ts';
import { clippedText, focused, inView, legibility, svgOverflow, transform } from '../support/page-metrics.ts';

const missing = browserUnavailable();
const inCi = process.env.CI === 'true';

/** The diagram draws every label at 11 px; "fit" never shrinks them. */
const LEGIBLE_PX = 11;

describe.skipIf(missing !== null && !inCi)('the inspector is readable at any window size', () => {
  let s: InspectorSession;
  let graphStates: number;

  beforeAll(async () => {
    expect(missing, 'CI must have Chromium (.ci/run installs it)').toBeNull();
    const t = await inspectorFixture();
    graphStates = JSON.stringify((await t.call('GET', '/machines/order')).body).match(/"path":/g)!.length - 1;
    s = await inspectorSession(t.app.fetch);
  });

  afterAll(async () => {
    if (!s) return;
    expect(s.outside, 'no request may leave the service').toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s?.close();
  });

  it.each([
    [1600, 1000],
    [1280, 800],
    [1024, 700],
    [600, 900],
  ])('at %i×%i an order opens with legible labels, its next steps in view, and no text cut', async (width, height) => {
    const page = await s.open(width, height);
    await s.visit(page, '/inspector/?order=B-2002');
    const l = await legibility(page);
    expect(l.minFontPx).toBeGreaterThanOrEqual(LEGIBLE_PX);
    expect(l.labelsInView).toBeGreaterThanOrEqual(8);
    expect(await inView(page, '.state.current')).toEqual([true]);
    // Both transitions out of verification.awaitingPlatform, labels included, are on screen.
    expect(await inView(page, '.edge.enabled .label')).toEqual([true, true]);
    expect(await svgOverflow(page)).toEqual([]);
    expect(await clippedText(page)).toEqual([]);
    expect(await page.locator(`#order-list button[data-id="${LONG_ID}"]`).textContent()).toBe(`${LONG_ID}preShipment.processing.supplierUnresponsive`);
    await keepScreenshot(page, `inspector-${width}x${height}`);
    await page.close();
  });

  it('pans by dragging and zooms at the pointer with the wheel; fit makes the labels legible again', async () => {
    const page = await s.open(1600, 1000);
    await s.visit(page, '/inspector?order=B-2002');
    const box = (await page.locator('#diagram').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const before = await transform(page);
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 60, cy + 40, { steps: 4 });
    await page.mouse.move(cx + 120, cy + 80, { steps: 4 });
    await page.mouse.up();
    const dragged = await transform(page);
    expect(dragged.x - before.x).toBeCloseTo(120, 0);
    expect(dragged.y - before.y).toBeCloseTo(80, 0);
    expect(dragged.k).toBe(before.k);
    expect(await page.inputValue('#state-filter')).toBe(''); // a drag is not a click on a state

    const [px, py] = [cx - 150, cy + 60];
    const under = (await transform(page, px, py)).at;
    await page.mouse.move(px, py);
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => (await transform(page)).k).toBeGreaterThan(dragged.k * 1.5);
    const zoomed = await transform(page, px, py);
    expect(zoomed.at.x).toBeCloseTo(under.x, 0); // the point under the pointer stays there
    expect(zoomed.at.y).toBeCloseTo(under.y, 0);

    await page.mouse.wheel(0, 1200);
    await expect.poll(async () => (await legibility(page)).minFontPx).toBeLessThan(LEGIBLE_PX / 2);
    await page.click('[data-zoom="fit"]');
    expect((await legibility(page)).minFontPx).toBeGreaterThanOrEqual(LEGIBLE_PX);
    expect(await inView(page, '.state.current')).toEqual([true]);
    await page.click('[data-zoom="overview"]');
    expect(await inView(page, '.state')).not.toContain(false); // the whole machine, small
    await keepScreenshot(page, 'inspector-overview');
    await page.close();
  });

  it('pans and zooms by keyboard on the focused diagram', async () => {
    const page = await s.open(1280, 800);
    await s.visit(page, '/inspector?order=B-2002');
    expect(await tabTo(page, '#diagram')).not.toBeNull();
    expect(await focused(page)).toMatchObject({ id: 'diagram', outline: true });
    const t0 = await transform(page);
    await page.keyboard.press('+');
    expect((await transform(page)).k).toBeCloseTo(t0.k * 1.25, 3);
    await page.keyboard.press('-');
    expect((await transform(page)).k).toBeCloseTo(t0.k, 3);
    const t1 = await transform(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowUp');
    const t2 = await transform(page);
    expect([t2.x - t1.x, t2.y - t1.y]).toEqual([60, 240]);
    await page.keyboard.press('1');
    expect((await transform(page)).k).toBe(1);
    for (let i = 0; i < 5; i++) await page.keyboard.press('-');
    expect((await legibility(page)).minFontPx).toBeLessThan(LEGIBLE_PX / 2);
    await page.keyboard.press('0');
    expect((await legibility(page)).minFontPx).toBeGreaterThanOrEqual(LEGIBLE_PX);
    expect(await inView(page, '.state.current')).toEqual([true]);
    await page.close();
  });

  it('collapses what is far from the order; a box opens by keyboard; the whole machine on request', async () => {
    const page = await s.open(1600, 1000);
    const collapsed = () => page.locator('#diagram .state.collapsed').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-path')).sort());
    await s.visit(page, '/inspector');
    expect(await collapsed()).toEqual(['inTransit', 'preShipment', 'verification']);
    expect((await legibility(page)).minFontPx).toBeGreaterThanOrEqual(LEGIBLE_PX);
    await keepScreenshot(page, 'inspector-no-order');

    await page.click('#order-list button[data-id="A-1001"]');
    await expect.poll(collapsed).toEqual(['inTransit', 'verification']);
    expect(await page.locator('#diagram .state[data-path^="inTransit."]').count()).toBe(0);
    await page.focus('#diagram .toggle[data-toggle="inTransit"]');
    await page.keyboard.press('Enter');
    await expect.poll(collapsed).toEqual(['inTransit.shipping', 'verification']); // one level at a time
    expect(await page.evaluate('document.activeElement.getAttribute("aria-label")')).toBe('collapse inTransit');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.getAttribute("aria-label")')).toBe('expand inTransit.shipping');
    await page.keyboard.press(' ');
    await expect.poll(collapsed).toEqual(['verification']);
    expect(await page.locator('#diagram .state[data-path="inTransit.shipping.customsHold"]').count()).toBe(1);
    expect(await svgOverflow(page)).toEqual([]);

    await page.uncheck('#collapse-far');
    await expect.poll(collapsed).toEqual([]);
    expect(await page.locator('#diagram .state').count()).toBe(graphStates);
    expect((await legibility(page)).minFontPx).toBeGreaterThanOrEqual(LEGIBLE_PX);
    await page.close();
  });
});

