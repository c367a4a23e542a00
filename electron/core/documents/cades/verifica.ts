/**
 * Verification of a CAdES .p7m: our own modules and the outcome files the portal sends.
 * An envelope that cannot be read is an error; a readable one always gives back its
 * content and, for every signer, who signed and a verdict (verdetto.ts): the content
 * digest, the signature over the signed attributes, the signing-certificate binding,
 * then the chain to the trusted CAs, then the certificate's validity at the signing
 * time (a verified time stamp, else the signingTime the signer declared).
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { DomainError } from '../../errors';
import { codiceFiscaleDelTitolare, nomeDelTitolare, nomeEmittente } from '../../pki/certificati';
import { costruisciCatena, validitaAl, primoNonValido, type Validita } from '../../pki/catena';
import { verificaCertificatoFirmatario } from './ess';
import { marcaTemporale } from './marca-temporale';
import { DIGEST_AMMESSI, FIRMA_AMMESSE, OID } from './oid';
import type { EsitoFirma } from '../../../shared/contract/documents';
import { codiceEsito, DifettoDellaFirma, messaggioEsito, type FonteOra, type Riferimento } from './verdetto';

/** Larger than any module or outcome file; bounds memory on a hostile input. */
const DIMENSIONE_MASSIMA = 64 * 1024 * 1024;

export interface Firmatario {
  soggetto: string;
  /** "Nome Cognome" as the certificate gives it. */
  nome: string;
  codiceFiscale: string | null;
  emittente: string;
  numeroSerie: string;
  /** The signing time: from a verified time stamp, else as the signer declared it; null = neither. */
  firmatoIl: Date | null;
  fonteOra: FonteOra;
  validoDal: Date;
  validoAl: Date;
  esito: EsitoFirma;
  /** The verdict in a sentence for a person. */
  messaggio: string;
  /** The certificate chains to a trusted CA. */
  attendibile: boolean;
  /** The certificate (and its chain) was valid at the signing time. */
  validoAllaFirma: boolean;
  validoOggi: boolean;
  /** Revocation (OCSP/CRL) is not checked: said, not implied. */
  revoca: 'non-verificata';
}

export interface EsitoVerifica {
  contenuto: Uint8Array;
  tipoContenuto: string;
  firmatari: Firmatario[];
  /** Every signer's verdict is 'valida'. */
  valida: boolean;
}

export interface OpzioniVerifica {
  /** Trust anchors (pki/fiducia.ts). */
  fidati: readonly X509Certificate[];
  /** Now, from the caller's clock: for "valid today" and for a signature without a date. */
  al: Date;
  /** For a detached signature: the content it covers. */
  contenutoEsterno?: Uint8Array;
}

function formatoNonValido(dettaglio: string): DomainError {
  return new DomainError('firma-formato-non-valido', `Il file non è una busta firmata .p7m leggibile: ${dettaglio}.`);
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

function x509(c: pkijs.Certificate): X509Certificate {
  return new X509Certificate(new Uint8Array(c.toSchema().toBER()));
}

/** The checks that say the signature is this signer's over this content; a failure is a DifettoDellaFirma. */
function controllaIntegrita(sd: pkijs.SignedData, si: pkijs.SignerInfo, contenuto: Uint8Array, certificato: pkijs.Certificate, chiave: X509Certificate): void {
  const hash = DIGEST_AMMESSI[si.digestAlgorithm.algorithmId];
  if (!hash) throw new DifettoDellaFirma('algoritmo-non-ammesso', 'La firma usa un algoritmo di hash non più ammesso (es. SHA-1).');
  if (!FIRMA_AMMESSE.has(si.signatureAlgorithm.algorithmId)) throw new DifettoDellaFirma('algoritmo-non-ammesso', 'La firma usa un algoritmo di firma non supportato.');
  if (!si.signedAttrs) throw new DifettoDellaFirma('non-cades', 'La firma non è in formato CAdES: mancano gli attributi firmati.');

  const digest = attributo(si, OID.messageDigest);
  if (!(digest instanceof asn1js.OctetString) || !Buffer.from(digest.valueBlock.valueHexView).equals(createHash(hash).update(contenuto).digest())) {
    throw new DifettoDellaFirma('contenuto-alterato', 'Contenuto alterato: il documento è stato modificato dopo la firma.');
  }
  const tipo = attributo(si, OID.contentType);
  if (!(tipo instanceof asn1js.ObjectIdentifier) || tipo.valueBlock.toString() !== sd.encapContentInfo.eContentType) {
    throw new DifettoDellaFirma('non-valida', 'La firma non è valida: il tipo di contenuto firmato non corrisponde.');
  }
  const firmaValida = verify(hash, new Uint8Array(si.signedAttrs.encodedValue), chiave.publicKey, new Uint8Array(si.signature.valueBlock.valueHexView));
  if (!firmaValida) throw new DifettoDellaFirma('non-valida', 'La firma non è valida: non corrisponde al certificato del firmatario.');

  const v2 = attributo(si, OID.signingCertificateV2);
  const v1 = attributo(si, OID.signingCertificate);
  if (!v2 && !v1) throw new DifettoDellaFirma('non-cades', 'La firma non è in formato CAdES: manca il riferimento al certificato del firmatario.');
  try {
    verificaCertificatoFirmatario((v2 ?? v1) as asn1js.AsnType, new Uint8Array(certificato.toSchema().toBER()), certificato, v2 !== undefined);
  } catch (e) {
    if (e instanceof DomainError) throw new DifettoDellaFirma('certificato-firmatario-errato', e.message);
    throw e;
  }
}

function dichiarata(si: pkijs.SignerInfo): Date | null {
  const ora = attributo(si, OID.signingTime);
  return ora instanceof asn1js.UTCTime || ora instanceof asn1js.GeneralizedTime ? ora.toDate() : null;
}

function riferimento(si: pkijs.SignerInfo, opzioni: OpzioniVerifica): Riferimento {
  const marca = marcaTemporale(si, (tsd, tst, istante) => {
    const [tsi] = tsd.signerInfos;
    if (!tsi) return { valida: false, tsa: '' };
    const f = verificaFirmatario(tsd, tsi, tst, { ...opzioni, al: istante });
    return { valida: f.esito === 'valida', tsa: f.nome };
  });
  if (marca.stato === 'valida') return { istante: marca.istante, fonte: 'marca-temporale' };
  const ora = dichiarata(si);
  return ora ? { istante: ora, fonte: 'dichiarata-dal-firmatario' } : { istante: opzioni.al, fonte: 'verifica' };
}

function verificaFirmatario(sd: pkijs.SignedData, si: pkijs.SignerInfo, contenuto: Uint8Array, opzioni: OpzioniVerifica): Firmatario {
  const certificato = trovaCertificato(sd, si);
  const chiave = x509(certificato);
  const altri = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).map(x509);
  const catena = costruisciCatena(chiave, altri, opzioni.fidati);
  const rif = riferimento(si, opzioni);
  const allaFirma: Validita = primoNonValido(catena.percorso, rif.istante)?.validita ?? 'valido';
  const dati = {
    riferimento: rif,
    attendibile: catena.ancora !== null,
    allaFirma,
    oggi: validitaAl(chiave, opzioni.al),
    validoDal: new Date(chiave.validFrom),
    validoAl: new Date(chiave.validTo),
    emittente: nomeEmittente(chiave.issuer),
  };
  let esito = codiceEsito(dati);
  let messaggio = messaggioEsito(dati);
  try {
    controllaIntegrita(sd, si, contenuto, certificato, chiave);
  } catch (e) {
    if (!(e instanceof DifettoDellaFirma)) throw e;
    esito = e.codice;
    messaggio = e.message;
  }
  return {
    soggetto: chiave.subject,
    nome: nomeDelTitolare(chiave.subject),
    codiceFiscale: codiceFiscaleDelTitolare(chiave.subject),
    emittente: chiave.issuer,
    numeroSerie: chiave.serialNumber,
    firmatoIl: rif.fonte === 'verifica' ? null : rif.istante,
    fonteOra: rif.fonte,
    validoDal: dati.validoDal,
    validoAl: dati.validoAl,
    esito,
    messaggio,
    attendibile: dati.attendibile,
    validoAllaFirma: allaFirma === 'valido',
    validoOggi: dati.oggi === 'valido',
    revoca: 'non-verificata',
  };
}

/** A file the portal or a citizen calls signed: a CAdES envelope by its name or its declared type. */
export const isBustaP7m = (nome: string, mimeType: string): boolean => /\.p7m$/i.test(nome) || mimeType === 'application/pkcs7-mime';

const FIRMA_SEPARATA = 'firma separata senza il documento a cui si riferisce';

/** The content an envelope carries, read and not verified: what prints of a signed document (documenti-comune/stampa.ts). */
export function contenutoP7m(file: Uint8Array): Uint8Array {
  const contenuto = contenutoIncluso(leggiSignedData(file));
  if (!contenuto) throw formatoNonValido(FIRMA_SEPARATA);
  return contenuto;
}

export function verificaP7m(file: Uint8Array, opzioni: OpzioniVerifica): EsitoVerifica {
  const sd = leggiSignedData(file);
  const contenuto = contenutoIncluso(sd) ?? opzioni.contenutoEsterno;
  if (!contenuto) throw formatoNonValido(FIRMA_SEPARATA);
  if (sd.signerInfos.length === 0) throw formatoNonValido('nessuna firma presente');
  const firmatari = sd.signerInfos.map((si) => verificaFirmatario(sd, si, contenuto, opzioni));
  return { contenuto, tipoContenuto: sd.encapContentInfo.eContentType, firmatari, valida: firmatari.every((f) => f.esito === 'valida') };
}
