/**
 * The `desk.*` calls of the contract over the desk area's services. Outside desk mode every
 * call is refused: a kiosk or a home installation has no operators.
 */
import type { Handlers } from '../../shared/contract/define';
import type { deskCalls } from '../../shared/contract/desk';
import { DomainError } from '../errors';
import type { DeskArea } from './area';

const NOT_A_DESK = () => new DomainError('non-sportello', 'Questa postazione non è configurata come sportello.');

export function deskHandlers(desk: DeskArea, options: { enabled: boolean }): Handlers<typeof deskCalls> {
  const handlers = deskCallHandlers(desk);
  if (options.enabled) return handlers;
  const refuse = async (): Promise<never> => {
    throw NOT_A_DESK();
  };
  return Object.fromEntries(Object.keys(handlers).map((name) => [name, refuse])) as unknown as Handlers<typeof deskCalls>;
}

function deskCallHandlers(desk: DeskArea): Handlers<typeof deskCalls> {
  const { sessioni, operatori, rilascio, assistiti } = desk;
  return {
    'desk.login': async ({ username, password }, context) => {
      const operatore = await operatori.login(username, password);
      const { scadeAlle } = sessioni.open(context, operatore);
      return { operatore, scadeAlle };
    },
    'desk.logout': async (_input, context) => {
      sessioni.close(context);
      assistiti.clear(context);
      return { loggedOut: true as const };
    },
    'desk.sessione': async (_input, context) => sessioni.peek(context),
    'desk.operatori.crea': async (input, context) => operatori.create(sessioni.require(context), input),
    'desk.operatori.elenco': async (_input, context) => operatori.list(sessioni.require(context)),
    'desk.operatori.sblocca': async ({ username }, context) => {
      operatori.unlock(sessioni.require(context), username);
      return { unlocked: true as const };
    },
    'desk.carta': async (_input, context) => {
      sessioni.require(context);
      const { identity, pin } = await rilascio.cartaAlBanco();
      return {
        titolare: { codiceFiscale: identity.codiceFiscale, nome: identity.nome, cognome: identity.cognome },
        carta: { seriale: identity.seriale, scadenza: identity.scadenza, tipo: identity.tipo },
        pin,
      };
    },
    'desk.rilascia': async (input, context) => {
      const esito = await rilascio.rilascia(sessioni.require(context), input);
      return {
        releaseId: esito.releaseId,
        cifre: esito.cifre,
        destinazioneMascherata: esito.destinazioneMascherata,
        foglioPdfBase64: Buffer.from(esito.foglioPdf).toString('base64'),
      };
    },
    'desk.report': async ({ giorno }, context) => {
      sessioni.require(context);
      const report = await desk.report(giorno);
      return { rilasci: report.rilasci, registroIntegro: report.registroIntegro, csv: report.csv, pdfBase64: Buffer.from(report.pdf).toString('base64') };
    },
    'desk.assistito.imposta': async (input, context) => assistiti.set(context, input),
    'desk.assistito': async (_input, context) => {
      sessioni.require(context);
      return assistiti.current(context);
    },
    'desk.assistito.annulla': async (_input, context) => {
      if (!sessioni.peek(context)) throw new DomainError('sessione-operatore-assente', 'Sessione scaduta o non avviata: accedi di nuovo con le tue credenziali.');
      assistiti.clear(context);
      return { cleared: true as const };
    },
  };
}
