/**
 * Before a card identifies anyone, what it says about its holder must agree with
 * itself and with a CA we trust: the codice fiscale in the certificate equals the
 * one in EF_DatiPersonali, the serial in the certificate equals EF_IDCarta, the
 * certificate chains to a trusted CA and is in its validity period (chain first: an
 * untrusted certificate is refused as such, whatever its dates). Each failure is a
 * refusal with its own message.
 */
import { CardError } from '../apdu/errors';
import type { CnsCertificate } from './certificate';
import type { DatiPersonali } from './dati-personali';

/**
 * Whether a certificate chains to a CA we trust. The card layer does not own the CA
 * list: core's PKI module (electron/core/pki) provides it, so cards and signatures
 * trust the same CAs through the same check.
 */
export type CardTrust = (certificateDer: Uint8Array) => boolean;

export interface CrossCheckInput {
  readonly certificate: CnsCertificate;
  readonly datiPersonali: DatiPersonali;
  readonly serial: string;
  readonly now: Date;
  /** null = the chain is not checked (the card CLI without a CA list, tests of the other checks). */
  readonly trust: CardTrust | null;
}

export function crossCheck(input: CrossCheckInput): void {
  const { certificate, datiPersonali, serial, now } = input;
  if (certificate.codiceFiscale !== datiPersonali.codiceFiscale) {
    throw new CardError('carta-incoerente', 'La carta non è coerente: il codice fiscale del certificato non corrisponde ai dati personali. Rivolgiti allo sportello.');
  }
  if (certificate.cardSerial !== serial) {
    throw new CardError('carta-incoerente', 'La carta non è coerente: il certificato appartiene a un\'altra carta. Rivolgiti allo sportello.');
  }
  if (input.trust && !input.trust(certificate.der)) {
    throw new CardError('certificato-non-attendibile', 'Il certificato della carta non è stato emesso da un ente riconosciuto.');
  }
  if (now < certificate.notBefore) {
    throw new CardError('certificato-scaduto', 'Il certificato della carta non è ancora valido.');
  }
  if (now > certificate.notAfter) {
    throw new CardError('certificato-scaduto', 'Il certificato della carta è scaduto: rinnova la carta presso l\'ente che l\'ha rilasciata.');
  }
}
