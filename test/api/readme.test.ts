import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'aftersales-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The shell block that follows the `<!-- walkthrough` marker in docs/lifecycle.md (the README links to it). */
function walkthrough(): string {
  const guide = readFileSync('docs/lifecycle.md', 'utf8');
  const m = /<!-- walkthrough[^>]*-->\s*```sh\n([\s\S]*?)```/.exec(guide);
  if (!m) throw new Error('docs/lifecycle.md has no walkthrough block');
  return m[1]!;
}

describe('the README', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('states the two commands, and package.json has them', () => {
    expect(readme).toContain('npm install && npm start   #');
    expect(readme).toMatch(/^npm test +#/m);
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toMatch(/src\/main\.ts$/);
    expect(scripts.test).toContain('vitest run');
  });

  it('stays short, and its guides list every guide in docs/ and the walkthrough', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(130);
    const guides = readdirSync('docs').filter((f) => f.endsWith('.md'));
    for (const guide of guides) expect(readme, `README.md links docs/${guide}`).toContain(`](docs/${guide})`);
    expect(readme).toContain('](docs/lifecycle.md#walkthrough-a-wrong-item-delivered)');
  });
});

describe('the walkthrough (docs/lifecycle.md)', () => {
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
