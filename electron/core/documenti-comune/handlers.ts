/** The contract's calls about the comune's documents; the citizen comes from the card session, never from the input. */
import type { documentiComuneCalls } from '../../shared/contract/documenti-comune';
import type { Handlers } from '../../shared/contract/define';
import { requireCitizen, type CurrentCitizen } from '../pratiche/citizen';
import type { DocumentiComune } from './documenti-comune';

export function documentiComuneHandlers(documenti: DocumentiComune, currentCitizen: CurrentCitizen): Handlers<typeof documentiComuneCalls> {
  return {
    'pratiche.documenti.list': async (_input, ctx) => documenti.list(requireCitizen(currentCitizen, ctx)),
    'pratiche.documenti.scarica': async ({ documentoId }, ctx) => documenti.download(requireCitizen(currentCitizen, ctx), documentoId),
    'pratiche.documenti.daStampare': async ({ documentoId }, ctx) => documenti.daStampare(requireCitizen(currentCitizen, ctx), documentoId),
  };
}
