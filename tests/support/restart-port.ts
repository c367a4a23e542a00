/**
 * A port for a test server that goes away and comes back at the same address (the portal down,
 * then up again). A port the kernel gives out with `listen(0)` sits in the ephemeral range, the
 * same range outgoing connections take their local ports from: while the server is down, any
 * connection of this machine can be handed that port, and the restart fails with EADDRINUSE
 * (seen in CI). A port below the range is never handed out that way.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const LOWEST = 10_000;

function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low && low > LOWEST + 1_000) return low;
  } catch {
    // Not Linux: the IANA range starts at 49152.
  }
  return 49_152;
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

export async function portForRestarts(): Promise<number> {
  const high = ephemeralRangeStart();
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (high - LOWEST));
    if (await bindable(port)) return port;
  }
  throw new Error(`nessuna porta libera tra ${LOWEST} e ${high - 1} su 127.0.0.1`);
}
