import { z } from 'zod';
import { logLevels } from './logger.ts';

const days = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional();

/** Configuration from the environment; only the entry point reads it. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_FILE: z.string().min(1).default('data/aftersales.db'),
  /** `postgres://user:password@host:5432/db`: PostgreSQL instead of the SQLite file, for several instances. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
    .optional(),
  /** PostgreSQL: opening a connection, or waiting for a free one, fails (503) after this long. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** PostgreSQL: one statement is cancelled (503) after this long (`statement_timeout`; schema migrations are exempt). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** PostgreSQL: one transaction (a commit) is abandoned (503) after this long. */
  DATABASE_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** SQLite: a write waits this long for another connection's lock on the file (`busy_timeout`), then fails (503). */
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  /** SIGTERM/SIGINT: the service stops within this long (the commit in progress finishes; due timers left wait for the next start), else exits 1. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** `start`: orders of older machine versions are migrated when the service starts; `manual`: they stay pinned until `npx aftersales migrate`. */
  MACHINE_MIGRATION: z.enum(['start', 'manual']).default('start'),
  /** `1`: start although the database holds orders of a machine version newer than this release (they answer 503). */
  ALLOW_NEWER_MACHINE_VERSIONS: z.enum(['0', '1']).default('0'),
  /** A calendar file of your own (format: docs/lifecycle.md); default: the bundled mainland China calendar. */
  CALENDAR_FILE: z.string().min(1).optional(),
  /** IANA zone the working days are counted in; default: the calendar's own (Asia/Shanghai). */
  CALENDAR_ZONE: z.string().min(1).optional(),
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(1000),
  /** Hours an Idempotency-Key is honoured after its first use; then a request with it is new, and its record is purged (default 24, as Stripe). */
  IDEMPOTENCY_RETENTION_HOURS: z.coerce
    .number({ error: 'expected a whole number of hours, such as 24' })
    .int('expected a whole number of hours, such as 24')
    .min(1, 'at least 1 hour: clients retry a failed request within it')
    .max(8760, 'at most 8760 hours (a year): the records of every keyed request are kept that long')
    .default(24),
  EXPEDITE_AFTER_DAYS: days(1, 60),
  SWITCH_SUPPLIER_AFTER_DAYS: days(1, 60),
  EVIDENCE_DAYS: days(1, 90),
  PROTECTION_WINDOW_DAYS: days(1, 365),
  CUSTOMS_REMINDER_DAYS: days(1, 60),
  RESOLUTION_WORKING_DAYS: days(1, 120),
  /** R13: days a customs hold lasts before it escalates to the seller, once (default 15). */
  CUSTOMS_ESCALATE_AFTER_DAYS: days(1, 120),
  /** R15: days after a supplier switch before an owed supplier refund still open reminds the seller, once (default 7). */
  SUPPLIER_REFUND_REMIND_DAYS: days(1, 120),
  /** Lines below this level are dropped; `debug` adds each applied and refused event and each probe. */
  LOG_LEVEL: z.enum(logLevels).optional(),
  /** `pretty` (colored, one line each) or `json`; default: pretty when stderr is a terminal. */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  /** Older switch, kept working: `1` is `LOG_LEVEL=warn`. */
  LOG_QUIET: z.enum(['0', '1']).default('0'),
  /** `off` serves no `/metrics` and observes nothing (the benchmark's baseline). */
  METRICS: z.enum(['on', 'off']).default('on'),
  /** OpenTelemetry: traces go to this OTLP/HTTP collector (`/v1/traces` is appended); unset: tracing off. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** Comma-separated API tokens: admin keys of the default tenant (`Authorization: Bearer <token>`), besides the keys of `aftersales keys`. */
  API_TOKENS: z
    .string()
    .transform((v) => v.split(',').map((t) => t.trim()).filter(Boolean))
    .pipe(z.array(z.string().min(16, 'each API token needs at least 16 characters')))
    .optional(),
  /**
   * `1`: serve requests without an API key while there is none at all (open mode) even when HOST is not
   * loopback. Default: open mode only on loopback; elsewhere the service refuses to start without a key.
   */
  ALLOW_OPEN_ACCESS: z.enum(['0', '1']).default('0'),
  /** Requests per second each API key (or, without one, each client address) may send on average; `0`: no limit. */
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).max(1_000_000).default(100),
  /** Requests a key may send at once above the average; default twice RATE_LIMIT_PER_SECOND. */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(10_000_000).optional(),
  /** Live streams (`/orders/{id}/stream`) one key may hold open at once. */
  STREAMS_PER_KEY: z.coerce.number().int().min(1).max(100_000).default(20),
  /** A request's headers must arrive within this; a slower client gets 408 and its socket is closed. */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** A whole request (headers and body) must arrive within this (answers and live streams are not limited). */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** An idle kept-alive connection is closed after this. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /**
   * Comma-separated names the service answers to (`Host` header; `*.example.com` for subdomains); another
   * name is 421. Default: when HOST is loopback, localhost, *.localhost, 127.0.0.1 and [::1]; otherwise any.
   */
  ALLOWED_HOST_NAMES: z
    .string()
    .transform((v) => v.split(',').map((h) => h.trim()).filter(Boolean))
    // Set but empty would answer every request 421: a mistake, not a setting.
    .pipe(z.array(z.string()).min(1, 'at least one host name (leave it unset for the default)'))
    .optional(),
  /** Comma-separated origins whose browser pages may call the API (CORS), e.g. https://desk.shop.example; `*` for any. */
  CORS_ORIGINS: z
    .string()
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.union([z.literal('*'), z.url({ protocol: /^https?$/ }).regex(/^[^/]+\/\/[^/]+$/, 'an origin: scheme://host[:port], no path')])))
    .optional(),
  /** SMTP server for e-mails, e.g. smtp://user:pass@mail.example:587 or smtps://…:465; unset: e-mails stay in the outbox. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().min(3).default('aftersales <aftersales@localhost>'),
  /** Attempts per delivery (e-mail or webhook) before it becomes a dead letter. */
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  /** Delay before the second attempt; doubles after each failure (with jitter), up to 2 hours. */
  DELIVERY_BACKOFF_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  DELIVERY_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(1000),
  /** `1`: webhooks may go to plain `http://` URLs. Default: `https` only. */
  WEBHOOK_ALLOW_HTTP: z.enum(['0', '1']).default('0'),
  /**
   * Comma-separated hosts (names or addresses, as written in the URL) that webhooks may reach although
   * they are, or resolve to, loopback, private, link-local or other non-public addresses.
   */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .transform((v) => v.split(',').map((h) => h.trim()).filter(Boolean))
    .optional(),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Stream XState inspection events (@statelyai/inspect WebSocket protocol) to this receiver, e.g. ws://127.0.0.1:4242. */
  INSPECT_WS_URL: z.url({ protocol: /^wss?$/ }).optional(),
});
export type Config = z.infer<typeof configSchema>;

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${issues}`);
  }
  return parsed.data;
}
