/**
 * What kind of card an ATR announces.
 *
 * A CNS-family card (CNS, CRS, TS-CNS) has exactly 15 historical bytes with "CNS" in
 * H10..H12; H3 is the chip maker, H4 the mask maker, H5..H6 the firmware, H13 the
 * CNS version. A CIE is recognised and refused with a message a person understands;
 * anything else is refused as unknown.
 */
import { CardError } from '../apdu/errors';
import { toHex } from '../apdu/command';
import { parseAtr } from './atr';

export type MaskMaker = 'IDEMIA' | 'Siemens' | 'STIncard' | 'Athena' | 'sconosciuto';

/** Which file layout and references the card uses (see file-map.ts). */
export type CnsLayout = 'classic' | 'idemia-2021';

export interface CnsProfile {
  readonly kind: 'cns';
  readonly atrHex: string;
  readonly chipMaker: number;
  readonly maskMakerCode: number;
  readonly maskMaker: MaskMaker;
  /** H5..H6 as a 16-bit number (major in the high byte). */
  readonly firmware: number;
  /** 0x10 or 0x11 (keys of 1024 / 2048 bits). */
  readonly cnsVersion: number;
  readonly layout: CnsLayout;
  /** STIncard masks add 0x80 to PIN and PUK references. */
  readonly pinReferenceOffset: number;
}

const MASK_MAKERS: Record<number, MaskMaker> = { 0x05: 'IDEMIA', 0x08: 'Siemens', 0x09: 'STIncard', 0x0c: 'Athena' };

export const CIE_MESSAGE =
  "Questa è una Carta d'Identità Elettronica (CIE), non una Carta Nazionale dei Servizi: inserisci la tessera sanitaria (TS-CNS) o la CNS.";

const CIE_V1_ATR = '3BF41800FF8131805500318000C7';
/** CIE 3.0 ATRs carry this fragment of historical bytes ("eITNXP" on NXP chips). */
const CIE_FRAGMENTS = ['8031806549544E5850'];

function isCie(hex: string): boolean {
  return hex === CIE_V1_ATR || CIE_FRAGMENTS.some((f) => hex.includes(f));
}

/**
 * IDEMIA's 2021 lot keeps its keys under 3F00/1400 (OpenSC issue 2763); it is told
 * apart by a firmware major of 0x20 or more. Cosmo 9.1 cards number their firmware
 * 0x91xx and keep the classic layout, hence the upper bound (inferred from the ATR
 * table, not from a vendor document).
 */
function layoutOf(mask: number, firmware: number): CnsLayout {
  const major = firmware >> 8;
  return mask === 0x05 && major >= 0x20 && major < 0x90 ? 'idemia-2021' : 'classic';
}

export function identifyCard(atr: Uint8Array): CnsProfile {
  const hex = toHex(atr);
  if (isCie(hex)) throw new CardError('carta-cie', CIE_MESSAGE);
  const parsed = parseAtr(atr);
  const h = parsed.historical;
  if (isCie(toHex(h))) throw new CardError('carta-cie', CIE_MESSAGE);
  const isCns = h.length === 15 && h[9] === 0x43 && h[10] === 0x4e && h[11] === 0x53;
  if (!isCns) {
    throw new CardError(
      'carta-non-riconosciuta',
      'Carta non riconosciuta: inserisci una Carta Nazionale dei Servizi (CNS) o la tessera sanitaria (TS-CNS).',
    );
  }
  const maskMakerCode = h[3]!;
  const firmware = (h[4]! << 8) | h[5]!;
  return {
    kind: 'cns',
    atrHex: hex,
    chipMaker: h[2]!,
    maskMakerCode,
    maskMaker: MASK_MAKERS[maskMakerCode] ?? 'sconosciuto',
    firmware,
    cnsVersion: h[12]!,
    layout: layoutOf(maskMakerCode, firmware),
    pinReferenceOffset: maskMakerCode === 0x09 ? 0x80 : 0,
  };
}
