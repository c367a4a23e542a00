/**
 * Verification of a CAdES .p7m: our own modules and the outcome files the portal sends.
 * For every signer: the content digest, the signature over the signed attributes, the
 * signing-certificate binding, and the certificate's validity and chain to the
 * configured CA bundle. Any failure is a DomainError with an Italian message.
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { DomainError } from '../../errors';
import { verificaCatena } from './catena';
import { verificaCertificatoFirmatario } from './ess';
import { DIGEST_AMMESSI, FIRMA_AMMESSE, OID } from './oid';

/** Larger than any module or outcome file; bounds memory on a hostile input. */
const DIMENSIONE_MASSIMA = 64 * 1024 * 1024;

export interface Firmatario {
  soggetto: string;
  codiceFiscale: string | null;
  emittente: string;
  numeroSerie: string;
  firmatoIl: Date | null;
  validoDal: Date;
  validoAl: Date;
}

export interface EsitoVerifica {
  contenuto: Uint8Array;
  tipoContenuto: string;
  firmatari: Firmatario[];
}

export interface OpzioniVerifica {
  /** Trust anchors (the CA bundle). */
  fidati: X509Certificate[];
  /** The instant certificates must be valid at (now, from the caller's clock). */
  al: Date;
  /** For a detached signature: the content it covers. */
  contenutoEsterno?: Uint8Array;
}

function formatoNonValido(dettaglio: string): DomainError {
  return new DomainError('firma.formato-non-valido', `Il file non è una busta firmata .p7m leggibile: ${dettaglio}.`);
}

/** DER as is; Base64 or PEM text (some portals send .p7m that way) decoded first. */
function inDer(file: Uint8Array): Uint8Array {
  if (file[0] === 0x30) return file;
  const testo = Buffer.from(file).toString('latin1').replace(/-----[A-Z0-9 ]+-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(testo)) throw formatoNonValido('codifica sconosciuta');
  return new Uint8Array(Buffer.from(testo, 'base64'));
}

function leggiSignedData(file: Uint8Array): pkijs.SignedData {
  if (file.length > DIMENSIONE_MASSIMA) throw formatoNonValido('file troppo grande');
  const der = inDer(file);
  const asn = asn1js.fromBER(der);
  if (asn.offset === -1) throw formatoNonValido('struttura ASN.1 danneggiata');
  try {
    const info = new pkijs.ContentInfo({ schema: asn.result });
    if (info.contentType !== OID.signedData) throw formatoNonValido('non contiene dati firmati');
    return new pkijs.SignedData({ schema: info.content });
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw formatoNonValido('struttura CMS non riconosciuta');
  }
}

/** eContent may be one OCTET STRING or, in BER, a constructed one split in pieces. */
function contenutoIncluso(sd: pkijs.SignedData): Uint8Array | null {
  const e = sd.encapContentInfo.eContent;
  if (!e) return null;
  if (!e.idBlock.isConstructed) return new Uint8Array(e.valueBlock.valueHexView);
  const parti = (e.valueBlock as unknown as { value: asn1js.OctetString[] }).value.map((p) => Buffer.from(p.valueBlock.valueHexView));
  return new Uint8Array(Buffer.concat(parti));
}

function attributo(si: pkijs.SignerInfo, oid: string): asn1js.AsnType | undefined {
  return si.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0];
}

function trovaCertificato(sd: pkijs.SignedData, si: pkijs.SignerInfo): pkijs.Certificate {
  const certificati = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const trovato = certificati.find((c) => {
    if (si.sid instanceof pkijs.IssuerAndSerialNumber) return c.issuer.isEqual(si.sid.issuer) && c.serialNumber.isEqual(si.sid.serialNumber);
    // Otherwise sid is [0] SubjectKeyIdentifier: compare its bytes with the certificate's extension.
    const ski = c.extensions?.find((x) => x.extnID === '2.5.29.14')?.parsedValue as asn1js.OctetString | undefined;
    const cercato = (si.sid as { valueBlock?: { valueHexView?: Uint8Array } }).valueBlock?.valueHexView;
    return ski !== undefined && cercato !== undefined && Buffer.from(ski.valueBlock.valueHexView).equals(cercato);
  });
  if (!trovato) throw formatoNonValido('il certificato del firmatario non è incluso');
  return trovato;
}

function codiceFiscaleDi(soggetto: string): string | null {
  const m = /\b([A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z])\b/.exec(soggetto);
  return m?.[1] ?? null;
}

function verificaFirmatario(sd: pkijs.SignedData, si: pkijs.SignerInfo, contenuto: Uint8Array, opzioni: OpzioniVerifica): Firmatario {
  const hash = DIGEST_AMMESSI[si.digestAlgorithm.algorithmId];
  if (!hash) throw new DomainError('firma.algoritmo-non-ammesso', 'La firma usa un algoritmo di hash non più ammesso (es. SHA-1).');
  if (!FIRMA_AMMESSE.has(si.signatureAlgorithm.algorithmId)) throw new DomainError('firma.algoritmo-non-ammesso', 'La firma usa un algoritmo di firma non supportato.');
  if (!si.signedAttrs) throw new DomainError('firma.non-cades', 'La firma non è in formato CAdES: mancano gli attributi firmati.');

  const digest = attributo(si, OID.messageDigest);
  if (!(digest instanceof asn1js.OctetString) || !Buffer.from(digest.valueBlock.valueHexView).equals(createHash(hash).update(contenuto).digest())) {
    throw new DomainError('firma.contenuto-alterato', 'Il documento firmato è stato modificato dopo la firma.');
  }
  const tipo = attributo(si, OID.contentType);
  if (!(tipo instanceof asn1js.ObjectIdentifier) || tipo.valueBlock.toString() !== sd.encapContentInfo.eContentType) {
    throw new DomainError('firma.non-valida', 'La firma non è valida: il tipo di contenuto firmato non corrisponde.');
  }

  const certificato = trovaCertificato(sd, si);
  const certificatoDer = new Uint8Array(certificato.toSchema().toBER());
  const x509 = new X509Certificate(certificatoDer);
  const firmaValida = verify(hash, new Uint8Array(si.signedAttrs.encodedValue), x509.publicKey, new Uint8Array(si.signature.valueBlock.valueHexView));
  if (!firmaValida) throw new DomainError('firma.non-valida', 'La firma non è valida: non corrisponde al certificato del firmatario.');

  const v2 = attributo(si, OID.signingCertificateV2);
  const v1 = attributo(si, OID.signingCertificate);
  if (!v2 && !v1) throw new DomainError('firma.non-cades', 'La firma non è in formato CAdES: manca il riferimento al certificato del firmatario.');
  verificaCertificatoFirmatario((v2 ?? v1) as asn1js.AsnType, certificatoDer, certificato, v2 !== undefined);

  const altri = (sd.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => new X509Certificate(new Uint8Array(c.toSchema().toBER())));
  verificaCatena(x509, altri, opzioni.fidati, opzioni.al);

  const ora = attributo(si, OID.signingTime);
  return {
    soggetto: x509.subject,
    codiceFiscale: codiceFiscaleDi(x509.subject),
    emittente: x509.issuer,
    numeroSerie: x509.serialNumber,
    firmatoIl: ora instanceof asn1js.UTCTime || ora instanceof asn1js.GeneralizedTime ? ora.toDate() : null,
    validoDal: new Date(x509.validFrom),
    validoAl: new Date(x509.validTo),
  };
}

export function verificaP7m(file: Uint8Array, opzioni: OpzioniVerifica): EsitoVerifica {
  const sd = leggiSignedData(file);
  const contenuto = contenutoIncluso(sd) ?? opzioni.contenutoEsterno;
  if (!contenuto) throw formatoNonValido('firma separata senza il documento a cui si riferisce');
  if (sd.signerInfos.length === 0) throw formatoNonValido('nessuna firma presente');
  const firmatari = sd.signerInfos.map((si) => verificaFirmatario(sd, si, contenuto, opzioni));
  return { contenuto, tipoContenuto: sd.encapContentInfo.eContentType, firmatari };
}
