/** Calls about the documents the comune issued to the citizen (their folders on the portal), read live. */
import { z } from 'zod';
import { call } from './define';

const documentoSchema = z.object({
  id: z.string(),
  titolo: z.string(),
  descrizione: z.string().nullable(),
  nomeFile: z.string(),
  mimeType: z.string(),
  rilasciatoIl: z.string().nullable(),
  scadeIl: z.string().nullable(),
});

export const documentiComuneCalls = {
  /** `collegato`: false in the demo, where there is no portal to ask. */
  'pratiche.documenti.list': call(z.object({}).strict(), z.object({ collegato: z.boolean(), documenti: z.array(documentoSchema) })),
  'pratiche.documenti.scarica': call(
    z.object({ documentoId: z.string().min(1).max(100) }).strict(),
    z.object({ contentBase64: z.string(), nomeFile: z.string(), mimeType: z.string() }),
  ),
};
