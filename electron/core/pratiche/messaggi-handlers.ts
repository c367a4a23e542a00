/** The contract's calls about a pratica's messages; the citizen comes from the card session, never from the input. */
import type { messaggiCalls } from '../../shared/contract/messaggi';
import type { Handlers } from '../../shared/contract/define';
import { requireCitizen, type CurrentCitizen } from './citizen';
import type { Messaggi } from './messaggi';

export function messaggiHandlers(messaggi: Messaggi, currentCitizen: CurrentCitizen): Handlers<typeof messaggiCalls> {
  return {
    'pratiche.messaggi.list': async ({ id }, ctx) => messaggi.conversazione(requireCitizen(currentCitizen, ctx), id),
    'pratiche.messaggi.invia': async ({ id, testo, allegati, risposta }, ctx) =>
      messaggi.invia(requireCitizen(currentCitizen, ctx), id, testo, allegati.map((f) => ({ name: f.name, bytes: Buffer.from(f.contentBase64, 'base64') })), risposta),
    'pratiche.messaggi.letti': async ({ id }, ctx) => messaggi.letti(requireCitizen(currentCitizen, ctx), id),
    'pratiche.messaggi.allegato': async ({ id, messaggioId, posizione }, ctx) => messaggi.allegato(requireCitizen(currentCitizen, ctx), id, messaggioId, posizione),
  };
}
