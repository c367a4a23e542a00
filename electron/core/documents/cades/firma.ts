/**
 * CAdES-BES attached signature (.p7m): the module travels inside the SignedData,
 * unchanged, next to the signer's certificate. The card only ever signs the DER of the
 * signed attributes, so the same code serves PKCS#11, the card's own APDUs and a
 * software key.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Clock } from '../../ports/clock';
import { systemClock } from '../../ports/clock';
import type { SignerPort } from '../../ports/signer';
import { DomainError } from '../../errors';
import { attributiFirmati } from './attributi-firmati';
import { OID } from './oid';

export interface FirmaPreparata {
  /** DER SET of the signed attributes: hand these bytes to SignerPort.signSha256. */
  daFirmare: Uint8Array;
  /** Wraps the card's signature into the .p7m. */
  completa(firma: Uint8Array): Uint8Array;
}

/** Everything except the card's own signature: split out so the PIN prompt can sit right before the card is used. */
export function preparaFirma(contenuto: Uint8Array, certificatoDer: Uint8Array, firmatoIl: Date): FirmaPreparata {
  // A fresh copy: pkijs wants a view over a plain ArrayBuffer, not a shared one.
  const certificato = pkijs.Certificate.fromBER(new Uint8Array(certificatoDer));
  const { attributi, daFirmare } = attributiFirmati(contenuto, certificatoDer, firmatoIl);
  return {
    daFirmare,
    completa(firma) {
      const signerInfo = new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificato.issuer, serialNumber: certificato.serialNumber }),
        digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: attributi }),
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRSAEncryption, algorithmParams: new asn1js.Null() }),
        signature: new asn1js.OctetString({ valueHex: firma }),
      });
      const signedData = new pkijs.SignedData({
        version: 1,
        digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
        encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data, eContent: new asn1js.OctetString({ valueHex: contenuto }) }),
        certificates: [certificato],
        signerInfos: [signerInfo],
      });
      const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
      return new Uint8Array(contentInfo.toSchema().toBER());
    },
  };
}

/**
 * Signs the module with the citizen's card. The caller's flow has asked for the PIN
 * just before: this function never sees it.
 */
export async function signModulo(pdf: Uint8Array, signer: SignerPort, clock: Clock = systemClock): Promise<Uint8Array> {
  if (pdf.length === 0) throw new DomainError('modulo-da-firmare-vuoto', 'Il modulo da firmare è vuoto.');
  const preparata = preparaFirma(pdf, await signer.certificate(), clock.now());
  return preparata.completa(await signer.signSha256(preparata.daFirmare));
}
