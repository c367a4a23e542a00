/**
 * The CAdES-BES signed attributes and their DER encoding as a SET: the exact bytes the
 * card signs. Attributes are sorted by their encoding, as DER requires for a SET OF,
 * because verifiers such as OpenSSL re-encode the set before checking the signature.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oid';

function sha256(dati: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(dati).digest());
}

/** SigningCertificateV2 { certs: [ESSCertIDv2 { certHash, issuerSerial }] }; hashAlgorithm omitted: DER drops the SHA-256 default. */
export function signingCertificateV2(certificatoDer: Uint8Array, certificato: pkijs.Certificate): asn1js.Sequence {
  const emittente = new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificato.issuer.toSchema()] });
  const issuerSerial = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [emittente] }), certificato.serialNumber] });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(certificatoDer) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function confronta(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  }
  return a.length - b.length;
}

function lunghezzaDer(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const byte: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) byte.unshift(v & 0xff);
  return Uint8Array.of(0x80 | byte.length, ...byte);
}

export interface AttributiFirmati {
  /** In DER order, ready for SignerInfo.signedAttrs. */
  attributi: pkijs.Attribute[];
  /** DER of SET OF Attribute (tag 0x31): what the signature covers. */
  daFirmare: Uint8Array;
}

/** Sorts attributes into DER order and encodes them as the SET the signature covers. */
export function insiemeFirmato(attributi: pkijs.Attribute[]): AttributiFirmati {
  const codificati = attributi.map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER()) })).sort((x, y) => confronta(x.der, y.der));
  const corpo = codificati.reduce((n, { der }) => n + der.length, 0);
  const lunghezza = lunghezzaDer(corpo);
  const daFirmare = new Uint8Array(1 + lunghezza.length + corpo);
  daFirmare[0] = 0x31;
  daFirmare.set(lunghezza, 1);
  let pos = 1 + lunghezza.length;
  for (const { der } of codificati) {
    daFirmare.set(der, pos);
    pos += der.length;
  }
  return { attributi: codificati.map(({ a }) => a), daFirmare };
}

export function attributiFirmati(contenuto: Uint8Array, certificatoDer: Uint8Array, firmatoIl: Date): AttributiFirmati {
  // A fresh copy: pkijs wants a view over a plain ArrayBuffer, not a shared one.
  const certificato = pkijs.Certificate.fromBER(new Uint8Array(certificatoDer));
  // signingTime carries whole seconds: sub-second digits would make UTCTime invalid DER.
  const istante = new Date(Math.floor(firmatoIl.getTime() / 1000) * 1000);
  return insiemeFirmato([
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: istante })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: sha256(contenuto) })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(certificatoDer, certificato)] }),
  ]);
}
