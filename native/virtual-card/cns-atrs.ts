/**
 * ATRs of real CNS-family cards the emulator can present, and what the reading
 * side infers from them: mask maker (STIncard masks add 0x80 to PIN references)
 * and CNS version (OpenSC expects 2048-bit keys from version 0x11, 1024 below).
 */
import { fromHex } from './apdu';

export const CNS_ATRS = {
  'ts-cns-v1.1-st': '3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 16 17 01 11 01 43 4E 53 11 31 80 8D',
  'crs-lombardia-stincard': '3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 02 00 01 11 01 43 4E 53 10 31 80 8F',
  'crs-lombardia-siemens': '3B FF 18 00 FF C1 0A 31 FE 55 00 6B 05 08 C8 05 01 11 01 43 4E 53 10 31 80 0C',
  athena: '3B DF 18 00 81 31 FE 7D 00 6B 02 0C 01 82 01 11 01 43 4E 53 10 31 80 FC',
  'idemia-cosmo-9.1': '3B FF 18 00 00 81 31 FE 45 00 6B 05 05 91 20 01 F1 01 43 4E 53 10 31 80 38',
  'bit4id-digital-dna': '3B FF 18 00 00 81 31 FE 45 00 6B 15 0C 03 02 01 01 01 43 4E 53 10 31 80 61',
} as const;

export type CnsAtrName = keyof typeof CNS_ATRS;
export const DEFAULT_CNS_ATR: CnsAtrName = 'ts-cns-v1.1-st';

export interface CnsAtrFacts {
  readonly atr: Uint8Array;
  readonly maskMaker: number;
  readonly cnsVersion: number;
  /** RSA size OpenSC's itacns driver assumes for this ATR. */
  readonly keyBits: 1024 | 2048;
}

/** Reads the CNS historical bytes (…00 6B H3 H4 … 'CNS' version 31 80) of an ATR. */
export function cnsAtrFacts(atrInput: string | Uint8Array): CnsAtrFacts {
  const atr = typeof atrInput === 'string' ? fromHex(CNS_ATRS[atrInput as CnsAtrName] ?? atrInput) : atrInput;
  const text = Buffer.from(atr);
  const cns = text.indexOf('CNS', 0, 'latin1');
  const header = text.indexOf(Buffer.from([0x00, 0x6b]));
  if (cns < 0 || header < 0 || cns + 3 >= atr.length || header + 3 >= atr.length) {
    throw new Error(`not a CNS ATR (no 00 6B header or "CNS" marker): ${text.toString('hex')}`);
  }
  const cnsVersion = atr[cns + 3]!;
  return { atr, maskMaker: atr[header + 3]!, cnsVersion, keyBits: cnsVersion >= 0x11 ? 2048 : 1024 };
}
