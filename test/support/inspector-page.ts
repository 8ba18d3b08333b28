import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, listen } from './browser.ts';
import { installMetrics } from './page-metrics.ts';

/** Screenshots are test artifacts: kept under the git-ignored `test-results/`. */
export async function keepScreenshot(page: Page, name: string) {
  mkdirSync('test-results', { recursive: true });
  const path = `test-results/${name}.png`;
  await page.screenshot({ path });
  return path;
}

/**
 * The service on a real socket and Chromium with one page per window size. Every request the
 * page makes outside the service is refused and recorded in `outside`, so tests can assert none.
 */
export async function inspectorSession(fetch: (request: Request) => Response | Promise<Response>) {
  const server = await listen(fetch);
  const browser: Browser = await launchChromium();
  const outside: string[] = [];
  const pageErrors: string[] = [];
  const open = async (width: number, height: number) => {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await installMetrics(page);
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    return page;
  };
  /** Opens `path` and waits until the page is ready and the diagram drawn. */
  const visit = async (page: Page, path: string) => {
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#diagram[data-drawn] svg .viewport');
  };
  return {
    url: server.url,
    browser,
    outside,
    pageErrors,
    open,
    visit,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export type InspectorSession = Awaited<ReturnType<typeof inspectorSession>>;

/** Presses Tab until `selector` has the focus; returns the number of presses, or null past `max`. */
export async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return i;
  }
  return null;
}
