/** Calls about the documents the comune issued to the citizen (their folders on the portal), read live. */
import { z } from 'zod';
import { call } from './define';

/**
 * What the kiosk's printer can make of a document, known from its name and type before it is asked for:
 * a PDF prints as it is, a signed envelope (.p7m) prints the PDF it carries, anything else does not print.
 */
export const stampaDocumentoSchema = z.enum(['pdf', 'busta-firmata', 'non-pdf']);
export type StampaDocumento = z.infer<typeof stampaDocumentoSchema>;

const documentoIdSchema = z.object({ documentoId: z.string().min(1).max(100) }).strict();

const documentoSchema = z.object({
  id: z.string(),
  titolo: z.string(),
  descrizione: z.string().nullable(),
  nomeFile: z.string(),
  mimeType: z.string(),
  rilasciatoIl: z.string().nullable(),
  scadeIl: z.string().nullable(),
  stampa: stampaDocumentoSchema,
});

export const documentiComuneCalls = {
  /** `collegato`: false in the demo, where there is no portal to ask. */
  'pratiche.documenti.list': call(z.object({}).strict(), z.object({ collegato: z.boolean(), documenti: z.array(documentoSchema) })),
  'pratiche.documenti.scarica': call(documentoIdSchema, z.object({ contentBase64: z.string(), nomeFile: z.string(), mimeType: z.string() })),
  /** The PDF that prints for a document (a .p7m's content), for `app.print`; a document that does not print is refused with why. */
  'pratiche.documenti.daStampare': call(documentoIdSchema, z.object({ pdfBase64: z.string(), nomeFile: z.string(), jobName: z.string().max(80) })),
};
