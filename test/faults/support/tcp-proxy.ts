import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

/** A TCP proxy in front of a server (PostgreSQL here) that can misbehave on demand. */
export interface TcpProxy {
  /** The port the proxy listens on (127.0.0.1). */
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  via(url: string): string;
  /**
   * Drops every byte from now on, both ways, without closing anything: what a dead host or a
   * firewall dropping packets looks like. New connections are accepted and then hear nothing.
   */
  blackhole(): void;
  /** Cuts every connection and resets every new one at once: a database that is down but whose host answers. */
  refuse(): void;
  /** Forwards again (bytes dropped meanwhile stay lost, so black-holed connections stay broken). */
  restore(): void;
  /** Resets every open connection, as a failover or a network cut does; new ones still work. */
  cut(): void;
  /** Connections open through the proxy now. */
  readonly open: number;
  close(): Promise<void>;
}

/** Starts a proxy on a free port forwarding to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let holed = false;
  let refusing = false;
  const pairs = new Set<[Socket, Socket]>();

  const server = createServer((client) => {
    if (refusing) {
      client.on('error', () => {});
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (chunk) => {
        if (!holed && !to.destroyed) to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    // A black hole closes nothing: an end from either side is swallowed too.
    client.on('close', () => !holed && end());
    upstream.on('close', () => !holed && end());
    client.on('error', () => {});
    upstream.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  function cut() {
    for (const [client, upstream] of pairs) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    pairs.clear();
  }
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    via(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    blackhole() {
      holed = true;
    },
    refuse() {
      refusing = true;
      cut();
    },
    restore() {
      holed = false;
      refusing = false;
      // Connections whose one end closed while black-holed are finished now.
      for (const pair of [...pairs]) {
        if (pair[0].destroyed || pair[1].destroyed) {
          pairs.delete(pair);
          pair[0].destroy();
          pair[1].destroy();
        }
      }
    },
    cut,
    get open() {
      return pairs.size;
    },
    async close() {
      holed = false;
      refusing = true;
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
