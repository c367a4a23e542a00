/**
 * What kind of card an ATR announces.
 *
 * A CNS-family card (CNS, CRS, TS-CNS) has exactly 15 historical bytes with "CNS" in
 * H10..H12; H3 is the chip maker, H4 the mask maker, H5..H6 the firmware, H13 the
 * CNS version. A CIE (Carta d'Identità Elettronica) is recognised by the families of
 * CIE_FAMILIES below, over contacts and contactless, and refused with a message a person
 * understands; anything else is refused as unknown.
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

/**
 * A CIE told apart by its ATR: what the interface bytes say about how the reader met the
 * card, and the historical bytes. Located without parseAtr's checks of TCK and length:
 * a CIE is refused whatever its ATR, and pcsc-tools' list holds a CIE reported without
 * its TCK; telling the citizen "this is a CIE" helps more than "ATR non valida".
 */
interface CieReading {
  /** PC/SC readers build a contactless card's ATR as 3B 8n 80 01 + historical bytes + TCK (PC/SC part 3). */
  readonly contactless: boolean;
  readonly historical: Uint8Array;
}

function readForCie(atr: Uint8Array): CieReading | undefined {
  if (atr.length < 2) return undefined;
  let y = atr[1]! >> 4;
  let index = 2;
  while (true) {
    index += (y & 1) + ((y >> 1) & 1) + ((y >> 2) & 1);
    if (!(y & 0x8)) break;
    const td = atr[index];
    if (td === undefined) return undefined;
    index++;
    y = td >> 4;
  }
  const k = atr[1]! & 0x0f;
  if (index + k > atr.length) return undefined;
  const contactless = atr[1]! >> 4 === 0x8 && atr[2] === 0x80 && atr[3] === 0x01;
  return { contactless, historical: atr.slice(index, index + k) };
}

/**
 * Value of the pre-issuing data object (compact-TLV tag 6, ISO 7816-4) of historical
 * bytes with category indicator 0x80. Objects are read in order and the walk stops at
 * one that runs past the end: CIE 3.0 ATRs cut the trailing status object short
 * ("82 90" with no third byte), yet their pre-issuing data comes before it.
 */
function preIssuingData(h: Uint8Array): Uint8Array | undefined {
  if (h[0] !== 0x80) return undefined;
  let index = 1;
  while (index < h.length) {
    const tag = h[index]! >> 4;
    const end = index + 1 + (h[index]! & 0x0f);
    if (end > h.length) return undefined;
    if (tag === 0x6) return h.subarray(index + 1, end);
    index = end;
  }
  return undefined;
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

function startsWith(bytes: Uint8Array | undefined, prefix: readonly number[]): boolean {
  return bytes !== undefined && bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function endsWith(bytes: Uint8Array, suffix: readonly number[]): boolean {
  return bytes.length >= suffix.length && startsWith(bytes.subarray(bytes.length - suffix.length), suffix);
}

function sameBytes(bytes: Uint8Array | undefined, expected: readonly number[]): boolean {
  return bytes !== undefined && bytes.length === expected.length && startsWith(bytes, expected);
}

/**
 * H8..H13 of the Incard/ST layout the CNS shares (15 bytes: 00 6B, chip, mask, firmware,
 * ...): where a CNS carries 01 "CNS" and its version, other applications put their label.
 */
function incardLayoutLabel(h: Uint8Array): string | undefined {
  return h.length === 15 && h[0] === 0x00 && h[1] === 0x6b ? ascii(h.subarray(7, 13)) : undefined;
}

export type CieFamily =
  | 'cie-3-it-chip'
  | 'cie-3-contactless-47-50'
  | 'cie-3-contactless-zeri'
  | 'cie-3-contactless-b0-85'
  | 'cie-parma'
  | 'cie-2-incard'
  | 'cie-1-2-contatti';

/**
 * One rule per CIE family found in pcsc-tools' smartcard_list.txt (the entries are quoted
 * by ATR; tests/unit/cns/atr-list.test.ts checks every one of them). None can match a
 * CNS: a CNS has exactly 15 historical bytes, category 00, and "CNS" at H10..H12; each
 * rule says which of those it breaks.
 */
const CIE_FAMILIES: readonly { readonly family: CieFamily; readonly matches: (card: CieReading) => boolean }[] = [
  {
    // CIE 3.0: pre-issuing data "IT" + the chip family in ASCII: "ITNXP" (NXP,
    // 3B 8E 80 01 80 31 80 65 49 54 4E 58 50 12 0F FF 82 90 F0 and ... FF FF FF E2) and
    // "ITJ4A".."ITJ4L" (3B 8F 80 01 80 31 80 65 49 54 4A 34 xx 12 0F FF 82 90 00 TCK, xx =
    // 41 42 43 44 49 4C). Category 0x80, never a CNS's 00.
    family: 'cie-3-it-chip',
    matches: ({ historical }) => /^IT[0-9A-Z]{3}$/.test(ascii(preIssuingData(historical) ?? new Uint8Array())),
  },
  {
    // CIE 3.0 read contactless, pre-issuing data 47 50 00 B8 00 + one byte that varies
    // between lots: 3B 8B 80 01 80 66 47 50 00 B8 00 7F 82 90 00 2E and ... 00 94 82 90 00 C5.
    // The other "47 50" cards of the list (JTOP, TATA Docomo) continue otherwise. Category 0x80.
    family: 'cie-3-contactless-47-50',
    matches: ({ contactless, historical }) => contactless && sameBytes(preIssuingData(historical)?.subarray(0, 5), [0x47, 0x50, 0x00, 0xb8, 0x00]),
  },
  {
    // CIE read contactless by a chip that shows no maker or version: 15 historical bytes,
    // eleven zeros, FF, status 82 90 00 (3B 8F 80 01 00 00 00 00 00 00 00 00 00 00 00 FF 82 90 00 E3,
    // listed as "CIE (eID)"). One entry, so the rule is its whole form; the German
    // Personalausweis' eight zeros do not match. H10..H12 are 00 00 FF, not "CNS".
    family: 'cie-3-contactless-zeri',
    matches: ({ contactless, historical }) =>
      contactless && sameBytes(historical, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0x82, 0x90, 0x00]),
  },
  {
    // A Gemalto chip (pre-issuing data B0 85, mask 04 00 11) read contactless:
    // 3B 8F 80 01 80 31 80 65 B0 85 04 00 11 12 0F FF 82 90 00 8A ("Italian electronic
    // identity card"; the list gives the same ATR to a Dutch driving licence, which is
    // refused either way). Narrow on purpose: the same bytes over contacts are Swedish,
    // French, Pakistani ID cards, and other B0 85 masks contactless are Luxembourg's,
    // Poland's, Mauritius' ID cards. Category 0x80.
    family: 'cie-3-contactless-b0-85',
    matches: ({ contactless, historical }) => contactless && sameBytes(preIssuingData(historical), [0xb0, 0x85, 0x04, 0x00, 0x11]),
  },
  {
    // An early CIE of the Comune di Parma: 3B FE 91 00 FF 91 81 71 FE 40 00 41 20 00 51 77 91
    // 80 31 80 65 B0 85 03 00 FB. Its historical bytes start with 41 20 00 51 77 91 (0x41 is no
    // ISO category indicator, and no other list entry carries the prefix) before a Gemalto
    // block; the prefix is the rule, the block may change. 14 bytes, category 0x41.
    family: 'cie-parma',
    matches: ({ historical }) => startsWith(historical, [0x41, 0x20, 0x00, 0x51, 0x77, 0x91]),
  },
  {
    // CIE 2.0 on the Incard/ST chip, in the CNS's own 15-byte layout but labelled as an ID:
    // "PSE" at H10..H12 (3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 13 03 01 00 01 50 53 45 10 31 80 94)
    // or "ITID" at H8..H11 (3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 13 00 02 49 54 49 44 20 20 31 80 D3).
    // The label is what makes a CNS a CNS, and here it is not "CNS".
    family: 'cie-2-incard',
    matches: ({ historical }) => {
      const label = incardLayoutLabel(historical);
      return label !== undefined && (label.slice(2, 5) === 'PSE' || label.startsWith('ITID'));
    },
  },
  {
    // First CIEs read over contacts ("Identity card of Italian Republic"): category 00,
    // ending 31 80 00 — the CIE v1 3B F4 18 00 FF 81 31 80 55 00 31 80 00 C7 (historical
    // 00 31 80 00) and 3B E9 00 FF C1 10 31 FE 55 00 64 05 00 C8 02 31 80 00 47 (historical
    // 00 64 05 00 C8 02 31 80 00). A CNS ends "31 80" after its version byte, and has 15
    // bytes where these have 4 and 9.
    family: 'cie-1-2-contatti',
    matches: ({ historical }) => historical.length < 15 && historical[0] === 0x00 && endsWith(historical, [0x31, 0x80, 0x00]),
  },
];

/** Which CIE family the ATR belongs to, or undefined when it is not a CIE of the known families. */
export function cieFamilyOf(atr: Uint8Array): CieFamily | undefined {
  const reading = readForCie(atr);
  return reading && CIE_FAMILIES.find((rule) => rule.matches(reading))?.family;
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
  // CIE first, and before parseAtr: a CIE gets its own message even with a faulty ATR.
  if (cieFamilyOf(atr)) throw new CardError('carta-cie', CIE_MESSAGE);
  const hex = toHex(atr);
  const h = parseAtr(atr).historical;
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
