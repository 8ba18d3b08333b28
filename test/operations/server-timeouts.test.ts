import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { listen } from '../../src/server/listen.ts';
import { testApp } from '../support/test-app.ts';

/** A raw connection that records what the server wrote and when it closed. */
async function rawClient(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
  socket.on('error', () => {});
  return { socket, closed, received: () => received };
}

async function served(timeouts: Parameters<typeof listen>[1]) {
  const t = await testApp();
  const { server: served, port } = await listen(t.app.fetch, timeouts);
  const server = served as Server; // HTTP/1.1: listen serves no HTTP/2
  return { port, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

describe('server timeouts: slow or half-sent requests do not hold sockets', () => {
  it('closes a connection whose headers stop half-way, with 408, once the headers timeout passes', async () => {
    const s = await served({ host: '127.0.0.1', port: 0, headersTimeoutMs: 400, requestTimeoutMs: 2000, keepAliveTimeoutMs: 1000 });
    try {
      const c = await rawClient(s.port);
      const started = Date.now();
      c.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      const at = await c.closed;
      expect(at - started).toBeGreaterThanOrEqual(350);
      expect(at - started).toBeLessThan(3000);
      expect(c.received()).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await s.close();
    }
  });

  it('closes a connection whose body never finishes once the request timeout passes', async () => {
    const s = await served({ host: '127.0.0.1', port: 0, headersTimeoutMs: 300, requestTimeoutMs: 800, keepAliveTimeoutMs: 1000 });
    try {
      const c = await rawClient(s.port);
      const started = Date.now();
      c.socket.write('POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"id":');
      const at = await c.closed;
      expect(at - started).toBeGreaterThanOrEqual(700);
      expect(at - started).toBeLessThan(4000);
    } finally {
      await s.close();
    }
  });

  it('closes an idle kept-alive connection after the keep-alive timeout, and serves a prompt request', async () => {
    const s = await served({ host: '127.0.0.1', port: 0, headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 300 });
    try {
      const c = await rawClient(s.port);
      c.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await expect.poll(() => c.received()).toMatch(/^HTTP\/1\.1 200/);
      const answered = Date.now();
      const at = await c.closed;
      expect(at - answered).toBeLessThan(2500);
    } finally {
      await s.close();
    }
  });

  it('has defaults that bound a request: 10 s for headers, 30 s in all, 5 s idle', async () => {
    const t = await testApp();
    const server = (await listen(t.app.fetch, { host: '127.0.0.1', port: 0 })).server as Server;
    try {
      expect({ headers: server.headersTimeout, request: server.requestTimeout, keepAlive: server.keepAliveTimeout }).toEqual({ headers: 10_000, request: 30_000, keepAlive: 5_000 });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
