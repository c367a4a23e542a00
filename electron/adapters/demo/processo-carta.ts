/**
 * The virtual CNS in a process of its own, started by carta-in-processo.ts: OpenSC is called
 * synchronously through pkcs11js, so a card answering from the signing process could never
 * answer. argv: <vpcd port>. Prints one JSON line once inserted ({certificatePem,
 * caCertificatePem}, or {errore}); then answers each stdin line with one JSON line:
 * - "stato": the PIN state;
 * - "apdus": the commands the card received since the last "apdus", as headers (INS, P1, P2,
 *   data length; never the data, which may carry a PIN), so the reading side's requests can be
 *   seen on the card's side;
 * - "blocca-pin": spends every PIN try on the card itself, unseen by "apdus", as a card blocked
 *   before it reached the reader; answers the PIN state.
 * Exits when stdin ends.
 */
import { createInterface } from 'node:readline';
import { createCnsCard, VpcdLink } from '../../../native/virtual-card';
import type { VirtualCard } from '../../../native/virtual-card/card';
import type { ApduHeader } from './carta-in-processo';

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
function bloccaPin(card: VirtualCard, pinTriesLeft: () => number): void {
  for (let i = 0; i < 3 && pinTriesLeft() > 0; i++) {
    // VERIFY on reference 0x10 with "00000" padded: never the card's PIN (12345).
    card.process(Uint8Array.from([0x00, 0x20, 0x00, 0x10, 0x08, 0x30, 0x30, 0x30, 0x30, 0x30, 0xff, 0xff, 0xff]));
  }
}

const rispondi = (valore: unknown) => process.stdout.write(`${JSON.stringify(valore)}\n`);

async function main(): Promise<void> {
  const cns = createCnsCard();
  let ricevuti: ApduHeader[] = [];
  const link = new VpcdLink(observed(cns.card, (header) => ricevuti.push(header)), { port: Number(process.argv[2]), waitUntilPowered: true });
  await link.insert();
  rispondi({ certificatePem: cns.certificatePem, caCertificatePem: cns.caCertificatePem });
  const righe = createInterface({ input: process.stdin });
  righe.on('line', (riga) => {
    const comando = riga.trim();
    if (comando === 'stato') rispondi(cns.pinState());
    if (comando === 'apdus') {
      rispondi(ricevuti);
      ricevuti = [];
    }
    if (comando === 'blocca-pin') {
      bloccaPin(cns.card, () => cns.pinState().pinTriesLeft);
      rispondi(cns.pinState());
    }
  });
  righe.on('close', () => void link.remove().then(() => process.exit(0)));
}

main().catch((e: unknown) => {
  rispondi({ errore: e instanceof Error ? e.message : String(e) });
  process.exit(1);
});
