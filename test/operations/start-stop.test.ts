import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../support/server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'aftersales-start-stop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Waits until `check` holds, for at most `ms` (the machine may be busy: generous, never fixed sleeps). */
async function eventually(check: () => boolean, ms = 10_000) {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('npm start and a signal to its PID', () => {
  // If a test fails, the service it started must not outlive it.
  const started: number[] = [];
  afterEach(() => {
    for (const pid of started.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to the PID npm start started stops the service: it logs its stop, frees the port, leaves no process behind and exits 0`, async () => {
      const server = startServer({ PORT: '0', DATABASE_FILE: join(dir, `${signal}.db`) }, { npm: true });
      const url = await server.url;
      const servingPid = server.lines().find((l) => l.msg === 'aftersales listening')!.pid as number;
      started.push(servingPid);
      expect(servingPid).not.toBe(server.child.pid); // npm is one process, the service another
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

      server.child.kill(signal); // exactly the PID `npm start` has, as a supervisor would signal it
      expect(await server.exited).toBe(0);
      expect(server.lines().map((l) => l.msg)).toEqual(expect.arrayContaining(['stopping', 'stopped']));
      expect(server.lines().find((l) => l.msg === 'stopping')).toMatchObject({ reason: signal });
      expect(await eventually(() => !alive(servingPid))).toBe(true);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    });
  }
});

describe('a start that cannot succeed', () => {
  let taken: Server | undefined;
  afterAll(() => taken?.close());

  it('a taken port prints one clear line and exits non-zero, starting nothing', async () => {
    taken = createServer();
    const port = await new Promise<number>((resolve) => taken!.listen(0, '127.0.0.1', () => resolve((taken!.address() as { port: number }).port)));
    const server = startServer({ PORT: String(port), DATABASE_FILE: join(dir, 'taken.db') });
    expect(await server.exited).toBe(1);
    const failure = server.log().split('\n').filter((l) => l.includes('failed to start'));
    expect(failure).toEqual([`aftersales failed to start: port ${port} on 127.0.0.1 is already in use (EADDRINUSE): stop the other process or set PORT to a free port`]);
    expect(server.log()).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(server.lines().some((l) => l.msg === 'aftersales listening')).toBe(false);
  });

  it('an invalid setting prints one line naming it and exits non-zero', async () => {
    const server = startServer({ PORT: '0', LOG_LEVEL: 'chatty', DATABASE_FILE: join(dir, 'bad.db') });
    expect(await server.exited).toBe(1);
    const lines = server.log().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^aftersales failed to start: invalid configuration: LOG_LEVEL: /);
  });

  it('a PostgreSQL URL with a password never shows the password when the start fails', async () => {
    const server = startServer({ PORT: '0', DATABASE_URL: 'postgres://app:s3cret-pw@127.0.0.1:1/none', DATABASE_FILE: join(dir, 'pg.db') });
    expect(await server.exited).toBe(1);
    expect(server.log()).toMatch(/^aftersales failed to start: .*PostgreSQL/);
    expect(server.log()).not.toContain('s3cret-pw');
  });
});
