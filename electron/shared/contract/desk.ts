/**
 * Calls of desk mode: operator login and accounts, the card at the desk, the two-phase
 * release of PIN and PUK, the daily report and the citizen assisted by the operator.
 * Passwords are secret inputs (never logged or traced). The release's answer carries the
 * first 2 digits of PIN and PUK under the keys `pin` and `puk`, which every trace redacts.
 */
import { z } from 'zod';
import { call } from './define';

const ruoloSchema = z.enum(['operatore', 'amministratore']);
const operatoreSchema = z.object({ username: z.string(), nome: z.string(), ruolo: ruoloSchema });
export type OperatoreView = z.infer<typeof operatoreSchema>;

export const sessioneDeskSchema = z.object({ operatore: operatoreSchema, scadeAlle: z.string() });
export type SessioneDeskView = z.infer<typeof sessioneDeskSchema>;

const username = z.string().trim().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'data nel formato AAAA-MM-GG');

/** The identity documents the desk checks before a release, by the codes the audit records. */
export const TIPI_DOCUMENTO = ['carta-identita', 'carta-identita-elettronica', 'passaporto', 'patente', 'permesso-soggiorno'] as const;
export type TipoDocumento = (typeof TIPI_DOCUMENTO)[number];

const documentoSchema = z
  .object({
    tipo: z.enum(TIPI_DOCUMENTO),
    numero: z.string().min(1).max(40),
    rilasciatoDa: z.string().min(1).max(120),
    scadenza: isoDate,
  })
  .strict();

const canaleSchema = z.discriminatedUnion('tipo', [
  z.object({ tipo: z.literal('email'), destinazione: z.string().min(3).max(254) }).strict(),
  z.object({ tipo: z.literal('sms'), destinazione: z.string().min(6).max(20) }).strict(),
]);

export const cartaAlBancoSchema = z.object({
  titolare: z.object({ codiceFiscale: z.string(), nome: z.string(), cognome: z.string() }),
  carta: z.object({ seriale: z.string(), scadenza: z.string().nullable(), tipo: z.string() }),
  pin: z.object({
    triesLeft: z.number().int().nonnegative().nullable(),
    blocked: z.boolean(),
    pukTriesLeft: z.number().int().nonnegative().nullable(),
    pukBlocked: z.boolean(),
  }),
});

export const esitoRilascioSchema = z.object({
  releaseId: z.string(),
  /** First 2 digits of each: shown once (hidden until "Mostra") and printed on the slip. */
  cifre: z.object({ pin: z.string().regex(/^\d{2}$/), puk: z.string().regex(/^\d{2}$/) }),
  destinazioneMascherata: z.string(),
  /** The slip (PDF, base64): for the renderer to print or save; the app does not keep it. */
  foglioPdfBase64: z.string(),
});
export type EsitoRilascioView = z.infer<typeof esitoRilascioSchema>;

/** The document the operator checked to identify a citizen without a card: type and number, as the module and receipt state them. */
const documentoVistoSchema = documentoSchema.pick({ tipo: true, numero: true });

const assistitoSchema = z.object({
  codiceFiscale: z.string(),
  nome: z.string(),
  cognome: z.string(),
  origine: z.enum(['carta', 'digitato']),
  /** Null for the holder of the card in the reader: the card identifies them, and they sign with it. */
  documento: documentoVistoSchema.nullable(),
});

export const deskCalls = {
  'desk.login': call(z.object({ username, password: z.string().min(1).max(200) }).strict(), sessioneDeskSchema, { secretFields: ['password'] }),
  'desk.logout': call(z.object({}).strict(), z.object({ loggedOut: z.literal(true) })),
  'desk.sessione': call(z.object({}).strict(), sessioneDeskSchema.nullable()),
  'desk.operatori.crea': call(
    z.object({ username, nome: z.string().trim().min(1).max(120), ruolo: ruoloSchema, password: z.string().min(1).max(200) }).strict(),
    operatoreSchema,
    { secretFields: ['password'] },
  ),
  'desk.operatori.elenco': call(z.object({}).strict(), z.array(operatoreSchema.extend({ attivo: z.boolean(), bloccato: z.boolean() }))),
  'desk.operatori.sblocca': call(z.object({ username }).strict(), z.object({ unlocked: z.literal(true) })),
  'desk.carta': call(z.object({}).strict(), cartaAlBancoSchema),
  'desk.rilascia': call(z.object({ documento: documentoSchema, canale: canaleSchema }).strict(), esitoRilascioSchema),
  'desk.report': call(
    z.object({ giorno: isoDate }).strict(),
    z.object({ rilasci: z.number().int().nonnegative(), registroIntegro: z.boolean(), csv: z.string(), pdfBase64: z.string() }),
  ),
  /** The citizen the operator acts for: the card in the reader, or a codice fiscale typed and checked, with the identity document seen. */
  'desk.assistito.imposta': call(
    z
      .object({ codiceFiscale: z.string().min(16).max(20), nome: z.string().trim().min(1).max(80), cognome: z.string().trim().min(1).max(80), documento: documentoVistoSchema.strict() })
      .strict(),
    assistitoSchema,
  ),
  'desk.assistito': call(z.object({}).strict(), assistitoSchema.nullable()),
  'desk.assistito.annulla': call(z.object({}).strict(), z.object({ cleared: z.literal(true) })),
};
