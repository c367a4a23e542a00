/**
 * Calls and events about the card: readers, the identity session, PIN and PUK.
 * PIN and PUK fields are declared secret: the dispatcher never logs or traces them.
 */
import { z } from 'zod';
import { call } from './define';
import { codiciErrore } from './errori';

const pinSchema = z.string().regex(/^\d{5,8}$/, 'Il PIN deve avere da 5 a 8 cifre.');
const pukSchema = z.string().regex(/^\d{8}$/, 'Il PUK deve avere 8 cifre.');

const cardErrorSchema = z.object({ code: z.enum(codiciErrore), message: z.string() });

/**
 * The card holder. Until the PIN is verified a session carries the name only (the PIN screen
 * greets the citizen): codice fiscale, birth and address are null, so nothing personal
 * reaches a screen or an event before the holder has proved the card is theirs.
 */
const titolareSchema = z.object({
  codiceFiscale: z.string().nullable(),
  nome: z.string(),
  cognome: z.string(),
  dataNascita: z.string().nullable(),
  sesso: z.enum(['M', 'F']).nullable(),
  comuneResidenza: z.string().nullable(),
  indirizzoResidenza: z.string().nullable(),
});

const cartaSchema = z.object({
  seriale: z.string(),
  /** Expiry of the card (EF_DatiPersonali), ISO date, when the card states it. */
  scadenza: z.string().nullable(),
  tipo: z.string(),
  certificato: z.object({ emittente: z.string(), validoDal: z.string(), validoAl: z.string() }),
});

const sessionStateSchema = z.enum(['nessuna-carta', 'lettura', 'identificata', 'autenticata', 'rifiutata']);

export const cardSessionSchema = z.object({
  state: sessionStateSchema,
  reader: z.string().nullable(),
  titolare: titolareSchema.nullable(),
  carta: cartaSchema.nullable(),
  /** Why a card was refused or could not be read (CIE, unknown card, inconsistent data...). */
  error: cardErrorSchema.nullable(),
});

export const cardReaderSchema = z.object({
  service: z.enum(['disponibile', 'non-disponibile']),
  readers: z.array(z.object({ name: z.string(), cardPresent: z.boolean() })),
});

const pinStatusSchema = z.object({
  triesLeft: z.number().int().nonnegative().nullable(),
  blocked: z.boolean(),
  pukTriesLeft: z.number().int().nonnegative().nullable(),
  pukBlocked: z.boolean(),
});

export const cardCalls = {
  'card.pinStatus': call(z.object({}).strict(), pinStatusSchema),
  'card.verifyPin': call(z.object({ pin: pinSchema }).strict(), cardSessionSchema, { secretFields: ['pin'] }),
  'card.changePin': call(z.object({ pin: pinSchema, newPin: pinSchema }).strict(), z.object({ changed: z.literal(true) }), {
    secretFields: ['pin', 'newPin'],
  }),
  'card.unblockPin': call(z.object({ puk: pukSchema, newPin: pinSchema }).strict(), z.object({ unblocked: z.literal(true) }), {
    secretFields: ['puk', 'newPin'],
  }),
  /** The citizen leaves (Esci, idle timeout) with the card still in: the PIN is asked again. */
  'card.endSession': call(z.object({}).strict(), cardSessionSchema),
};

export const cardEvents = {
  'card.reader': cardReaderSchema,
  'card.session': cardSessionSchema,
};

export type CardSession = z.infer<typeof cardSessionSchema>;
export type CardReaderStatus = z.infer<typeof cardReaderSchema>;
export type PinStatusView = z.infer<typeof pinStatusSchema>;
