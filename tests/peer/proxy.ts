/**
 * A TCP proxy in front of the test peer that can be switched off and on: "offline" for one
 * workspace while the other stays online, as when an advisor's laptop is on a plane. Off, it closes
 * every open connection and refuses new ones (the client sees ECONNREFUSED / reset, as offline).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface Proxy {
  url: string;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startProxy(target: string): Promise<Proxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let listenPort = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(Number(port), hostname);
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream).pipe(client);
      });
      s.once('error', reject);
      s.listen(listenPort, '127.0.0.1', () => {
        const address = s.address();
        listenPort = typeof address === 'object' && address ? address.port : 0;
        server = s;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });

  await listen();
  return {
    url: `http://127.0.0.1:${listenPort}`,
    down: stop,
    up: listen,
    close: stop,
  };
}
