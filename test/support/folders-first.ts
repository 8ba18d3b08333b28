import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * A vitest sequencer for the mutation runs: the test files under `folders` first, in that order, then
 * the rest, each group in vitest's own order. Stryker stops a mutant at its first failing test, and an
 * in-process file costs a fraction of one that starts the API, so a mutant those files kill dies
 * sooner; which tests run and what they decide is unchanged.
 */
export function foldersFirst(folders: readonly string[]) {
  const rank = (f: TestSpecification) => {
    const i = folders.findIndex((folder) => f.moduleId.includes(folder));
    return i === -1 ? folders.length : i;
  };
  return class FoldersFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]) {
      return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
    }
  };
}
