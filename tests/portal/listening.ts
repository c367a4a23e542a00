/** A server listening on 127.0.0.1, or the reason it cannot (EADDRINUSE) as a rejection the caller sees, not a crash. */
import type { Server } from 'node:net';

export function listening(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => reject(error);
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      resolve();
    });
  });
}
