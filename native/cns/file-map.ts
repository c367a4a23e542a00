/**
 * Where a CNS keeps what we read, and the key and PIN references to use, per layout.
 *
 * Paths are from the MF (3F00 implied). The Actalis 2025 cards select an
 * application by AID first and take paths relative to it (P1=09); `aid` says so.
 */
import type { CnsLayout, CnsProfile } from './card-profile';

export interface CnsFileMap {
  /** EF_IDCarta: the card serial. */
  readonly idCarta: readonly number[];
  /** EF_DatiPersonali. */
  readonly datiPersonali: readonly number[];
  /** Authentication certificate (DER, file longer than the certificate). */
  readonly certificate: readonly number[];
  /** Private key reference used by MSE SET for the authentication key. */
  readonly keyReference: number;
  /** PIN and PUK references before the mask's offset is applied. */
  readonly pinReference: number;
  readonly pukReference: number;
  /** When set, SELECT this AID first and take the paths above relative to it. */
  readonly aid?: Uint8Array;
}

export const CLASSIC_MAP: CnsFileMap = {
  idCarta: [0x10, 0x00, 0x10, 0x03],
  datiPersonali: [0x11, 0x00, 0x11, 0x02],
  certificate: [0x11, 0x00, 0x11, 0x01],
  keyReference: 0x01,
  pinReference: 0x10,
  pukReference: 0x11,
};

export const IDEMIA_2021_MAP: CnsFileMap = {
  ...CLASSIC_MAP,
  certificate: [0x14, 0x00, 0x90, 0x01, 0x20, 0x02],
  keyReference: 0x02,
};

/** AID of the 2025 Actalis application. */
const ACTALIS_AID = Uint8Array.from([0xa0, 0x00, 0x00, 0x05, 0x30, 0x00, 0x0b, 0x10, 0x40, 0x01, 0x02, 0x1a]);

export const ACTALIS_MAP: CnsFileMap = { ...CLASSIC_MAP, aid: ACTALIS_AID };

const BY_LAYOUT: Record<CnsLayout, CnsFileMap> = { classic: CLASSIC_MAP, 'idemia-2021': IDEMIA_2021_MAP };

/** The map to try first for a card; reading falls back to the others when a file is missing. */
export function fileMapsFor(profile: CnsProfile): CnsFileMap[] {
  const first = BY_LAYOUT[profile.layout];
  return [first, ...[CLASSIC_MAP, IDEMIA_2021_MAP, ACTALIS_MAP].filter((m) => m !== first)];
}

export function pinReference(map: CnsFileMap, profile: CnsProfile): number {
  return map.pinReference + profile.pinReferenceOffset;
}

export function pukReference(map: CnsFileMap, profile: CnsProfile): number {
  return map.pukReference + profile.pinReferenceOffset;
}
