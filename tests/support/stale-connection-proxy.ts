/**
 * A TCP proxy in front of a server that resets every kept-alive connection at its second
 * request: what a client meets when it reuses a socket the server is closing for idleness
 * (Node's `keepAliveTimeout`, nginx's `keepalive_timeout`) at the moment it writes. A request
 * on a connection of its own always gets through.
 */
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface StaleConnectionProxy {
  url: string;
  /** Requests refused by a reset, because they came on a connection already used. */
  resets: number;
  close(): Promise<void>;
}

export async function startStaleConnectionProxy(target: string): Promise<StaleConnectionProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const proxy: StaleConnectionProxy = { url: '', resets: 0, close: async () => {} };
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    let answered = false;
    upstream.on('data', (chunk) => {
      answered = true;
      client.write(chunk);
    });
    client.on('data', (chunk) => {
      if (!answered) return void upstream.write(chunk);
      // A new request on a socket that has already had its answer: the server has gone from it.
      proxy.resets++;
      upstream.destroy();
      client.resetAndDestroy();
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}
