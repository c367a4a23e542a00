/**
 * The virtual CNS in a process of its own, for tests whose other side blocks the
 * event loop (pkcs11js calls into OpenSC synchronously, so a card answering from
 * the same process would never get to answer).
 *
 * argv: <vpcd port>. Prints one JSON line when inserted ({certificatePem, serial}),
 * then answers stdin lines "state" with the PIN state as JSON; exits on stdin end.
 */
import { createInterface } from 'node:readline';
import { startVirtualCns } from '../../../native/virtual-card';

async function main(): Promise<void> {
  const port = Number(process.argv[2]);
  const card = await startVirtualCns({ port });
  process.stdout.write(JSON.stringify({ certificatePem: card.certificatePem, serial: card.serial }) + '\n');
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() === 'state') process.stdout.write(JSON.stringify(card.state) + '\n');
  });
  lines.on('close', () => {
    void card.stop().then(() => process.exit(0));
  });
}

void main();
