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

/** Serves `fetch` on `host:port`; resolves once listening, rejects with a clear message when it cannot. */
export function listen(fetch: (request: Request) => Response | Promise<Response>, { host, port }: { host: string; port: number }): Promise<{ server: ServerType; port: number }> {
  const server = createAdaptorServer({ fetch });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new Error(listenFailure(error, host, port), { cause: error })));
    server.listen(port, host, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}
