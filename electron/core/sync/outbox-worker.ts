/**
 * Drains the outbox: due items are sent a few at a time; a transient failure reschedules the
 * item with exponential backoff and jitter (or the portal's Retry-After), a permanent one parks
 * it with its error so the rest of the queue keeps moving.
 */
import type { Logger } from '../log/logger';
import { LeaseLost, type OutboxItem } from '../store/outbox-repo';
import { asPortalError, PortalError } from './portal-error';
import { delayAfter, type BackoffPolicy } from './retry';
import { leaseEnd, sendItem, type SenderDeps } from './outbox-sender';
import { sendMessageItem, type MessageSenderDeps } from './message-sender';
import { sendReadReceipt } from './read-receipt';

export interface WorkerOptions extends SenderDeps, MessageSenderDeps {
  log: Logger;
  concurrency: number;
  itemBackoff: BackoffPolicy;
  /** At home, the citizen the portal knows us as: only their items leave (sync/accesso-carta.ts). */
  citizenCf?: string | null;
}

export interface DrainReport {
  sent: number;
  rescheduled: number;
  parked: number;
  /** False when the last failure was the portal being unreachable or failing. */
  online: boolean;
  /** Pratiche whose conversation changed: a citizen's message reached the portal, or was refused by it. */
  conversations: Set<string>;
}

/** A citizen's message: sent once, like a pratica (message-sender.ts). */
async function attemptMessage(o: WorkerOptions, item: OutboxItem, report: DrainReport): Promise<void> {
  const result = await sendMessageItem(o, item);
  if (result.kind === 'wait') {
    o.outbox.scheduleRetry(item, new Date(result.untilMs).toISOString(), "esito dell'invio del messaggio da verificare");
    report.rescheduled++;
    return;
  }
  report.sent++;
  report.online = true;
  report.conversations.add(item.praticaId);
  o.log.info('messaggio inviato al portale', { praticaId: item.praticaId, remoteId: result.remoteId, trovatoDopoInterruzione: result.found });
}

/**
 * A change to an appointment: cancelled (`PATCH {status: 5}`) or moved to a slot (`PATCH` with it). The
 * portal answers the same when the meeting already is so, so a retry is harmless; a slot taken meanwhile
 * is refused (parked, and the citizen is told).
 */
async function attemptMeetingChange(o: WorkerOptions, item: OutboxItem, report: DrainReport): Promise<void> {
  const p = item.payload as { meetingId?: unknown; fromTime?: unknown; toTime?: unknown; openingHour?: unknown };
  if (typeof p.meetingId !== 'string') throw new PortalError('permanent', 'modifica di appuntamento in coda non valida', null);
  if (item.kind === 'appuntamento.annulla') {
    await o.portal.cancelMeeting(p.meetingId);
  } else {
    if (typeof p.fromTime !== 'string' || typeof p.toTime !== 'string' || typeof p.openingHour !== 'string') throw new PortalError('permanent', 'spostamento in coda non valido', null);
    await o.portal.moveMeeting(p.meetingId, { fromTime: p.fromTime, toTime: p.toTime, openingHour: p.openingHour });
  }
  o.outbox.markDelivered(item, `${item.kind}:${p.meetingId}:${item.outboxId}`, o.now().toISOString(), () => undefined);
  report.sent++;
  report.online = true;
  report.conversations.add(item.praticaId);
  o.log.info('appuntamento cambiato sul portale', { praticaId: item.praticaId, meetingId: p.meetingId, cambio: item.kind });
}

/** The citizen read a message of the comune: the portal is told (read-receipt.ts); repeating it changes nothing. */
async function attemptReadReceipt(o: WorkerOptions, item: OutboxItem, report: DrainReport): Promise<void> {
  const { messageId } = await sendReadReceipt(o, item);
  o.outbox.markDelivered(item, messageId, o.now().toISOString(), () => undefined);
  report.sent++;
  report.online = true;
  o.log.info('lettura del messaggio comunicata al portale', { praticaId: item.praticaId, remoteId: messageId });
}

async function attempt(o: WorkerOptions, item: OutboxItem, report: DrainReport): Promise<void> {
  try {
    if (item.kind === 'messaggio.invia') return await attemptMessage(o, item, report);
    if (item.kind === 'messaggio.letto') return await attemptReadReceipt(o, item, report);
    if (item.kind === 'appuntamento.annulla' || item.kind === 'appuntamento.sposta') return await attemptMeetingChange(o, item, report);
    const result = await sendItem(o, item);
    if (result.kind === 'wait') {
      o.outbox.scheduleRetry(item, new Date(result.untilMs).toISOString(), 'esito della creazione da verificare');
      report.rescheduled++;
      return;
    }
    report.sent++;
    report.online = true;
    o.log.info('pratica inviata al portale', { praticaId: item.praticaId, remoteId: result.remoteId, trovataDopoInterruzione: result.found });
    if (result.missingAttachments.length > 0) {
      o.log.warn('il portale non ha collegato tutti gli allegati della pratica', { praticaId: item.praticaId, remoteId: result.remoteId, mancanti: result.missingAttachments });
    }
  } catch (error) {
    if (error instanceof LeaseLost) throw error;
    const failure = asPortalError(error, 'invio pratica');
    if (failure.kind === 'account') throw failure;
    if (failure.kind === 'permanent') {
      o.outbox.park(item, failure.message, o.now().toISOString());
      report.parked++;
      if (item.kind !== 'pratica.submit' && item.kind !== 'messaggio.letto') report.conversations.add(item.praticaId);
      o.log.warn('pratica sospesa: il portale la rifiuta', { praticaId: item.praticaId, error: failure.message });
      return;
    }
    const attempts = item.attempts + 1;
    let next = o.now().getTime() + delayAfter(failure, o.itemBackoff, attempts);
    // After a create that may have landed, do not look it up before it has settled.
    if (item.createStartedAt) next = Math.max(next, Date.parse(item.createStartedAt) + o.settleMs);
    o.outbox.scheduleRetry(item, new Date(next).toISOString(), failure.message);
    report.rescheduled++;
    if (failure.status === null || failure.status >= 500) report.online = false;
    o.log.info('invio rimandato', { praticaId: item.praticaId, tentativi: attempts, error: failure.message });
  }
}

async function processOne(o: WorkerOptions, item: OutboxItem, report: DrainReport): Promise<void> {
  try {
    await attempt(o, item, report);
  } catch (error) {
    if (!(error instanceof LeaseLost)) throw error;
    // Our lease ran out and another process took the item: it is theirs to finish, and nothing of ours was written.
    o.log.warn('pratica lasciata: presa in carico da un altro processo', { praticaId: item.praticaId });
  }
}

/**
 * Sends every item due now (items rescheduled during the pass wait for the next one). Lanes pull
 * from one shared queue, refilled by claiming from the database when empty, so none idles while
 * work is due; what is claimed and not handled (the pass stopped) is released.
 */
export async function drainOutbox(o: WorkerOptions): Promise<DrainReport> {
  const report: DrainReport = { sent: 0, rescheduled: 0, parked: 0, online: true, conversations: new Set() };
  const seen = new Set<number>();
  const queue: OutboxItem[] = [];
  const take = (): OutboxItem | undefined => {
    if (queue.length === 0) {
      // Past the items already handled in this pass (some may be due again).
      const fresh = o.outbox.claim(o.now().toISOString(), leaseEnd(o), o.concurrency * 4, [...seen], o.citizenCf ?? null);
      fresh.forEach((i) => seen.add(i.outboxId));
      queue.push(...fresh);
    }
    return queue.shift();
  };
  let stopped: unknown = null;
  const lane = async () => {
    for (let item = take(); item && stopped === null; item = take()) {
      try {
        await processOne(o, item, report);
      } catch (error) {
        stopped = error;
      }
    }
  };
  // Lanes stop together on an account failure, so no request outlives the pass.
  await Promise.all(Array.from({ length: o.concurrency }, lane));
  queue.forEach((item) => o.outbox.release(item));
  if (stopped !== null) throw stopped;
  return report;
}
