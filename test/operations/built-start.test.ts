import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/server-process.ts';
import { orderBody } from '../support/test-app.ts';

// Inside the repository (the built code finds its packages in node_modules), under a name .gitignore and eslint skip.
const outDir = `.build-test-${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'aftersales-built-'));
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('a production start without tsx (npm run build, then npm run start:built)', () => {
  it('builds plain JavaScript that serves the API, the inspector and the calendar, and stops on SIGTERM', { timeout: 180_000 }, async () => {
    const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out-dir', outDir], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(join(outDir, 'src/main.js'))).toBe(true);
    expect(readFileSync(join(outDir, 'src/app.js'), 'utf8')).not.toMatch(/from '\.[^']*\.ts'/); // imports rewritten to .js
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts['start:built']).toBe('exec node dist/src/main.js');

    // `node main.js` with no loader: a TypeScript import left anywhere would fail here.
    const server = startServer({ PORT: '0', DATABASE_FILE: join(dir, 'built.db') }, { entry: join(outDir, 'src/main.js') });
    try {
      const url = await server.url;
      const created = await fetch(`${url}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(orderBody({ id: 'built-1' })) });
      expect(created.status).toBe(201);
      const order = (await created.json()) as { deadlines: unknown[] };
      expect(order.deadlines.length).toBeGreaterThan(0); // the bundled calendar was read from beside the code
      const inspector = await fetch(`${url}/inspector/`);
      expect(inspector.status).toBe(200);
      expect(await inspector.text()).toContain('<html');
      expect((await fetch(`${url}/metrics`)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.lines().map((l) => l.msg)).toEqual(expect.arrayContaining(['aftersales listening', 'stopping', 'stopped']));
    } finally {
      await server.stop();
    }
  });
});
