/**
 * Everything a submitted pratica produces, in order: the module, its signature by the
 * citizen's card, faldone.xml, segnatura.xml and the two receipts. The PIN prompt
 * belongs to the caller, who hands over a signer that is ready to sign.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../ports/clock';
import type { SignerPort } from '../ports/signer';
import { signModulo } from './cades/firma';
import { creaFaldone } from './faldone';
import type { ModuloInput } from './modulo-input';
import { creaModuloPdf } from './modulo-pdf';
import { creaRicevutaPdf } from './ricevuta-pdf';
import { creaSegnatura } from './segnatura';

export const NOME_MODULO = 'modulo.pdf';
export const NOME_MODULO_FIRMATO = 'modulo.pdf.p7m';
const NOME_FALDONE = 'faldone.xml';

export interface DocumentiPratica {
  moduloPdf: Uint8Array;
  moduloP7m: Uint8Array;
  faldoneXml: string;
  segnaturaXml: string;
  ricevutaA4: Uint8Array;
  ricevuta80mm: Uint8Array;
}

function sha256(dati: Uint8Array | string): string {
  return createHash('sha256').update(dati).digest('hex');
}

export async function creaDocumentiPratica(input: ModuloInput, signer: SignerPort, clock: Clock): Promise<DocumentiPratica> {
  const moduloPdf = await creaModuloPdf(input, clock);
  const moduloP7m = await signModulo(moduloPdf, signer, clock);
  const firmato = { nome: NOME_MODULO_FIRMATO, mime: 'application/pkcs7-mime', sha256: sha256(moduloP7m) };
  const faldoneXml = creaFaldone([{ modulo: input, documento: firmato }], clock.now());
  const segnaturaXml = creaSegnatura({
    modulo: input,
    documento: firmato,
    altriFile: [{ nome: NOME_FALDONE, mime: 'application/xml', sha256: sha256(faldoneXml) }],
    indirizzoMittente: input.richiedente.email ?? '',
  });
  const ricevuta = {
    comune: input.comune,
    servizio: input.servizio,
    richiedente: input.richiedente,
    presentataIl: clock.now(),
    riferimento: input.riferimento,
    protocollo: null,
    documenti: [{ nome: firmato.nome, sha256: firmato.sha256 }, ...input.allegati.map((a) => ({ nome: a.nome, sha256: a.sha256 }))],
  };
  return {
    moduloPdf,
    moduloP7m,
    faldoneXml,
    segnaturaXml,
    ricevutaA4: await creaRicevutaPdf(ricevuta, 'a4'),
    ricevuta80mm: await creaRicevutaPdf(ricevuta, '80mm'),
  };
}
