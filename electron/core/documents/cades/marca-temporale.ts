/**
 * The signature time stamp (RFC 3161 token in the unsigned attribute
 * signatureTimeStampToken, CAdES-T): a TSA's signed statement that the signature
 * value existed at genTime. It is what fixes the signing time against the signer's
 * own claim, so it counts only when its imprint matches the signature value and its
 * own signature verifies, through the same checks as any signer.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { DIGEST_AMMESSI, OID } from './oid';

export type EsitoMarca = { stato: 'assente' } | { stato: 'valida'; istante: Date; tsa: string } | { stato: 'non-valida'; motivo: string };

/** Verifies the token's own SignedData over its TSTInfo; returns the TSA's name when valid. */
export type VerificaToken = (sd: pkijs.SignedData, contenuto: Uint8Array, istante: Date) => { valida: boolean; tsa: string };

function token(si: pkijs.SignerInfo): asn1js.AsnType | undefined {
  return si.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken)?.values[0];
}

export function marcaTemporale(si: pkijs.SignerInfo, verificaToken: VerificaToken): EsitoMarca {
  const valore = token(si);
  if (!valore) return { stato: 'assente' };
  try {
    const info = new pkijs.ContentInfo({ schema: valore });
    const sd = new pkijs.SignedData({ schema: info.content });
    if (sd.encapContentInfo.eContentType !== OID.tstInfo || !sd.encapContentInfo.eContent) return { stato: 'non-valida', motivo: 'non è una marca temporale' };
    const contenuto = new Uint8Array(sd.encapContentInfo.eContent.getValue());
    const tst = pkijs.TSTInfo.fromBER(contenuto);
    const hash = DIGEST_AMMESSI[tst.messageImprint.hashAlgorithm.algorithmId];
    if (!hash) return { stato: 'non-valida', motivo: 'algoritmo non ammesso' };
    const impronta = createHash(hash).update(new Uint8Array(si.signature.valueBlock.valueHexView)).digest();
    if (!impronta.equals(Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView))) {
      return { stato: 'non-valida', motivo: 'non si riferisce a questa firma' };
    }
    const { valida, tsa } = verificaToken(sd, contenuto, tst.genTime);
    return valida ? { stato: 'valida', istante: tst.genTime, tsa } : { stato: 'non-valida', motivo: "la firma dell'autorità di marcatura non è valida o attendibile" };
  } catch {
    return { stato: 'non-valida', motivo: 'struttura danneggiata' };
  }
}
