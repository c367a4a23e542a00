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
import { modificabile } from './portale-view';

/** A slot of the calendar as the portal's availabilities list it (Rome's wall clock). */
export interface NuovoOrario {
  giorno: string;
  inizio: string;
  fine: string;
  openingHour: string;
}

export function createAppuntamenti(deps: { pratiche: PraticheRepo; remote: RemoteRepo; outbox: OutboxRepo; clock: Clock; events?: Pick<DomainEvents, 'emit'> }) {
  const richieste = { annullamento: deps.outbox.cancellationState, spostamento: deps.outbox.moveState };
  /** The citizen's own appointment, still open to changes. */
  const modificabileDi = (citizen: Citizen, praticaId: string, meetingId: string) => {
    const p = deps.pratiche.get(praticaId, citizen.card.codiceFiscale);
    if (!p) throw new DomainError('pratica-sconosciuta', 'Pratica non trovata.');
    const appuntamento = deps.remote.get(praticaId)?.appuntamenti.find((a) => a.id === meetingId);
    if (!appuntamento) throw new DomainError('appuntamento-sconosciuto', 'Appuntamento non trovato in questa pratica.');
    const now = deps.clock.now();
    if (!modificabile(appuntamento, now, richieste)) {
      throw new DomainError('appuntamento-non-annullabile', "Questo appuntamento non si può più cambiare da qui: è passato, già annullato o non confermato dall'ufficio.");
    }
    return { p, now };
  };
  const announce = (praticaId: string) => deps.events?.emit('outbox.accodata', { praticaId });
  return {
    annulla(citizen: Citizen, praticaId: string, meetingId: string): void {
      const { p, now } = modificabileDi(citizen, praticaId, meetingId);
      deps.outbox.enqueueCancellation(praticaId, p.tenantSlug, meetingId, now.toISOString());
      announce(praticaId);
    },
    /** The portal takes Rome's wall clock as it lists it (MeetingsAPIController reads `Y-m-d\TH:i` without an offset so). */
    sposta(citizen: Citizen, praticaId: string, meetingId: string, orario: NuovoOrario): void {
      const { p, now } = modificabileDi(citizen, praticaId, meetingId);
      deps.outbox.enqueueMove(praticaId, p.tenantSlug, meetingId, { fromTime: `${orario.giorno}T${orario.inizio}`, toTime: `${orario.giorno}T${orario.fine}`, openingHour: orario.openingHour }, now.toISOString());
      announce(praticaId);
    },
  };
}

export type Appuntamenti = ReturnType<typeof createAppuntamenti>;
