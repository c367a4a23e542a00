/**
 * The virtual CNS in a process of its own, for tests whose other side blocks the
 * event loop (pkcs11js calls into OpenSC synchronously, so a card answering from
 * the same process would never get to answer).
 *
 * argv: <vpcd port>. Prints one JSON line when inserted ({certificatePem, serial}),
 * then answers each stdin line with one JSON line:
 * - "state": the PIN state;
 * - "apdus": the commands the card received since the last "apdus", as headers
 *   (INS, P1, P2, data length; never the data, which may carry a PIN), so a test sees
 *   on the card's side what the reading side sent;
 * - "block-pin": spends every PIN try here, on the card itself and unseen by "apdus",
 *   as a card blocked before it reached the reader; answers the PIN state.
 * Exits on stdin end.
 */
import { createInterface } from 'node:readline';
import { createCnsCard, VpcdLink } from '../../../native/virtual-card';
import type { VirtualCard } from '../../../native/virtual-card/card';

export interface ApduHeader {
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  /** Bytes of command data (Lc): 0 for a VERIFY that only asks the tries left. */
  readonly dataLength: number;
}

function headerOf(command: Uint8Array): ApduHeader {
  const [, ins = 0, p1 = 0, p2 = 0, lc = 0] = command;
  let dataLength = 0;
  if (command.length > 5 && lc !== 0) dataLength = lc;
  else if (command.length > 7 && lc === 0) dataLength = (command[5]! << 8) | command[6]!; // extended Lc
  return { ins, p1, p2, dataLength };
}

/** The card as the reader reaches it, noting every command header on the way in. */
function observed(card: VirtualCard, note: (header: ApduHeader) => void): VirtualCard {
  return {
    get atr() {
      return card.atr;
    },
    powerOn: () => card.powerOn(),
    powerOff: () => card.powerOff(),
    reset: () => card.reset(),
    process(command) {
      note(headerOf(command));
      return card.process(command);
    },
  };
}

/** Wrong PINs straight into the card until it blocks (3 tries on a CNS). */
function blockPin(card: VirtualCard, pinTriesLeft: () => number): void {
  for (let i = 0; i < 3 && pinTriesLeft() > 0; i++) {
    // VERIFY on reference 0x10 with "00000" padded: never the card's PIN (12345).
    card.process(Uint8Array.from([0x00, 0x20, 0x00, 0x10, 0x08, 0x30, 0x30, 0x30, 0x30, 0x30, 0xff, 0xff, 0xff]));
  }
}

async function main(): Promise<void> {
  const port = Number(process.argv[2]);
  const cns = createCnsCard();
  let seen: ApduHeader[] = [];
  const link = new VpcdLink(
    observed(cns.card, (header) => seen.push(header)),
    { port, waitUntilPowered: true },
  );
  await link.insert();
  process.stdout.write(JSON.stringify({ certificatePem: cns.certificatePem, serial: cns.serial }) + '\n');
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const command = line.trim();
    if (command === 'state') process.stdout.write(JSON.stringify(cns.pinState()) + '\n');
    if (command === 'apdus') {
      process.stdout.write(JSON.stringify(seen) + '\n');
      seen = [];
    }
    if (command === 'block-pin') {
      blockPin(cns.card, () => cns.pinState().pinTriesLeft);
      process.stdout.write(JSON.stringify(cns.pinState()) + '\n');
    }
  });
  lines.on('close', () => {
    void link.remove().then(() => process.exit(0));
  });
}

void main();
