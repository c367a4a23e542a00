/**
 * The appointments booked from a citizen's pratica: cancelling one is queued in the outbox and sent
 * by sync (`PATCH /api/meetings/{id}` `{status: 5}`, MeetingsAPIController), which the portal answers
 * the same when repeated; the slot is then free for others. Only a pending or confirmed appointment
 * still to come can be cancelled, and only by the citizen whose pratica it is.
 */
import type { DomainEvents } from '../api/domain-events';
import { DomainError } from '../errors';
import type { Clock } from '../ports/clock';
import type { OutboxRepo } from '../store/outbox-repo';
import type { PraticheRepo } from '../store/pratiche-repo';
import type { RemoteRepo } from '../store/remote-repo';
import type { Citizen } from './citizen';
import { annullabile } from './portale-view';

export function createAppuntamenti(deps: { pratiche: PraticheRepo; remote: RemoteRepo; outbox: OutboxRepo; clock: Clock; events?: Pick<DomainEvents, 'emit'> }) {
  return {
    annulla(citizen: Citizen, praticaId: string, meetingId: string): void {
      const p = deps.pratiche.get(praticaId, citizen.card.codiceFiscale);
      if (!p) throw new DomainError('pratica-sconosciuta', 'Pratica non trovata.');
      const appuntamento = deps.remote.get(praticaId)?.appuntamenti.find((a) => a.id === meetingId);
      if (!appuntamento) throw new DomainError('appuntamento-sconosciuto', 'Appuntamento non trovato in questa pratica.');
      const now = deps.clock.now();
      if (!annullabile(appuntamento, now, deps.outbox.cancellationState)) {
        throw new DomainError('appuntamento-non-annullabile', "Questo appuntamento non si può più annullare da qui: è passato, già annullato o non confermato dall'ufficio.");
      }
      deps.outbox.enqueueCancellation(praticaId, p.tenantSlug, meetingId, now.toISOString());
      deps.events?.emit('outbox.accodata', { praticaId });
    },
  };
}

export type Appuntamenti = ReturnType<typeof createAppuntamenti>;
