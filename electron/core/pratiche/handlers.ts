/**
 * The contract's pratiche calls. The citizen always comes from the card session
 * (`currentCitizen`), never from the renderer's input.
 */
import type { praticheCalls } from '../../shared/contract/pratiche';
import type { CallContext, Handlers } from '../../shared/contract/define';
import type { Allegati } from './allegati/allegati';
import { requireCitizen, type Citizen, type CurrentCitizen } from './citizen';
import type { Cittadini } from './cittadini';
import type { createLeMiePratiche } from './le-mie-pratiche';
import type { Pratiche } from './pratiche';
import type { Appuntamenti } from './appuntamenti';
import { allegatoView, profileView } from './view';

export interface PraticheHandlerDeps {
  pratiche: Pratiche;
  allegati: Allegati;
  cittadini: Cittadini;
  leMiePratiche: ReturnType<typeof createLeMiePratiche>;
  appuntamenti: Appuntamenti;
  currentCitizen: CurrentCitizen;
  /** What must be ready before a submission (the desk's module for an identified citizen: firma/firma-pratica.ts). */
  preparaInvio?: (citizen: Citizen, id: string) => Promise<void>;
}

function decodeBase64(text: string): Buffer {
  return Buffer.from(text, 'base64');
}

export function praticheHandlers(deps: PraticheHandlerDeps): Handlers<typeof praticheCalls> {
  const citizen = (context: CallContext): Citizen => requireCitizen(deps.currentCitizen, context);
  const { pratiche, allegati, cittadini } = deps;
  return {
    'pratiche.start': async ({ tenant, service, newDraft }, ctx) => pratiche.start(citizen(ctx), tenant, service, newDraft),
    'pratiche.get': async ({ id }, ctx) => pratiche.view(citizen(ctx), id),
    'pratiche.saveStep': async ({ id, stepId, values }, ctx) => pratiche.saveStep(citizen(ctx), id, stepId, values),
    'pratiche.acceptInstructions': async ({ id, accepted }, ctx) => pratiche.acceptInstructions(citizen(ctx), id, accepted),
    'pratiche.acknowledgePayment': async ({ id, acknowledged }, ctx) => pratiche.acknowledgePayment(citizen(ctx), id, acknowledged),
    'pratiche.next': async ({ id }, ctx) => pratiche.next(citizen(ctx), id),
    'pratiche.back': async ({ id }, ctx) => pratiche.back(citizen(ctx), id),
    'pratiche.restart': async ({ id }, ctx) => pratiche.restart(citizen(ctx), id),
    'pratiche.backTo': async ({ id, stepId }, ctx) => pratiche.backTo(citizen(ctx), id, stepId),
    'pratiche.catalogueNoticeSeen': async ({ id }, ctx) => pratiche.catalogueNoticeSeen(citizen(ctx), id),
    'pratiche.note': async ({ id, note, description }, ctx) => pratiche.texts(citizen(ctx), id, { note, description }),
    'pratiche.attachments.add': async ({ id, slot, name, contentBase64 }, ctx) => {
      const c = citizen(ctx);
      const { allegato, avvisi } = await allegati.add(c, id, slot, name, decodeBase64(contentBase64));
      return { pratica: pratiche.view(c, id), allegato: allegatoView(allegato), avvisi };
    },
    'pratiche.attachments.remove': async ({ id, slot, allegatoId }, ctx) => {
      const c = citizen(ctx);
      allegati.remove(c, id, slot, allegatoId);
      return pratiche.view(c, id);
    },
    'pratiche.attachments.reuse': async ({ id, slot, allegatoId }, ctx) => {
      const c = citizen(ctx);
      const { allegato, avvisi } = await allegati.reuse(c, id, slot, allegatoId);
      return { pratica: pratiche.view(c, id), allegato: allegatoView(allegato), avvisi };
    },
    'pratiche.attachments.library': async (_input, ctx) => allegati.library(citizen(ctx)).map(allegatoView),
    'pratiche.completeness': async ({ id }, ctx) => pratiche.completeness(citizen(ctx), id),
    'pratiche.submit': async ({ id }, ctx) => {
      const c = citizen(ctx);
      await deps.preparaInvio?.(c, id);
      // A kiosk draft's sealed documents are stored as themselves first: sync sends them after the card is out.
      const preparati = allegati.perLInvio(c, id);
      let inviata;
      try {
        inviata = pratiche.submit(c, id);
      } catch (error) {
        allegati.nonInviati(preparati);
        throw error;
      }
      allegati.inviati(preparati);
      return inviata;
    },
    'pratiche.list': async ({ group }, ctx) => deps.leMiePratiche.list(citizen(ctx), group),
    'pratiche.terms': async ({ tenant }, ctx) => cittadini.terms(citizen(ctx), tenant),
    'pratiche.acceptTerms': async ({ tenant, version }, ctx) => cittadini.acceptTerms(citizen(ctx), tenant, version),
    'pratiche.profile': async (_input, ctx) => profileView(cittadini.profile(citizen(ctx))),
    'pratiche.updateProfile': async (contatti, ctx) => profileView(cittadini.updateContatti(citizen(ctx), contatti)),
    'pratiche.appuntamenti.sposta': async ({ id, appuntamentoId, giorno, inizio, fine, openingHour }, ctx) => {
      const c = citizen(ctx);
      deps.appuntamenti.sposta(c, id, appuntamentoId, { giorno, inizio, fine, openingHour });
      return pratiche.view(c, id);
    },
    'pratiche.appuntamenti.annulla': async ({ id, appuntamentoId }, ctx) => {
      const c = citizen(ctx);
      deps.appuntamenti.annulla(c, id, appuntamentoId);
      return pratiche.view(c, id);
    },
  };
}
