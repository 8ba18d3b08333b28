import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathsDocument } from '../../src/model/paths-document.ts';
import { pathsLines } from '../../src/model/paths-lines.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { DAY } from '../support/test-app.ts';

/**
 * The conformance kit as client teams run it: `npx aftersales sandbox` and `npx aftersales replay`,
 * each a real process. The sandbox requires an API token, so the replayer's --key is used too.
 */
const KEY = 'conformance-kit-key-0001';
const dir = mkdtempSync(join(tmpdir(), 'aftersales-replay-'));
let sandbox: ServerProcess;
let base: string;
let document: PathsDocument;

beforeAll(async () => {
  sandbox = startServer({ PORT: '0', API_TOKENS: KEY, DATABASE_FILE: '', DATABASE_URL: '' }, { cli: ['sandbox'] });
  base = await sandbox.url;
  const res = await fetch(`${base}/machines/order/paths`);
  document = (await res.json()) as PathsDocument;
}, 60_000);
afterAll(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** `npx aftersales replay …`: resolves with its exit code and output. */
function replay(...args: string[]) {
  const child = spawn(process.execPath, ['bin/aftersales.js', 'replay', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

const testcases = (xml: string) => [...xml.matchAll(/<testcase classname="[^"]*" name="([^"]*)"/g)].map((m) => m[1]);

describe('npx aftersales replay against npx aftersales sandbox', () => {
  it('passes every exported path, timer steps included, with a JUnit report that counts them all', { timeout: 300_000 }, async () => {
    const junit = join(dir, 'all.xml');
    const r = await replay('--base', base, '--key', KEY, '--junit', junit);
    expect(r.code, r.out.split('\n').filter((l) => !l.startsWith('pass')).join('\n') + r.err).toBe(0);
    // Counted from the served document, so that a new machine version changes the figures, not the test.
    const { version } = document.machine;
    const paths = document.paths.length;
    const steps = document.paths.reduce((n, p) => n + p.steps.length, 0);
    const timers = document.paths.reduce((n, p) => n + p.steps.filter((s) => s.kind === 'timer').length, 0);
    expect(paths).toBe(document.counts.shortest + document.counts.transition);
    expect(timers).toBeGreaterThan(100);
    expect(r.out).toMatch(new RegExp(`order@${version}: ${paths} path\\(s\\), ${steps} steps \\(${timers} timer steps\\) in [\\d.]+ s: ${paths} passed, 0 failed\\n$`));
    expect(r.out.match(/^pass {2}/gm)).toHaveLength(paths);

    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain(`<testsuites name="order@${version} paths" tests="${paths}" failures="0" errors="0"`);
    expect(xml).toContain(`<testsuite name="order@${version} paths" tests="${paths}" failures="0" errors="0" skipped="0"`);
    expect(testcases(xml).sort()).toEqual(document.paths.map((p) => p.id).sort());
    expect(xml).not.toContain('<failure');
  });

  it('fails a deliberately broken expectation with a readable difference, in its output and its JUnit report', { timeout: 60_000 }, async () => {
    // A path whose order is expedited by its deadline (a timer step): expect another state and the switch a day later.
    const path = structuredClone(document.paths.find((p) => p.steps.some((s) => s.type === 'TIMER.EXPEDITE'))!);
    const n = path.steps.findIndex((s) => s.type === 'TIMER.EXPEDITE');
    const step = path.steps[n]!;
    const actualState = (step.expect as { state: string }).state;
    (step.expect as { state: string }).state = 'delivered';
    const switchAt = step.expectDeadlines.findIndex((d) => d.name === 'switchSupplierAt');
    step.expectDeadlines[switchAt]!.dueAfterMs += DAY;
    const broken = { ...document, paths: document.paths.map((p) => (p.id === path.id ? path : p)) };
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const junit = join(dir, 'broken.xml');

    const r = await replay('--base', base, '--key', KEY, '--paths', file, '--filter', path.id, '--junit', junit);
    expect(r.code).toBe(1);
    const created = Date.parse(document.createdAt);
    const due = (d: { armedAtStep: number; dueAfterMs: number }, shift = 0) =>
      new Date(created + (d.armedAtStep === 0 ? 0 : path.steps[d.armedAtStep - 1]!.sinceCreationMs) + d.dueAfterMs + shift).toISOString();
    const deadline = step.expectDeadlines[switchAt]!;
    expect(r.out).toContain(`FAIL  ${path.id} (`);
    expect(r.out).toContain(`at step ${n + 1}: the order view differs from the expectation after step ${n + 1} of ${path.steps.length}, deadline expediteAt (TIMER.EXPEDITE)`);
    expect(r.out).toContain(`state: expected "delivered", got "${actualState}"`);
    expect(r.out).toContain(`deadlines[${switchAt}].dueAt: expected "${due(deadline)}", got "${due(deadline, -DAY)}"`);
    expect(r.out).toMatch(/: 0 passed, 1 failed: /);

    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/tests="1" failures="1"/);
    expect(xml).toContain(`<failure message="the order view differs from the expectation after step ${n + 1} of ${path.steps.length}, deadline expediteAt (TIMER.EXPEDITE)"`);
    expect(xml).toContain(`state: expected &quot;delivered&quot;, got &quot;${actualState}&quot;`);
  });

  it('replays the JSON Lines form, filtered, and refuses what it cannot use', { timeout: 60_000 }, async () => {
    const file = join(dir, 'paths.jsonl');
    writeFileSync(file, pathsLines(document).map((l) => `${JSON.stringify(l)}\n`).join(''));
    const selected = document.paths.filter((p) => p.id.includes('switch-first'));
    const r = await replay('--base', base, '--key', KEY, '--paths', file, '--filter', 'switch-first');
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(new RegExp(`${selected.length} passed, 0 failed\\n$`));

    expect((await replay('--paths', file)).code).toBe(2);
    expect((await replay('--base', base, '--key', KEY, '--filter', 'no-such-path')).code).toBe(2);
    const unauthorized = await replay('--base', base, '--filter', 'shortest/domestic/1');
    expect(unauthorized.code).toBe(1);
    expect(unauthorized.out).toContain('at the creation: could not start a sandbox run: POST /sandbox/runs answered 401');
  });
});
