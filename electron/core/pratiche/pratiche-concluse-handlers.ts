/** The contract's calls about concluded pratiche read on the portal; the citizen comes from the session, never from the input. */
import type { Handlers } from '../../shared/contract/define';
import type { praticheConcluseCalls } from '../../shared/contract/pratiche-concluse';
import { requireCitizen, type CurrentCitizen } from './citizen';
import type { PraticheConcluse } from './pratiche-concluse';

export function praticheConcluseHandlers(concluse: PraticheConcluse, currentCitizen: CurrentCitizen): Handlers<typeof praticheConcluseCalls> {
  return {
    'pratiche.concluse.list': async (_input, ctx) => concluse.list(requireCitizen(currentCitizen, ctx)),
    'pratiche.concluse.scaricaEsito': async ({ remoteId, fileId }, ctx) => concluse.scaricaEsito(requireCitizen(currentCitizen, ctx), remoteId, fileId),
  };
}
