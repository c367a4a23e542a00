/**
 * Calls about the messages of a sent pratica: the conversation with the comune's office, the
 * integration request the office makes and the citizen's answer to it. Messages are written
 * offline and sent through the outbox exactly once; the comune's arrive with sync.
 */
import { z } from 'zod';
import { call } from './define';

const praticaId = z.uuid();
/** A message's files cross the boundary as base64: 10 MB each at most. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_MESSAGE = 5;
export const MAX_MESSAGE_CHARS = 5000;

const allegatoMessaggioSchema = z.object({ posizione: z.number().int(), nome: z.string(), mimeType: z.string(), dimensione: z.number().int() });

const messaggioSchema = z.object({
  id: z.string(),
  da: z.enum(['comune', 'cittadino']),
  testo: z.string(),
  scrittoIl: z.string(),
  /** The comune's integration request, or the citizen's answer to it. */
  integrazione: z.enum(['richiesta', 'risposta']).nullable(),
  /** A comune's message the citizen has opened. */
  letto: z.boolean(),
  /** A citizen's message: waiting for the portal, on the portal, or refused by it (`errore` says why). */
  stato: z.enum(['ricevuto', 'in-attesa', 'inviato', 'non-inviato']),
  errore: z.string().nullable(),
  /** False where a kiosk forgot the citizen's data: the text and files are no longer on this device. */
  conservato: z.boolean(),
  allegati: z.array(allegatoMessaggioSchema),
});
export type MessaggioView = z.infer<typeof messaggioSchema>;

export const conversazioneSchema = z.object({
  messaggi: z.array(messaggioSchema),
  nonLetti: z.number().int().nonnegative(),
  /** Messages can be written once the pratica has been sent. */
  puoScrivere: z.boolean(),
  /** The office asked for an integration and waits for the citizen's answer (status 4200, no answer sent yet). */
  rispostaAttesa: z.boolean(),
  /** The office asked, and its protocol is registering the request (4100): the answer can be written once it is done. */
  richiestaInRegistrazione: z.boolean(),
});
export type ConversazioneView = z.infer<typeof conversazioneSchema>;

const fileSchema = z.object({
  name: z.string().min(1).max(255),
  contentBase64: z.string().max(Math.ceil(MAX_FILE_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'contenuto non in base64'),
});

const byId = z.object({ id: praticaId }).strict();

export const messaggiCalls = {
  'pratiche.messaggi.list': call(byId, conversazioneSchema),
  /** A message to the office (`risposta`: the answer to its integration request), queued for the portal. */
  'pratiche.messaggi.invia': call(
    z.object({ id: praticaId, testo: z.string().max(MAX_MESSAGE_CHARS), allegati: z.array(fileSchema).max(MAX_FILES_PER_MESSAGE), risposta: z.boolean() }).strict(),
    conversazioneSchema,
  ),
  /** The citizen has read the comune's messages. */
  'pratiche.messaggi.letti': call(byId, conversazioneSchema),
  'pratiche.messaggi.allegato': call(
    z.object({ id: praticaId, messaggioId: z.uuid(), posizione: z.number().int().min(0).max(100) }).strict(),
    z.object({ contentBase64: z.string(), nomeFile: z.string(), mimeType: z.string() }),
  ),
};
