/** The contract's signing and document calls; the citizen comes from the card session, never from the input. */
import type { firmaCalls } from '../../shared/contract/firma';
import type { CallContext, Handlers } from '../../shared/contract/define';
import { requireCitizen, type Citizen, type CurrentCitizen } from '../pratiche/citizen';
import type { DocumentiFirma } from './documenti';
import type { FirmaPratica } from './firma-pratica';

export function firmaHandlers(deps: { firma: FirmaPratica; documenti: DocumentiFirma; currentCitizen: CurrentCitizen }): Handlers<typeof firmaCalls> {
  const citizen = (context: CallContext): Citizen => requireCitizen(deps.currentCitizen, context);
  return {
    'pratiche.sign': async ({ id, pin }, ctx) => deps.firma.sign(citizen(ctx), id, pin),
    'pratiche.signatureStatus': async ({ id }, ctx) => deps.firma.status(citizen(ctx), id),
    'pratiche.review': async ({ id }, ctx) => deps.firma.review(citizen(ctx), id),
    'pratiche.receipt': async ({ id, formato }, ctx) => deps.documenti.receipt(citizen(ctx), id, formato),
    'pratiche.avvisoPagamento': async ({ id, formato }, ctx) => deps.documenti.avvisoPagamento(citizen(ctx), id, formato),
    'pratiche.document': async ({ id, tipo, fileId }, ctx) =>
      tipo === 'anteprima-modulo' ? deps.firma.anteprima(citizen(ctx), id) : deps.documenti.document(citizen(ctx), id, tipo, fileId),
  };
}
