import { readFile } from 'node:fs/promises';
import type { HostedMachine } from '../engine/hosted-machine.ts';
import type { PathsDocument } from '../model/paths-document.ts';
import { pathsSchema } from '../model/paths-schema.ts';

type Line = Record<string, unknown> & { path: string; step: number };

/** A paths document from its JSON Lines form (`aftersales paths --format jsonl`): each path's creation line, then its steps. */
export function fromLines(text: string): unknown {
  const lines = text.split('\n').filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l) as Line;
    } catch (error) {
      throw new Error(`line ${i + 1} is not JSON: ${(error as Error).message}`, { cause: error });
    }
  });
  const variants = new Map<string, unknown>();
  const paths: Record<string, unknown>[] = [];
  let machine: unknown;
  let createdAt: unknown;
  for (const line of lines) {
    if (line.step === 0) {
      const { machine: m, path, pathKind, variant, step: _step, kind: _kind, createdAt: at, expect, expectDeadlines, ...rest } = line;
      machine ??= m;
      createdAt ??= at;
      if (!variants.has(variant as string)) variants.set(variant as string, { name: variant, description: '', ...rest });
      paths.push({ id: path, variant, kind: pathKind, start: { expect, expectDeadlines }, steps: [] });
    } else {
      const { path, step: _step, ...step } = line;
      const own = paths.at(-1);
      if (own?.id !== path) throw new Error(`the line of step ${line.step} of ${path} does not follow that path's creation line`);
      (own.steps as unknown[]).push(step);
    }
  }
  const count = (kind: string) => paths.filter((p) => p.kind === kind).length;
  return { machine, createdAt, howToReplay: [], variants: [...variants.values()], counts: { shortest: count('shortest'), transition: count('transition') }, paths };
}

/** Checks a paths document against the schema of the machine version it names (this release must have it). */
export function parsePaths(machine: HostedMachine, raw: unknown): PathsDocument {
  const named = (raw as { machine?: { id?: unknown; version?: unknown } } | null)?.machine;
  if (named?.id !== machine.id) throw new Error(`the paths are not of machine ${machine.id} (they name ${JSON.stringify(named?.id)})`);
  const version = machine.versions.find((v) => v.version === named.version);
  if (!version) throw new Error(`the paths are of ${machine.id}@${String(named.version)}, which this release does not have (it has ${machine.versions.map((v) => v.version).join(', ')})`);
  const parsed = pathsSchema(version).safeParse(raw);
  if (!parsed.success) throw new Error(`the paths document is not valid: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data as unknown as PathsDocument;
}

/** Reads the paths from a file (JSON, or JSON Lines when it ends in .jsonl or starts with a line per step). */
export async function readPaths(machine: HostedMachine, file: string): Promise<PathsDocument> {
  const text = await readFile(file, 'utf8');
  const jsonLines = file.endsWith('.jsonl') || /^\{[^\n]*\}\s*\n\s*\{/.test(text);
  return parsePaths(machine, jsonLines ? fromLines(text) : JSON.parse(text));
}
