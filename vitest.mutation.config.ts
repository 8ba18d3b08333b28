import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// For `npm run test:mutation`: every suite runs, but the generated paths replay one path in four,
// so that each of the ~1000 mutants runs in seconds (the full replay is `npm test`'s job).
export default mergeConfig(base, defineConfig({ test: { env: { MODEL_REPLAY_EVERY: '4' } } }));
