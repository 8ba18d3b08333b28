// Types of journey.js (a plain browser module) for the TypeScript that imports it.
import type { MachineGraph } from '../machine-graph.ts';

/** One history entry as GET /orders/:id/history lists it (the fields the journey reads). */
export interface JourneyEntry { seq: number; type: string; fromState: string | null; toState: string; source: string }
export interface JourneyStep {
  seq: number;
  type: string;
  from: string | null;
  to: string;
  source: string;
  /** The transition taken: where it is declared, its target (null: it only ran actions) and event. */
  transition: { source: string; target: string | null; event: string } | null;
}
export function journeySteps(graph: MachineGraph, history: JourneyEntry[]): JourneyStep[];
export function drawJourney(svg: unknown, steps: JourneyStep[]): JourneyStep[];
