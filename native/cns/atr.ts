/**
 * ISO 7816-3 Answer To Reset structure: TS, T0, the interface bytes announced by
 * each Y nibble, K historical bytes, and TCK when a protocol other than T=0 is
 * offered. Every length is checked against the bytes actually present, so a
 * truncated or absurd ATR is refused instead of read past its end.
 */
import { CardError } from '../apdu/errors';

export interface ParsedAtr {
  readonly ts: number;
  readonly protocols: readonly number[];
  readonly historical: Uint8Array;
  /** Check byte, present when a protocol other than T=0 is indicated. */
  readonly tck: number | undefined;
}

/** ISO 7816-3 allows at most 33 bytes. */
const MAX_ATR_LENGTH = 33;

function malformed(detail: string): CardError {
  return new CardError('carta-non-riconosciuta', `Risposta della carta all'accensione (ATR) non valida: ${detail}.`);
}

export function parseAtr(atr: Uint8Array): ParsedAtr {
  if (atr.length < 2) throw malformed('troppo corta');
  if (atr.length > MAX_ATR_LENGTH) throw malformed('troppo lunga');
  const ts = atr[0]!;
  if (ts !== 0x3b && ts !== 0x3f) throw malformed('primo byte sconosciuto');
  const t0 = atr[1]!;
  const k = t0 & 0x0f;
  let y = t0 >> 4;
  let index = 2;
  const protocols: number[] = [];
  while (true) {
    for (const bit of [0x1, 0x2, 0x4]) if (y & bit) index++;
    if (!(y & 0x8)) break;
    if (index >= atr.length) throw malformed('byte di interfaccia mancanti');
    const td = atr[index]!;
    index++;
    protocols.push(td & 0x0f);
    y = td >> 4;
  }
  if (index + k > atr.length) throw malformed('byte storici mancanti');
  const historical = atr.slice(index, index + k);
  index += k;
  const needsTck = protocols.some((p) => p !== 0);
  let tck: number | undefined;
  if (needsTck) {
    if (index >= atr.length) throw malformed('byte di controllo mancante');
    tck = atr[index]!;
    let xor = 0;
    for (let i = 1; i <= index; i++) xor ^= atr[i]!;
    if (xor !== 0) throw malformed('byte di controllo errato');
    index++;
  }
  if (index !== atr.length) throw malformed('byte in eccesso');
  return { ts, protocols: protocols.length > 0 ? protocols : [0], historical, tck };
}
