import { pino, stdTimeFunctions, type DestinationStream } from 'pino';
import pretty from 'pino-pretty';

/**
 * Structured log lines with levels. The call shape is `logger.info(msg, fields)`: every caller
 * names what happened in `msg` and puts the facts in `fields` (the JSON keys of the line).
 */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface LoggerOptions {
  /** Lines below this level are dropped (`LOG_LEVEL`); default `info`. */
  level?: LogLevel;
  /** Human-readable colored lines instead of JSON; default: when stderr is a terminal. */
  pretty?: boolean;
  /** Where lines go; default stderr (asynchronous, flushed when the process exits). */
  destination?: DestinationStream;
}

/**
 * Keys whose values never reach a log line, at the top level or one level down (`fields.secret`,
 * `fields.subscription.secret`): API keys and tokens, webhook secrets, passwords, auth headers.
 */
export const redactedKeys = ['secret', 'password', 'token', 'apiKey', 'apiToken', 'authorization', 'cookie'];
const redacted = new Set(redactedKeys);
const CENSOR = '[redacted]';

/** `scheme://user:password@host` → `scheme://user:***@host`, wherever a URL sits in a string field. */
const urlPassword = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]+@/gi;
export function redactUrlPasswords(text: string): string {
  return text.includes('://') ? text.replace(urlPassword, '$1***@') : text;
}

/** `fields` with a redacted key's value censored, one level down too; the caller's object is never changed. */
function censored(fields: Record<string, unknown>, depth: number): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key in fields) {
    const value = fields[key];
    let clean = value;
    if (redacted.has(key)) clean = CENSOR;
    else if (depth === 0 && value !== null && typeof value === 'object' && !Array.isArray(value)) clean = censored(value as Record<string, unknown>, 1);
    else if (typeof value === 'string' && value.includes('://')) clean = redactUrlPasswords(value);
    if (clean !== value) (copy ??= { ...fields })[key] = clean;
  }
  return copy ?? fields;
}

/**
 * Secrets out of a line's fields: redacted keys at the top level and one level down, passwords in
 * URLs of top-level strings. Done here rather than with pino's `redact` paths, which parsed each
 * path again on every line (about half of an access line's cost).
 */
const scrub = (fields: Record<string, unknown>) => censored(fields, 0);

/**
 * The service's logger: pino, JSON lines on stderr (pretty in a terminal), secrets redacted.
 * `flush()` resolves once every line so far is written: call it before `process.exit`.
 */
export function createLogger({ level = 'info', pretty: prettyLines = process.stderr.isTTY === true, destination }: LoggerOptions = {}): Logger & { flush(): Promise<void> } {
  const stream = destination ?? (prettyLines ? pretty({ destination: 2, colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', singleLine: true, errorLikeObjectKeys: ['err'] }) : pino.destination({ dest: 2, sync: false }));
  const base = pino(
    {
      level,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: scrub },
    },
    stream,
  );
  return {
    debug: (msg, fields) => base.debug(fields ?? {}, msg),
    info: (msg, fields) => base.info(fields ?? {}, msg),
    warn: (msg, fields) => base.warn(fields ?? {}, msg),
    error: (msg, fields) => base.error(fields ?? {}, msg),
    flush: () => new Promise<void>((resolve) => base.flush(() => resolve())),
  };
}

export interface MemoryLine { level: string; msg: string; [k: string]: unknown }

/** A logger that keeps its lines (every level), for tests. */
export function createMemoryLogger(): Logger & { lines: MemoryLine[] } {
  const lines: MemoryLine[] = [];
  const push = (level: string) => (msg: string, fields: Record<string, unknown> = {}) => void lines.push({ level, msg, ...fields });
  return { lines, debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') };
}
