import { defineConfig } from 'vitest/config';
import base from '../vitest.config.ts';

// For `npm run test:mutation:engine`: `test/engine/` alone, the engine's in-process tests, as the judge
// of `src/engine/`. Its score is a lower bound of the main run's (`stryker.config.json`), whose
// selection contains `test/engine/`: a mutant killed here is killed there. The main run gives each
// surviving mutant of the engine every suite that answers an order (about 300 tests); this one gives
// it about a hundred in-process tests, so the whole of `src/engine/` fits in a sitting on the shared machine.
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/engine/**/*.test.ts'], testTimeout: 60_000 },
});
