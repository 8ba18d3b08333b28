import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Installs the page-side measurements (page-metrics.js) in every document `page` loads. */
export const installMetrics = (page: Page) => page.addInitScript({ path: fileURLToPath(new URL('./page-metrics.js', import.meta.url)) });

export interface Legibility {
  /** Screen px per diagram unit. */
  scale: number;
  labelsInView: number;
  /** Rendered font size of the smallest label in view, in CSS px. */
  minFontPx: number;
  maxFontPx: number;
}

const call = <T>(page: Page, expression: string) => page.evaluate(`window.inspectorMetrics.${expression}`) as Promise<T>;

export const legibility = (page: Page) => call<Legibility>(page, 'legibility()');
/** For each diagram element matching `selector`: wholly in the diagram's visible box? */
export const inView = (page: Page, selector: string) => call<boolean[]>(page, `inView(${JSON.stringify(selector)})`);
/** The diagram's transform on screen, and the diagram point under (clientX, clientY). */
export const transform = (page: Page, clientX = 0, clientY = 0) =>
  call<{ k: number; x: number; y: number; at: { x: number; y: number } }>(page, `transform(${clientX}, ${clientY})`);
/** Drawing texts wider than their box. */
export const svgOverflow = (page: Page) => call<string[]>(page, 'svgOverflow()');
/** Panel texts cut off or running out sideways. */
export const clippedText = (page: Page) => call<string[]>(page, 'clippedText()');
export const focused = (page: Page) => call<{ id: string; tag: string; outline: boolean }>(page, 'focus()');
