import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'aftersales-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The shell block that follows the `<!-- walkthrough` marker in README.md. */
function walkthrough(): string {
  const readme = readFileSync('README.md', 'utf8');
  const m = /<!-- walkthrough[^>]*-->\s*```sh\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README.md has no walkthrough block');
  return m[1]!;
}

describe('the README walkthrough', () => {
  it('runs as written against a fresh server', async () => {
    const server = startServer({ PORT: '0', DATABASE_FILE: join(dir, 'walk.db') });
    try {
      const base = await server.url;
      const run = spawnSync('bash', ['-euo', 'pipefail', '-c', walkthrough()], { env: { ...process.env, BASE: base }, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const lines = run.stdout;
      expect(lines).toContain('"state":"verification.awaitingResolution"');
      // R11 (version 2): refunding the claimed mug returns the order to its protection window.
      expect(lines).toContain('"state":"delivered"');
      expect(lines).toContain('"money":{"paid":5500,"refunded":1250,"refundable":4250');
      expect(lines).toContain('"type":"/problems/event-not-accepted"');
    } finally {
      await server.stop();
    }
  });
});
