// Types of statechart.js (a plain browser/Node module) for the TypeScript that imports it.
import type { MachineGraph } from '../machine-graph.ts';

export interface ElkLike {
  layout(graph: unknown): Promise<unknown>;
}
export function elkGraph(graph: MachineGraph): unknown;
export function renderSvg(graph: MachineGraph, laid: unknown, options?: { title?: string }): string;
export function drawStatechart(graph: MachineGraph, elk: ElkLike, options?: { title?: string }): Promise<string>;
export function highlight(svg: unknown, state: string, acceptedEvents?: string[]): void;
