import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { mintKey } from '../../src/tenancy/key-secrets.ts';
import { browserUnavailable } from '../support/browser.ts';
import { inspectorSession, keepScreenshot, tabTo, type InspectorSession } from '../support/inspector-page.ts';
import { legibility } from '../support/page-metrics.ts';
import { testApp } from '../support/test-app.ts';
import { orderVersion1Only, orderWithRenamedState } from '../support/versions/renamed-state-v2.ts';
import { ticketMachine } from '../support/versions/ticket-machine.ts';

const missing = browserUnavailable();
const inCi = process.env.CI === 'true';

const marked = (page: Page, selector: string) =>
  page.locator(`#diagram ${selector}`).evaluateAll((els) => els.map((e) => e.getAttribute('data-path') ?? `${e.getAttribute('data-source')} ${e.getAttribute('data-event')}`));

describe.skipIf(missing !== null && !inCi)('the inspector compares machine versions', () => {
  let s: InspectorSession;
  let page: Page;

  beforeAll(async () => {
    expect(missing, 'CI must have Chromium (.ci/run installs it)').toBeNull();
    // Three tickets written by a release with version 1; the next release has version 2.
    const store = createSqliteStore(new Database(':memory:'));
    const v1 = await testApp({ store, machine: ticketMachine(1) });
    for (const id of ['T-1', 'T-2', 'T-3']) expect((await v1.call('POST', '/orders', { id })).status).toBe(201);
    for (const id of ['T-2', 'T-3']) expect((await v1.send(id, 'GO')).status).toBe(200);
    const v2 = await testApp({ store, machine: ticketMachine(2) });
    s = await inspectorSession(v2.app.fetch);
    page = await s.open(1600, 1000);
  });

  afterAll(async () => {
    if (!s) return;
    expect(s.outside, 'no request may leave the service').toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });

  it('shows the newest version with what it adds and renames, the migration map, and the orders before and after migrating', async () => {
    await s.visit(page, '/inspector');
    await page.click('#mode-versions');
    await page.waitForSelector('#diagram[data-view="versions"] svg .viewport');
    expect(await page.locator('#diagram').getAttribute('data-version')).toBe('2');
    expect(await page.locator('#version-buttons button').allTextContents()).toEqual(['v1 · 3 orders', 'v2 (current) · 0 orders']);
    expect(await page.locator('#version-buttons [aria-pressed="true"]').textContent()).toContain('v2');
    // On the diagram: the new state and transitions, the renamed state with its old name.
    expect(await marked(page, '.state.change-added')).toEqual(['paused']);
    expect(await marked(page, '.state.change-renamed')).toEqual(['busy']);
    expect((await marked(page, '.edge.change-added')).sort()).toEqual(['busy PAUSE', 'paused RESUME']);
    expect(await page.locator('#diagram .pill.change-renamed text').allTextContents()).toEqual(['was working']);
    const changes = await page.locator('#version-changes').textContent();
    expect(changes).toContain('working → busy');
    expect(changes).toContain('GO → START');
    expect(changes).toContain('busy —PAUSE→ paused');
    expect(await page.locator('#version-migration tr[data-from="working"]').textContent()).toBe('workingbusyfrom the state alone');
    // The operator's view: 3 orders on version 1; after the migration, 2 busy and 1 open on version 2.
    const row = (state: string) => page.locator(`#version-census tr[data-state="${state}"] td`).allTextContents();
    expect(await row('working')).toEqual(['working', '2', '', '']);
    expect(await row('busy')).toEqual(['busy', '', '', '2']);
    expect(await row('open')).toEqual(['open', '1', '', '1']);
    expect((await legibility(page)).minFontPx).toBeGreaterThanOrEqual(11);
    await keepScreenshot(page, 'inspector-versions-v2');
  });

  it('shows the older version, by keyboard: what the next one removes or renames, and where its orders stand', async () => {
    await page.locator('#version-buttons [data-version="2"]').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate("document.activeElement?.getAttribute('data-version')")).toBe('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#diagram').getAttribute('data-version'), { timeout: 10_000 }).toBe('1');
    await page.waitForSelector('#diagram svg .pill.census');
    expect(await page.evaluate("document.activeElement?.getAttribute('data-version')")).toBe('1');
    expect(await marked(page, '.state.change-renamed')).toEqual(['working']);
    expect(await page.locator('#diagram .pill.change-renamed text').allTextContents()).toEqual(['becomes busy in v2']);
    const counts = await page.locator('#diagram .state[data-orders]').evaluateAll((gs) => Object.fromEntries(gs.map((g) => [g.getAttribute('data-path'), g.getAttribute('data-orders')])));
    expect(counts).toEqual({ open: '1', working: '2' });
    expect(new URL(page.url()).searchParams.get('version')).toBe('1');
    await keepScreenshot(page, 'inspector-versions-v1');
    // Back to the orders: the newest version's diagram again.
    expect(await tabTo(page, '#mode-orders', 60)).not.toBeNull();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#diagram').getAttribute('data-view'), { timeout: 10_000 }).toBe('orders');
    expect(await page.locator('#diagram').getAttribute('data-version')).toBe('2');
    expect(await page.locator('#versions').isHidden()).toBe(true);
  });
});

describe.skipIf(missing !== null && !inCi)('the versions view of the order machine with one version (as version 1 shipped alone)', () => {
  let s: InspectorSession;

  afterAll(async () => {
    if (!s) return;
    expect(s.outside).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });

  it('says there is nothing to compare yet, and counts the orders per state', async () => {
    const t = await testApp({ machine: orderVersion1Only() });
    await t.create({ id: 'O-1' });
    await t.create({ id: 'O-2' });
    await t.send('O-2', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-2' });
    s = await inspectorSession(t.app.fetch);
    const page = await s.open(1280, 800);
    await page.goto(`${s.url}/inspector?view=versions`);
    await page.waitForSelector('#diagram[data-view="versions"] svg .viewport');
    expect(await page.locator('#only-version').textContent()).toContain('Version 1 is the only version');
    expect(await page.locator('#version-buttons button').allTextContents()).toEqual(['v1 (current) · 2 orders']);
    expect(await page.locator('#version-census tr[data-state="inTransit.shipping.onTheWay"] td').allTextContents()).toEqual(['inTransit.shipping.onTheWay', '1', '1']);
    const counts = await page.locator('#diagram .state[data-orders]').evaluateAll((gs) => Object.fromEntries(gs.map((g) => [g.getAttribute('data-path'), g.getAttribute('data-orders')])));
    expect(counts).toEqual({ 'preShipment.processing.awaitingShipment': '1', 'inTransit.shipping.onTheWay': '1' });
    await keepScreenshot(page, 'inspector-versions-order-v1');
  });
});

describe.skipIf(missing !== null && !inCi)('an order pinned to an older version', () => {
  let s: InspectorSession;

  afterAll(async () => {
    if (!s) return;
    expect(s.outside).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });

  it('is drawn on the diagram of its own version, and the view goes back to the newest after it', async () => {
    const store = createSqliteStore(new Database(':memory:'));
    const v1 = await testApp({ store, machine: orderVersion1Only() });
    await v1.create({ id: 'OLD-1' });
    const v2 = await testApp({ store, machine: orderWithRenamedState() });
    s = await inspectorSession(v2.app.fetch);
    const page = await s.open(1280, 800);
    await s.visit(page, '/inspector?order=OLD-1');
    await expect.poll(() => page.locator('#diagram').getAttribute('data-version'), { timeout: 10_000 }).toBe('1');
    expect(await page.locator('#machine-name').textContent()).toBe('machine order v1');
    expect(await page.locator('#diagram .state.current').getAttribute('data-path')).toBe('preShipment.processing.awaitingShipment');
    await page.click('#mode-versions');
    await expect.poll(() => page.locator('#diagram').getAttribute('data-version'), { timeout: 10_000 }).toBe('2');
    expect(await page.locator('#version-buttons button').allTextContents()).toEqual(['v1 · 1 order', 'v2 (current) · 0 orders']);
  });
});

describe.skipIf(missing !== null && !inCi)('the inspector compares machine versions with a tenant key', () => {
  let s: InspectorSession;
  let key: string;

  beforeAll(async () => {
    expect(missing, 'CI must have Chromium (.ci/run installs it)').toBeNull();
    const store = createSqliteStore(new Database(':memory:'));
    const v1 = await testApp({ store, machine: ticketMachine(1) });
    expect((await v1.call('POST', '/orders', { id: 'T-1' })).status).toBe(201);
    const v2 = await testApp({ store, machine: ticketMachine(2) });
    const minted = mintKey({ tenant: 'shop-a', scopes: ['orders:read'], now: Date.now() });
    await store.createKey(minted.record);
    key = minted.key;
    s = await inspectorSession(v2.app.fetch);
  });

  afterAll(async () => {
    if (!s) return;
    expect(s.outside, 'no request may leave the service').toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });

  it('shows the versions, their changes and the migration map, and says the census is an operator\'s', async () => {
    const page = await s.open(1600, 1000);
    // The token a developer entered under Access before (the page keeps it).
    await page.addInitScript(`window.localStorage.setItem('aftersales.token', ${JSON.stringify(key)})`);
    await s.visit(page, '/inspector');
    await page.click('#mode-versions');
    await page.waitForSelector('#diagram[data-view="versions"] svg .viewport');
    expect(await page.locator('#version-buttons button').allTextContents()).toEqual(['v1', 'v2 (current)']);
    expect(await marked(page, '.state.change-renamed')).toEqual(['busy']);
    expect(await page.locator('#version-changes').textContent()).toContain('working → busy');
    expect(await page.locator('#version-migration tr[data-from="working"]').textContent()).toBe('workingbusyfrom the state alone');
    const refused = await page.locator('#census-problem').textContent();
    expect(refused).toMatch(/^Orders per version: 403 .*needs the scope admin on a key of the default tenant/);
    expect(refused).toContain("They count every tenant's orders: an operator's key (admin of the default tenant) shows them.");
    await page.close();
  });
});
