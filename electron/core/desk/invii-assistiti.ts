/**
 * A pratica an operator sends from the desk for a citizen is a desk act like a PIN release: the
 * audit log records who sent it, for whom, and who had opened it (the portal sees only the
 * comune's account, so this log is where the operator is answerable). The submission is already
 * committed when the news arrives: a log that refuses the entry must not undo it, and is logged.
 */
import type { DomainEvents } from '../api/domain-events';
import type { Registro } from '../audit/registro';
import type { Logger } from '../log/logger';

export function registraInviiAssistiti(events: DomainEvents, registro: Registro, log: Logger): () => void {
  return events.on('pratica.inviata', (inviata) => {
    if (inviata.operatore === null) return;
    try {
      registro.append('pratica.inviata', inviata.operatore, {
        pratica: inviata.praticaId,
        servizio: inviata.serviceSlug,
        codiceFiscale: inviata.codiceFiscale,
        apertaDa: inviata.openedBy,
      });
    } catch (error) {
      log.error('registro di audit: invio della pratica non registrato', { pratica: inviata.praticaId, error });
    }
  });
}
