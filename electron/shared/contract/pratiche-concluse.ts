/**
 * Calls about the citizen's concluded pratiche the device no longer keeps (a kiosk forgets a final
 * pratica's data at the end of the session), read live from the portal and never stored.
 */
import { z } from 'zod';
import { call } from './define';
import { gruppoSchema, statoPagamentoSchema, verdettoFirmaSchema } from './pratiche';

const praticaConclusaSchema = z.object({
  /** The portal's id of the application. */
  remoteId: z.string(),
  servizio: z.string(),
  protocollo: z.string().nullable(),
  /** When it was sent (or created on the portal). */
  data: z.string().nullable(),
  status: z.number().int(),
  statusLabel: z.string(),
  group: gruppoSchema,
  esito: z.boolean().nullable(),
  motivazione: z.string().nullable(),
  fileEsito: z.array(z.object({ id: z.string(), nome: z.string() })),
  pagamento: statoPagamentoSchema.nullable(),
});
export type PraticaConclusa = z.infer<typeof praticaConclusaSchema>;

export const praticheConcluseCalls = {
  /** `stato`: `senza-portale` in the demo and at home (nothing to ask, or the device keeps them), `non-raggiungibile` offline. */
  'pratiche.concluse.list': call(
    z.object({}).strict(),
    z.object({ stato: z.enum(['lette', 'senza-portale', 'non-raggiungibile']), pratiche: z.array(praticaConclusaSchema) }),
  ),
  /** One outcome file, with its signature's verdict judged now (null for a file that is not signed). */
  'pratiche.concluse.scaricaEsito': call(
    z.object({ remoteId: z.string().min(1).max(100), fileId: z.string().min(1).max(100) }).strict(),
    z.object({ contentBase64: z.string(), nomeFile: z.string(), mimeType: z.string(), firma: verdettoFirmaSchema.nullable() }),
  ),
};
