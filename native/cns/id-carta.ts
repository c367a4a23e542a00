/** EF_IDCarta: the card serial, exactly 16 ASCII digits (trailing zero/FF padding tolerated). */
import { CardError } from '../apdu/errors';

export function parseIdCarta(bytes: Uint8Array): string {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x00 || bytes[end - 1] === 0xff)) end--;
  const text = String.fromCharCode(...bytes.subarray(0, Math.min(end, 64)));
  if (end !== 16 || !/^\d{16}$/.test(text)) {
    throw new CardError('carta-dati-non-validi', 'Il numero di serie della carta (EF_IDCarta) non è valido.');
  }
  return text;
}

/** Stops reading once 16 bytes are in: the rest of the file is padding. */
export const ID_CARTA_LENGTH = 16;
