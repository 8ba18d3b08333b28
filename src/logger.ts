/** Structured log lines (one JSON object each), to stderr by default. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger({ write = (line: string) => process.stderr.write(`${line}\n`), quiet = false } = {}): Logger {
  const log = (level: string) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (quiet && level === 'info') return;
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that keeps its lines, for tests. */
export function createMemoryLogger(): Logger & { lines: { level: string; msg: string; [k: string]: unknown }[] } {
  const lines: { level: string; msg: string }[] = [];
  const push = (level: string) => (msg: string, fields: Record<string, unknown> = {}) => void lines.push({ level, msg, ...fields });
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}
