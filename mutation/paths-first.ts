import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * A vitest sequencer for the mutation runs: the test files under `paths` (folders or files) first, in
 * that order, then the rest, each group in vitest's own order. Stryker stops a mutant at its first failing test, and an
 * in-process file costs a fraction of one that starts the API, so a mutant those files kill dies
 * sooner; which tests run and what they decide is unchanged.
 */
export function pathsFirst(paths: readonly string[]) {
  const rank = (f: TestSpecification) => {
    const i = paths.findIndex((path) => f.moduleId.includes(path));
    return i === -1 ? paths.length : i;
  };
  return class PathsFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]) {
      return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
    }
  };
}
