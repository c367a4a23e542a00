/**
 * Before a card identifies anyone, what it says about its holder must agree with
 * itself and with a CA we trust: the codice fiscale in the certificate equals the
 * one in EF_DatiPersonali, the serial in the certificate equals EF_IDCarta, the
 * certificate is in its validity period and chains to the configured CA bundle.
 * Each failure is a refusal with its own message.
 */
import forge from 'node-forge';
import { CardError } from '../apdu/errors';
import type { CnsCertificate } from './certificate';
import type { DatiPersonali } from './dati-personali';

export interface TrustAnchors {
  readonly store: forge.pki.CAStore;
  readonly count: number;
}

/** Builds the trust store from a PEM bundle (one or more certificates). */
export function trustAnchorsFromPem(pem: string): TrustAnchors {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const store = forge.pki.createCaStore();
  for (const block of blocks) store.addCertificate(forge.pki.certificateFromPem(block));
  return { store, count: blocks.length };
}

export interface CrossCheckInput {
  readonly certificate: CnsCertificate;
  readonly datiPersonali: DatiPersonali;
  readonly serial: string;
  readonly now: Date;
  /** null = no bundle configured: the chain is not checked (demo only). */
  readonly anchors: TrustAnchors | null;
}

export function crossCheck(input: CrossCheckInput): void {
  const { certificate, datiPersonali, serial, now } = input;
  if (certificate.codiceFiscale !== datiPersonali.codiceFiscale) {
    throw new CardError('carta-incoerente', 'La carta non è coerente: il codice fiscale del certificato non corrisponde ai dati personali. Rivolgiti allo sportello.');
  }
  if (certificate.cardSerial !== serial) {
    throw new CardError('carta-incoerente', 'La carta non è coerente: il certificato appartiene a un\'altra carta. Rivolgiti allo sportello.');
  }
  if (now < certificate.notBefore) {
    throw new CardError('certificato-scaduto', 'Il certificato della carta non è ancora valido.');
  }
  if (now > certificate.notAfter) {
    throw new CardError('certificato-scaduto', 'Il certificato della carta è scaduto: rinnova la carta presso l\'ente che l\'ha rilasciata.');
  }
  if (input.anchors && !chains(input.anchors, certificate, now)) {
    throw new CardError('certificato-non-attendibile', 'Il certificato della carta non è stato emesso da un ente riconosciuto.');
  }
}

function chains(anchors: TrustAnchors, certificate: CnsCertificate, now: Date): boolean {
  try {
    return forge.pki.verifyCertificateChain(anchors.store, [certificate.forge], { validityCheckDate: now });
  } catch {
    return false;
  }
}
