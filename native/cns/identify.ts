/**
 * Card identification: from the ATR to a cross-checked identity.
 *
 * Reads EF_IDCarta, EF_DatiPersonali and the authentication certificate with the
 * file map the ATR suggests, falling back to the other known layouts when a file
 * is missing (new lots keep appearing; see the notes on IDEMIA 2021 and Actalis).
 */
import { CardError } from '../apdu/errors';
import type { CardTransport } from '../apdu/transport';
import { identifyCard, type CnsProfile } from './card-profile';
import { parseCnsCertificate, type CnsCertificate } from './certificate';
import { crossCheck, type CardTrust } from './cross-check';
import { datiPersonaliUsefulLength, MAX_DATI_PERSONALI_SIZE, parseDatiPersonali, type DatiPersonali } from './dati-personali';
import { derTotalLength } from './der';
import { CardFiles, FileNotFound, MAX_FILE_SIZE } from './files';
import { fileMapsFor, CLASSIC_MAP, IDEMIA_2021_MAP, type CnsFileMap } from './file-map';
import { ID_CARTA_LENGTH, parseIdCarta } from './id-carta';

export interface CnsIdentity {
  readonly profile: CnsProfile;
  /** The layout that answered, with the certificate path and key reference found. */
  readonly fileMap: CnsFileMap;
  readonly serial: string;
  readonly datiPersonali: DatiPersonali;
  readonly certificate: CnsCertificate;
}

export interface IdentifyOptions {
  readonly now: Date;
  readonly trust: CardTrust | null;
}

const CERTIFICATE_LOCATIONS: readonly Pick<CnsFileMap, 'certificate' | 'keyReference'>[] = [CLASSIC_MAP, IDEMIA_2021_MAP];

function sameStart(a: CnsFileMap, b: CnsFileMap): boolean {
  return a.aid === b.aid && a.idCarta.join() === b.idCarta.join();
}

/** Reads the card without cross-checking it (the CLI shows what is there, even when inconsistent). */
export async function readCard(transport: CardTransport): Promise<CnsIdentity> {
  const profile = identifyCard(transport.atr);
  const tried: CnsFileMap[] = [];
  for (const map of fileMapsFor(profile)) {
    if (tried.some((t) => sameStart(t, map))) continue;
    tried.push(map);
    const files = new CardFiles(transport, map);
    let serialBytes: Uint8Array;
    try {
      serialBytes = await files.read(map.idCarta, { maxSize: 64, usefulLength: () => ID_CARTA_LENGTH });
    } catch (error) {
      if (error instanceof FileNotFound) continue;
      throw error;
    }
    const serial = parseIdCarta(serialBytes);
    const datiPersonali = parseDatiPersonali(
      await files.read(map.datiPersonali, { maxSize: MAX_DATI_PERSONALI_SIZE, usefulLength: datiPersonaliUsefulLength }),
    );
    const { bytes, location } = await readCertificate(files, map);
    return { profile, fileMap: { ...map, ...location }, serial, datiPersonali, certificate: parseCnsCertificate(bytes) };
  }
  throw new CardError('carta-non-riconosciuta', 'Carta non riconosciuta: la struttura dei file non è quella di una CNS.');
}

async function readCertificate(files: CardFiles, map: CnsFileMap) {
  const locations = [map, ...CERTIFICATE_LOCATIONS.filter((l) => l.certificate.join() !== map.certificate.join())];
  for (const location of locations) {
    try {
      const bytes = await files.read(location.certificate, { maxSize: MAX_FILE_SIZE, usefulLength: derTotalLength });
      return { bytes, location: { certificate: location.certificate, keyReference: location.keyReference } };
    } catch (error) {
      if (!(error instanceof FileNotFound)) throw error;
    }
  }
  throw new CardError('carta-file-assente', 'La carta non contiene il certificato di autenticazione.');
}

/** Reads and cross-checks: the identity a session may rely on. */
export async function identify(transport: CardTransport, options: IdentifyOptions): Promise<CnsIdentity> {
  const identity = await readCard(transport);
  crossCheck({ ...identity, serial: identity.serial, now: options.now, trust: options.trust });
  return identity;
}
