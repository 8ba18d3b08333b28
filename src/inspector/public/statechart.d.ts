// Types of statechart.js (a plain browser/Node module) for the TypeScript that imports it.
import type { MachineGraph } from '../machine-graph.ts';

export interface ElkLike {
  layout(graph: unknown): Promise<unknown>;
}
/** Options of the layout and the drawing. */
export interface StatechartOptions {
  title?: string;
  /** Compound states (dotted paths) drawn as one box. */
  collapsed?: string[];
  /** Label width in SVG units; default: a monospace estimate. */
  measure?: (text: string, bold: boolean) => number;
  /** Adds expand/collapse buttons to compound states (the page; not the docs). */
  interactive?: boolean;
}
export function elkGraph(graph: MachineGraph, options?: StatechartOptions): unknown;
export function renderSvg(graph: MachineGraph, laid: unknown, options?: StatechartOptions): string;
export function drawStatechart(graph: MachineGraph, elk: ElkLike, options?: StatechartOptions): Promise<string>;
export function highlight(svg: unknown, state: string, acceptedEvents?: string[]): void;
