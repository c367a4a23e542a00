/**
 * Calls about documents: opening a signed file (.p7m) received from the portal (attachments are
 * checked inside `pratiche.attachments.add` and `.reuse`, so a file crosses the bridge once; their
 * refusal codes are in errori.ts). Files travel as Base64, bounded so a
 * renderer cannot push an unbounded payload through the bridge.
 */
import { z } from 'zod';
import { call } from './define';

/** 20 MB of file as Base64. */
const BASE64_MASSIMO = Math.ceil((20 * 1024 * 1024 * 4) / 3) + 4;
const base64Schema = z.string().min(1).max(BASE64_MASSIMO).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Contenuto non in Base64.');


/** A signer's verdict, best first: the document and signature, then trust, then validity at signing time. */
export const esitiFirma = [
  'valida',
  'contenuto-alterato',
  'non-valida',
  'algoritmo-non-ammesso',
  'non-cades',
  'certificato-firmatario-errato',
  'certificato-non-attendibile',
  'certificato-scaduto',
  'certificato-non-ancora-valido',
] as const;
export type EsitoFirma = (typeof esitiFirma)[number];

/** Where the signing time comes from: a verified time stamp, the signer's own claim, or none (judged today). */
export const fontiOraFirma = ['marca-temporale', 'dichiarata-dal-firmatario', 'verifica'] as const;

/** One signer of a .p7m with its verdict (electron/core/documents/cades/verdetto.ts). */
const firmatarioSchema = z.object({
  soggetto: z.string(),
  nome: z.string(),
  codiceFiscale: z.string().nullable(),
  emittente: z.string(),
  numeroSerie: z.string(),
  firmatoIl: z.string().nullable(),
  fonteOra: z.enum(fontiOraFirma),
  validoDal: z.string(),
  validoAl: z.string(),
  esito: z.enum(esitiFirma),
  messaggio: z.string(),
  attendibile: z.boolean(),
  validoAllaFirma: z.boolean(),
  validoOggi: z.boolean(),
  revoca: z.literal('non-verificata'),
});

export const documentsCalls = {
  'documents.verificaFirma': call(
    z.object({ p7mBase64: base64Schema }).strict(),
    z.object({ valida: z.boolean(), firmatari: z.array(firmatarioSchema), contenutoBase64: z.string(), tipoContenuto: z.string() }),
  ),
};
