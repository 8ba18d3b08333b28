import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderBody, testApp, type TestApp } from '../support/test-app.ts';
import { browserUnavailable, launchChromium, listen } from '../support/browser.ts';

const missing = browserUnavailable();
const inCi = process.env.CI === 'true';
if (missing && !inCi) process.stdout.write(`skipping the docs page browser test: ${missing}\n`);

const token = 'docs-page-token-0123456789abcdef';

describe.skipIf(missing !== null && !inCi)('the docs page in a real browser', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const outside: string[] = [];
  const sentAuthorization: (string | undefined)[] = [];

  beforeAll(async () => {
    expect(missing, 'CI must have Chromium (.ci/run installs it)').toBeNull();
    t = await testApp({ apiTokens: [token] });
    expect((await t.call('POST', '/orders', orderBody({ id: 'DOC-1' }), { authorization: `Bearer ${token}` })).status).toBe(201);
    server = await listen(t.app.fetch);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Nothing may come from the internet: every request must go to the service itself.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/orders') sentAuthorization.push(r.headers().authorization);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders every operation and the webhooks from /openapi.json, with nothing from the internet', async () => {
    await page.goto(`${server.url}/docs`);
    await page.waitForSelector('#operations-Orders-createOrder');
    const doc = (await t.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(operations);
    expect(await page.locator('body').textContent()).toContain('Webhooks');
    expect(await page.locator('#operations-Orders-sendEvent').textContent()).toContain('/orders/{id}/events');
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('tries an operation with the bearer key entered under Authorize', async () => {
    await page.click('button.authorize');
    await page.fill('.modal-ux input', token);
    await page.click('.modal-ux .auth-btn-wrapper button.authorize');
    await page.click('.modal-ux button.btn-done');

    const listOrders = page.locator('#operations-Orders-listOrders');
    await listOrders.locator('.opblock-summary').click();
    await listOrders.locator('button.try-out__btn').click();
    await listOrders.locator('button.execute').click();
    await expect.poll(() => listOrders.locator('.live-responses-table tbody .response-col_status').first().textContent()).toBe('200');
    expect(await listOrders.locator('.live-responses-table').textContent()).toContain('DOC-1');
    expect(sentAuthorization).toEqual([`Bearer ${token}`]);
    expect(outside).toEqual([]);
  });
});
