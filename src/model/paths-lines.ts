import type { PathsDocument } from './paths-document.ts';

/**
 * The paths document as JSON Lines: one line per step, each path's creation first (step 0, with
 * everything needed to create the order), then its steps in order; every line names its path, so
 * lines can be filtered (`grep`, `jq`) and streamed without reading the whole document.
 */
export function pathsLines(document: PathsDocument): Record<string, unknown>[] {
  const variants = new Map(document.variants.map((v) => [v.name, v]));
  return document.paths.flatMap((path) => {
    const { name, description: _description, ...variant } = variants.get(path.variant)!;
    const creation = { machine: document.machine, path: path.id, pathKind: path.kind, variant: name, step: 0, kind: 'create', createdAt: document.createdAt, ...variant, ...path.start };
    return [creation, ...path.steps.map((step, i) => ({ path: path.id, step: i + 1, ...step }))];
  });
}
