import { createAdaptorServer, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

/** Why a server could not listen, in one sentence an operator can act on. */
export function listenFailure(error: NodeJS.ErrnoException, host: string, port: number): string {
  const where = `${host}:${port}`;
  if (error.code === 'EADDRINUSE') return `port ${port} on ${host} is already in use (EADDRINUSE): stop the other process or set PORT to a free port`;
  if (error.code === 'EACCES') return `not allowed to listen on ${where} (EACCES): use a port above 1023 or grant the permission`;
  if (error.code === 'EADDRNOTAVAIL') return `${host} is not an address of this machine (EADDRNOTAVAIL): set HOST to one of its addresses or 0.0.0.0`;
  return `cannot listen on ${where}: ${error.message}`;
}

/** How long a client may take, so slow or half-sent requests cannot hold sockets. */
export interface ServerTimeouts {
  /** The request's headers must have arrived within this (`headersTimeout`); else 408 and the socket is closed. */
  headersTimeoutMs?: number;
  /** The whole request (headers and body) within this (`requestTimeout`). Answers, live streams included, are not limited. */
  requestTimeoutMs?: number;
  /** An idle kept-alive connection is closed after this (`keepAliveTimeout`). */
  keepAliveTimeoutMs?: number;
}

/**
 * Serves `fetch` on `host:port`; resolves once listening, rejects with a clear message when it cannot.
 * Node checks the timeouts every `min(headers, request) / 4` (at least 50 ms, at most its 30 s default).
 */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  { host, port, headersTimeoutMs = 10_000, requestTimeoutMs = 30_000, keepAliveTimeoutMs = 5_000 }: { host: string; port: number } & ServerTimeouts,
): Promise<{ server: ServerType; port: number }> {
  const headersTimeout = Math.min(headersTimeoutMs, requestTimeoutMs);
  const serverOptions = {
    headersTimeout,
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(headersTimeout / 4))),
  };
  const server = createAdaptorServer({ fetch, serverOptions });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new Error(listenFailure(error, host, port), { cause: error })));
    server.listen(port, host, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}
