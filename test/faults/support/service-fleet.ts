import { startServer, type ServerProcess } from '../../support/server-process.ts';

/**
 * Service processes (`npm start`'s entry) on one database, that a fault test kills and restarts.
 * Clients ask for a live instance; while one restarts, the others serve.
 */
export interface Fleet {
  /** The URL of a live instance, turning round-robin; waits while none is up (30 s at most). */
  next(): Promise<string>;
  /** `kill -9` of instance `i`, then a new process in its place; resolves when it listens. */
  crash(i: number): Promise<void>;
  readonly size: number;
  /** The log lines of every process so far, dead ones included (a line cut by a kill is left out). */
  lines(): { msg: string; [field: string]: unknown }[];
  /** Exits nobody asked for (a crash of the service itself), with each exit code and the end of its log. */
  readonly unexpectedExits: { code: number | null; log: string }[];
  /** SIGTERM to every live instance; resolves with their exit codes. */
  stop(): Promise<(number | null)[]>;
  /** SIGKILL to whatever still runs (cleanup after a failed test). */
  kill(): void;
}

function parsed(line: string): { msg: string }[] {
  try {
    return line ? [JSON.parse(line) as { msg: string }] : [];
  } catch {
    return [];
  }
}

export async function startFleet(size: number, env: Record<string, string>): Promise<Fleet> {
  const processes: ServerProcess[] = [];
  const urls: (string | undefined)[] = [];
  const retired: ServerProcess[] = [];
  const unexpectedExits: { code: number | null; log: string }[] = [];
  const expected = new Set<ServerProcess>();
  let turn = 0;
  let restarting = 0;

  async function launch(i: number) {
    const server = startServer({ PORT: '0', ...env });
    processes[i] = server;
    void server.exited.then((code) => {
      if (expected.has(server)) return;
      urls[i] = undefined;
      unexpectedExits.push({ code, log: server.log().slice(-2000) });
    });
    urls[i] = await server.url;
  }
  await Promise.all(Array.from({ length: size }, (_, i) => launch(i)));

  return {
    size,
    async next() {
      for (const giveUpAt = Date.now() + 30_000; Date.now() < giveUpAt; ) {
        for (let n = 0; n < size; n++) {
          const url = urls[turn++ % size];
          if (url) return url;
        }
        if (unexpectedExits.length > 0 && urls.every((u) => u === undefined) && restarting === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`no instance is up; unexpected exits: ${JSON.stringify(unexpectedExits)}`);
    },
    async crash(i) {
      const victim = processes[i]!;
      expected.add(victim);
      urls[i] = undefined;
      victim.child.kill('SIGKILL');
      await victim.exited;
      retired.push(victim);
      restarting += 1;
      await launch(i).finally(() => (restarting -= 1));
    },
    lines: () => [...retired, ...processes].flatMap((p) => p.log().split('\n').flatMap(parsed)),
    unexpectedExits,
    async stop() {
      for (const p of processes) expected.add(p);
      urls.fill(undefined);
      return Promise.all(processes.map((p) => p.stop()));
    },
    kill() {
      for (const p of processes) expected.add(p);
      for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    },
  };
}
