import { spawn } from 'node:child_process';

/**
 * Starts the service as `npm start` does (`tsx src/main.ts`) in a child process. `url` resolves
 * once it listens (it logs its URL); `exited` resolves with its exit code; `lines()` are its log.
 */
export function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /"url":"(http:[^"]+)"/.exec(log);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${log}`)));
  });
  url.catch(() => {}); // a test that expects the failure awaits it; others must not see an unhandled rejection
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = () => log.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { msg: string; orderId?: string; event?: string; [k: string]: unknown });
  /** Sends SIGTERM and resolves with the exit code. */
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    return exited;
  };
  return { child, url, exited, lines, log: () => log, stop };
}

export type ServerProcess = ReturnType<typeof startServer>;
