/**
 * Status changes as src/Services/PraticaStatusService.php makes them, with what follows each one:
 * - `validateChangeStatus` (241-260): the same status is always allowed, otherwise only the pairs
 *   of `validChangeStatusList` (92-168); a refusal is an exception worded as
 *   `errori.pratica.change_status` (translations/messages.it.yml:1069), with the statuses' Italian
 *   labels (`STATUS_*`, messages.it.yml:709-735);
 * - `setNewStatus`: the change and one history entry (Pratica::setStatus), then the listeners:
 *   src/EventListener/ProtocollaPraticaListener.php (37-128). A service without protocol moves
 *   4100 -> 4200 at once, and 4300 or 4400 -> 4000 marking the active request done; a service with
 *   protocol is handled as by an external protocol handler (the `register-*` transitions drive
 *   it): 4400 -> 4000 marking the request done, 4100 and 4300 wait.
 * StatusMessagePraticaListener's automatic messages are not reproduced (see README).
 */
import { changeStatus, findApplication, type ApplicationRow } from './applications-model';
import type { PortalContext } from './context';

/** PraticaStatusService::$validChangeStatusList, as [before, after]. */
const VALID_CHANGES: readonly (readonly [number, number])[] = [
  [1000, 1900], [1900, 2000], [1000, 1500],
  [1500, 1510], [1500, 1520], [1500, 1530], [1510, 1520], [1510, 1530], [1520, 1900], [1520, 6000], [1520, 7000],
  [2000, 3000], [2000, 4000],
  [3000, 4000], [4000, 4000], [4000, 4100],
  [4100, 4200], [4200, 4300],
  [4300, 4400], [4300, 4500], [4300, 4000], [4400, 4500], [4400, 4000],
  [4500, 4000], [4500, 4100], [4500, 7000], [4500, 9000], [4500, 6000], [4500, 8000],
  [4000, 1500], [4000, 7000], [4000, 9000], [4000, 6000], [4000, 8000], [6000, 7000], [8000, 9000],
  [9000, 9000],
  [1900, 20000], [2000, 20000], [3000, 20000], [4000, 20000], [4100, 20000], [4200, 20000], [4400, 20000],
  [9000, 4000], [7000, 4000], [20000, 4000],
];

/** The `STATUS_*` labels of translations/messages.it.yml (709-735), keyed by code. */
const LABELS_IT: Record<number, string> = {
  1000: 'Bozza', 1500: 'In attesa di pagamento', 1510: "In attesa dell'esito di pagamento", 1520: 'Pagamento avvenuto con successo',
  1530: 'Pagamento rifiutato', 1900: 'Inviata', 2000: 'Acquisita', 3000: 'Protocollata', 4000: 'In carico', 4100: 'Richiesta integrazioni',
  4200: 'In attesa di integrazioni', 4300: 'Integrazioni in attesa di protocollazione', 4400: 'Integrazioni protocollate',
  4500: 'Presa in carico in seguito a integrazioni', 5000: 'In elaborazione',
  6000: 'Accettata (in attesa di protocollazione del documento di esito)', 7000: 'Accettata',
  8000: 'Rifiutata (in attesa di protocollazione del documento di esito)', 9000: 'Rifiutata', 20000: 'Ritirata', 50000: 'Annullata',
};

/** An exception inside a transition's `try`: the controller answers 400 with its message (or a generic one). */
export class TransitionError extends Error {}

export const needsProtocol = (ctx: PortalContext, row: ApplicationRow): boolean => ctx.catalogue.services.get(row.service_id)?.protocol_required === true;

export function validateChangeStatus(ctx: PortalContext, row: ApplicationRow, to: number): void {
  if (row.status === to || VALID_CHANGES.some(([b, a]) => b === row.status && a === to)) return;
  const service = ctx.catalogue.services.get(row.service_id)?.name ?? '';
  throw new TransitionError(
    `Modifica stato della pratica da <b>${LABELS_IT[row.status] ?? ''}</b> a <b>${LABELS_IT[to] ?? ''}</b> per la pratica del servizio ${service} con ID ${row.id}`,
  );
}

/** RichiestaIntegrazione::markAsDone on the application's active (pending) request. */
function markActiveRequestDone(ctx: PortalContext, applicationId: string): void {
  ctx.db.prepare('UPDATE integration_requests SET status = 2000 WHERE application_id = ? AND status = 1000').run(applicationId);
}

export interface StatusChange {
  message?: string | null;
  messageId?: string | null;
  /** Columns of the application set with the change. */
  extra?: Record<string, string | number | null>;
}

/** PraticaStatusService::setNewStatus, then ProtocollaPraticaListener::onStatusChange. In the caller's transaction. */
export function setNewStatus(ctx: PortalContext, applicationId: string, to: number, change: StatusChange = {}): void {
  const row = findApplication(ctx, applicationId);
  validateChangeStatus(ctx, row, to);
  changeStatus(ctx, applicationId, to, change.message ?? null, change.extra ?? {}, change.messageId ?? null);
  if (needsProtocol(ctx, row)) {
    if (to === 4400) {
      markActiveRequestDone(ctx, applicationId);
      setNewStatus(ctx, applicationId, 4000);
    }
    return;
  }
  if (to === 4100) setNewStatus(ctx, applicationId, 4200);
  else if (to === 4300 || to === 4400) {
    markActiveRequestDone(ctx, applicationId);
    setNewStatus(ctx, applicationId, 4000);
  }
}
