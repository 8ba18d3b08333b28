import { spawn } from 'node:child_process';

export interface LogLine { msg: string; level?: string; orderId?: string; event?: string; [k: string]: unknown }

/**
 * Starts the service in a child process: by default as `node --import tsx src/main.ts` (what
 * `npm start` runs); with `npm: true`, as `npm start` itself, so that `child.pid` is npm's PID, the
 * one an operator or a supervisor signals; with `cli`, as `npx aftersales <cli…>` (e.g. `['sandbox']`); with `entry`, as `node <entry>` (a built
 * `main.js`: no tsx). `url` resolves once it listens (it logs its URL);
 * `exited` resolves with its exit code; `lines()` are its JSON log lines, `log()` all of stderr.
 */
export function startServer(env: Record<string, string>, { npm = false, cli, entry }: { npm?: boolean; cli?: string[]; entry?: string } = {}) {
  const [command, args] = npm
    ? ['npm', ['start', '--silent']]
    : cli
      ? [process.execPath, ['bin/aftersales.js', ...cli]]
      : [process.execPath, entry ? [entry] : ['--import', 'tsx', 'src/main.ts']];
  const child = spawn(command as string, args as string[], { env: { ...process.env, LOG_FORMAT: 'json', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  let listening = false;
  const url = new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      // Once found, the growing log is not searched again (a busy service logs a line per request).
      const m = listening ? null : /"url":"(http:[^"]+)"/.exec(log);
      if (m) {
        listening = true;
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${log}`)));
  });
  url.catch(() => {}); // a test that expects the failure awaits it; others must not see an unhandled rejection
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = () =>
    log
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine);
  /** Resolves with the first log line that `match`es, waiting for it (lines arrive asynchronously). */
  const line = async (match: (l: LogLine) => boolean, timeoutMs = 10_000) => {
    for (const end = Date.now() + timeoutMs; ; ) {
      const found = lines().find(match);
      if (found || Date.now() > end) return found;
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  /** Sends SIGTERM and resolves with the exit code. */
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    return exited;
  };
  return { child, url, exited, lines, line, log: () => log, stop };
}

export type ServerProcess = ReturnType<typeof startServer>;
