/**
 * The authentication certificate: X.509 parsed with node-forge, and the subject
 * CN of a CNS (`CODICEFISCALE/CARDSERIAL.hash`) split into its parts.
 */
import forge from 'node-forge';
import { CardError } from '../apdu/errors';
import { cutDer } from './der';

export interface CnsCertificate {
  readonly der: Uint8Array;
  readonly subjectCommonName: string;
  readonly codiceFiscale: string;
  readonly cardSerial: string;
  readonly issuer: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly serialNumberHex: string;
  /** The parsed certificate, for chain checks. */
  readonly forge: forge.pki.Certificate;
}

function notValid(detail: string): CardError {
  return new CardError('certificato-non-valido', `Il certificato sulla carta non è valido (${detail}).`);
}

const CN_PATTERN = /^([A-Z0-9]{16}|\d{11})\/(\d{16})\.(.+)$/;

function toBinaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x2000) out += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  return out;
}

/** Parses the certificate at the start of `fileBytes` (the file may be longer). */
export function parseCnsCertificate(fileBytes: Uint8Array): CnsCertificate {
  const der = cutDer(fileBytes);
  let certificate: forge.pki.Certificate;
  try {
    certificate = forge.pki.certificateFromAsn1(forge.asn1.fromDer(toBinaryString(der), true));
  } catch {
    throw notValid('struttura X.509 non leggibile');
  }
  const cn = certificate.subject.getField('CN') as { value?: unknown } | null;
  const subjectCommonName = typeof cn?.value === 'string' ? cn.value : '';
  const match = CN_PATTERN.exec(subjectCommonName);
  if (!match) throw notValid('il nome del titolare non ha la forma CODICEFISCALE/SERIALE');
  const issuerCn = certificate.issuer.getField('CN') as { value?: unknown } | null;
  return {
    der,
    subjectCommonName,
    codiceFiscale: match[1]!,
    cardSerial: match[2]!,
    issuer: typeof issuerCn?.value === 'string' ? issuerCn.value : '',
    notBefore: certificate.validity.notBefore,
    notAfter: certificate.validity.notAfter,
    serialNumberHex: certificate.serialNumber.toUpperCase(),
    forge: certificate,
  };
}
