/**
 * The signing-certificate attribute (ESSCertIDv2, or the older SHA-1 ESSCertID): it
 * binds the signature to one certificate, so a signer cannot swap in another
 * certificate with the same key. OpenSSL does not check it; we do.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { DomainError } from '../../errors';
import { OID } from './oid';

const HASH_ESS: Record<string, string> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512', [OID.sha1]: 'sha1' };

function errato(): DomainError {
  return new DomainError('firma-certificato-firmatario-errato', 'Il riferimento al certificato del firmatario (signingCertificateV2) non corrisponde al certificato incluso nella firma.');
}

function figli(blocco: asn1js.AsnType | undefined): asn1js.AsnType[] {
  if (!(blocco instanceof asn1js.Sequence)) throw errato();
  return blocco.valueBlock.value;
}

function stessiByte(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

/** IssuerSerial { issuer GeneralNames, serialNumber }: checked only when present, as the standard allows. */
function verificaIssuerSerial(blocco: asn1js.AsnType, certificato: pkijs.Certificate): void {
  const [nomi, seriale] = figli(blocco);
  if (!(seriale instanceof asn1js.Integer) || !stessiByte(seriale.valueBlock.valueHexView, certificato.serialNumber.valueBlock.valueHexView)) throw errato();
  const nomeDirectory = figli(nomi).find((n) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 4);
  const nome = nomeDirectory instanceof asn1js.Constructed ? nomeDirectory.valueBlock.value[0] : undefined;
  if (!nome) throw errato();
  if (!certificato.issuer.isEqual(new pkijs.RelativeDistinguishedNames({ schema: nome }))) throw errato();
}

/**
 * Checks the attribute value against the certificate's DER. `v2` selects
 * SigningCertificateV2 (hash algorithm optional, default SHA-256) or the v1 form (SHA-1).
 */
export function verificaCertificatoFirmatario(valore: asn1js.AsnType, certificatoDer: Uint8Array, certificato: pkijs.Certificate, v2: boolean): void {
  const [certs] = figli(valore);
  const [primo] = figli(certs);
  const campi = figli(primo);
  let algoritmo: string = v2 ? OID.sha256 : OID.sha1;
  let i = 0;
  if (v2 && campi[0] instanceof asn1js.Sequence) {
    const [oid] = campi[0].valueBlock.value;
    if (!(oid instanceof asn1js.ObjectIdentifier)) throw errato();
    algoritmo = oid.valueBlock.toString();
    i = 1;
  }
  const hashNome = HASH_ESS[algoritmo];
  const atteso = campi[i];
  if (!hashNome || !(atteso instanceof asn1js.OctetString)) throw errato();
  const calcolato = createHash(hashNome).update(certificatoDer).digest();
  if (!stessiByte(calcolato, atteso.valueBlock.valueHexView)) throw errato();
  const issuerSerial = campi[i + 1];
  if (issuerSerial) verificaIssuerSerial(issuerSerial, certificato);
}
