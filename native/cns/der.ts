/**
 * DER length of the outer TLV at the start of a buffer. The certificate file is
 * longer than the certificate, so this tells how many bytes to read and keep.
 */
import { CardError } from '../apdu/errors';

/** Longest length-of-length we accept: 4 bytes is already far beyond any card file. */
const MAX_LENGTH_BYTES = 4;

function notDer(): CardError {
  return new CardError('certificato-non-valido', 'Il certificato sulla carta non è leggibile (codifica DER non valida).');
}

/**
 * Total size (header + content) of the DER element starting at 0, or undefined
 * when `prefix` is too short to tell. Throws on what cannot be DER.
 */
export function derTotalLength(prefix: Uint8Array): number | undefined {
  if (prefix.length < 2) return undefined;
  const tag = prefix[0]!;
  if ((tag & 0x1f) === 0x1f) throw notDer();
  const first = prefix[1]!;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > MAX_LENGTH_BYTES) throw notDer();
  if (prefix.length < 2 + count) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + prefix[2 + i]!;
  if (length < 0x80 || (count > 1 && prefix[2] === 0)) throw notDer();
  return 2 + count + length;
}

/** The DER element at the start of `bytes`, cut at its declared length; throws when truncated. */
export function cutDer(bytes: Uint8Array): Uint8Array {
  const total = derTotalLength(bytes);
  if (total === undefined || total > bytes.length) throw notDer();
  return bytes.slice(0, total);
}
