/**
 * Signing a pratica with the citizen's card, and the files of "Dettaglio pratica": the
 * receipt, the module, the signed module and the outcome. The signer is the citizen of
 * the current card session; the PIN is a secret field (never traced nor logged).
 */
import { z } from 'zod';
import { call } from './define';

const praticaId = z.uuid();

/**
 * One line of the review before signing: a field and its value as the module prints it, a
 * group's heading, or a repeating group with one line per item; `livello` nests it.
 */
const voceRiepilogoSchema = z.object({
  tipo: z.enum(['campo', 'titolo', 'elenco']),
  etichetta: z.string(),
  valore: z.string(),
  righe: z.array(z.string()),
  livello: z.number().int().nonnegative(),
});
export type VoceRiepilogo = z.infer<typeof voceRiepilogoSchema>;

/** "Controllo e conferma": each step's data, with the step to go back to for changing it. */
export const riepilogoSchema = z.object({ sezioni: z.array(z.object({ stepId: z.string(), titolo: z.string(), voci: z.array(voceRiepilogoSchema) })) });
export type RiepilogoView = z.infer<typeof riepilogoSchema>;
const pinSchema = z.string().regex(/^\d{5,8}$/, 'Il PIN deve avere da 5 a 8 cifre.');

export const firmaCalls = {
  /** Makes the module PDF/A, verifies the PIN on the card (one try) and signs it (CAdES, .p7m). */
  'pratiche.sign': call(
    z.object({ id: praticaId, pin: pinSchema }).strict(),
    z.object({ signedAt: z.string(), nomeFile: z.string(), sha256: z.string(), size: z.number().int() }),
    { secretFields: ['pin'] },
  ),
  /** Whether the pratica is signed, whether the signature still matches its data, whether one is required to send. */
  'pratiche.signatureStatus': call(
    z.object({ id: praticaId }).strict(),
    z.object({ firmata: z.boolean(), valida: z.boolean(), firmataIl: z.string().nullable(), richiesta: z.boolean() }),
  ),
  /** What the citizen is about to sign, step by step, read as the module prints it. */
  'pratiche.review': call(z.object({ id: praticaId }).strict(), riepilogoSchema),
  /** Ricevuta di presentazione of a submitted pratica, with the protocol number once assigned. */
  'pratiche.receipt': call(
    z.object({ id: praticaId, formato: z.enum(['a4', '80mm']) }).strict(),
    z.object({ pdfBase64: z.string(), nomeFile: z.string() }),
  ),
  /** The pagoPA notice of the payment the comune asks for, with its QR code: 80 mm for the kiosk's printer, A4 at home. */
  'pratiche.avvisoPagamento': call(
    z.object({ id: praticaId, formato: z.enum(['a4', '80mm']) }).strict(),
    z.object({ pdfBase64: z.string(), nomeFile: z.string() }),
  ),
  /**
   * The module, the signed module or an outcome file (`fileId` among several; the main one otherwise);
   * `anteprima-modulo` is the module of a draft as it would be signed now, shown before the PIN.
   */
  'pratiche.document': call(
    z.object({ id: praticaId, tipo: z.enum(['modulo', 'modulo-firmato', 'esito', 'anteprima-modulo']), fileId: z.string().min(1).max(200).optional() }).strict(),
    z.object({ contentBase64: z.string(), nomeFile: z.string(), mimeType: z.string() }),
  ),
} as const;
