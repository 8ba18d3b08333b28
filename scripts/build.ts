/**
 * `npm run build`: the service as plain JavaScript in `dist/`, so production runs `node
 * dist/src/main.js` without compiling TypeScript at start (`npm run start:built`). tsc emits
 * `src/` and `machines/` with their `.ts` imports rewritten to `.js`; the files read at run time
 * next to the code (the inspector's page, the bundled calendar) are copied beside them. Types are
 * checked by `npm test` (`npm run typecheck`), not here.
 *
 *   npm run build [-- --out-dir <folder inside the repository>]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: 'dist' } } });
const outDir = resolve(root, values['out-dir']);
// The emitted code finds its packages in the repository's node_modules, so it must live inside it.
if (relative(root, outDir).startsWith('..')) throw new Error(`--out-dir must be inside ${root}`);

rmSync(outDir, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const emitted = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir, '--noCheck'], { stdio: 'inherit' });
if (emitted.status !== 0) process.exit(emitted.status ?? 1);
for (const assets of ['src/inspector/public', 'src/calendar/data']) {
  cpSync(join(root, assets), join(outDir, assets), { recursive: true, filter: (source) => !source.endsWith('.ts') });
}
console.log(`built ${relative(root, outDir)}/src/main.js`);
