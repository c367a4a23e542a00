/**
 * Brings the portal's view of each sent, not yet final pratica home: status, history with
 * timestamps (Model/Transition.php: `status_code`), protocol number, outcome and outcome files
 * (bytes stored once by SHA-256 in `<dataDir>/esiti`); each new portal event becomes the
 * pratica's status and history entry. One pratica the portal cannot answer for (gone, refused,
 * malformed) is logged and tried again next time; the others go on. Only the portal being
 * down, or the account being refused, stops the pull.
 */
import type { BlobStore } from '../store/blob-store';
import type { Logger } from '../log/logger';
import type { PraticheRepo } from '../store/pratiche-repo';
import type { OutcomeFile, RemotePratica, RemoteRepo, RemoteSnapshot } from '../store/remote-repo';
import type { PortalClient } from './portal-port';
import { PortalError } from './portal-error';
import type { Application } from './portal-schemas';
import { STATUS_SUBMITTED } from '../store/outbox-payload';
import type { MessaggiRepo } from '../store/messaggi-repo';
import { pullMessages } from './message-pull';
import { mimeTypeOf } from './portal-files';
import { verdictOf } from './outcome-verdict';
import { pullPayment } from './payment-pull';
import { pullMeetings } from './meeting-pull';
import type { X509Certificate } from 'node:crypto';

/** Accepted, rejected, withdrawn, revoked: nothing follows them (Entity/Pratica.php). */
export const FINAL_STATUSES: ReadonlySet<number> = new Set([7000, 9000, 20000, 50000]);
/** Pratica::STATUS_REQUEST_INTEGRATION: its history entry names the request's message. */
const STATUS_INTEGRATION_REQUESTED = 4100;

export interface StatusPullDeps {
  portal: PortalClient;
  remote: RemoteRepo;
  pratiche: PraticheRepo;
  /** Where outcome files, and the files of the comune's messages, are kept (store/blob-store.ts). */
  esiti: BlobStore;
  messaggi: MessaggiRepo;
  /** The CAs a signed outcome file is judged with (pki/fiducia.ts). */
  fidati: () => readonly X509Certificate[];
  /** Told when a pratica changed: its status, or the comune's messages arrived. */
  onChange?: (praticaId: string) => void;
  now: () => Date;
  /** A pratica checked less than this ago is left for a later cycle. */
  recheckMs: number;
  /** At home, the citizen the portal knows us as: only their pratiche are asked about. */
  citizenCf?: string | null;
  log: Logger;
}

async function outcomeFiles(deps: StatusPullDeps, app: Application, known: OutcomeFile[]): Promise<OutcomeFile[]> {
  const files = [app.outcome_file, ...(app.outcome_attachments ?? [])].filter((f) => f != null);
  const out: OutcomeFile[] = [];
  for (const f of files) {
    const already = known.find((k) => k.id === f.id);
    if (already && deps.esiti.has(already.sha256) && already.firma !== undefined) {
      out.push(already);
      continue;
    }
    const { bytes, mimeType } = await deps.portal.downloadFile(app.id, f.id);
    const sha256 = deps.esiti.put(bytes);
    const name = f.originalName ?? f.name ?? 'esito';
    const type = mimeTypeOf(name, mimeType);
    out.push({ id: f.id, name, mimeType: type, sha256, size: bytes.length, firma: verdictOf(bytes, name, type, deps.fidati, deps.now()) });
  }
  return out;
}

/** Checks up to `limit` open pratiche; returns how many changed status. */
export async function pullStatuses(deps: StatusPullDeps, limit = 50): Promise<number> {
  let changed = 0;
  const checkedBefore = new Date(deps.now().getTime() - deps.recheckMs).toISOString();
  for (const local of deps.remote.open(limit, checkedBefore, deps.citizenCf ?? null)) {
    try {
      if (await pullOne(deps, local)) changed++;
    } catch (error) {
      if (error instanceof PortalError && (error.kind === 'transient' || error.kind === 'account')) throw error;
      deps.log.warn('stato di una pratica non aggiornato', { praticaId: local.praticaId, remoteId: local.remoteId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (changed > 0) deps.log.info('stato delle pratiche aggiornato dal portale', { cambiate: changed });
  return changed;
}

async function pullOne(deps: StatusPullDeps, local: RemotePratica): Promise<boolean> {
  const app = await deps.portal.getApplication(local.remoteId);
  const history = await deps.portal.getHistory(local.remoteId);
  const snapshot: RemoteSnapshot = {
    status: app.status,
    protocolNumber: app.protocol_number ?? null,
    protocolFolderNumber: app.protocol_folder_number ?? null,
    protocolledAt: app.protocolled_at ?? null,
    outcome: app.outcome ?? null,
    outcomeMotivation: app.outcome_motivation ?? null,
    history: history.map((h) => ({ status: h.status_code, at: new Date(h.date).toISOString(), message: h.message ?? null })),
    outcomeFiles: await outcomeFiles(deps, app, local.outcomeFiles),
    pagamento: await pullPayment(deps.portal, app, local.pagamento),
    appuntamenti: await pullMeetings(deps.portal, app),
    final: FINAL_STATUSES.has(app.status),
  };
  // Messages first: a pratica shown "Da integrare" already has the request to read.
  const requests = new Set(history.filter((h) => h.status_code === STATUS_INTEGRATION_REQUESTED && h.message_id).map((h) => h.message_id!));
  const arrived = await pullMessages({ portal: deps.portal, messaggi: deps.messaggi, esiti: deps.esiti }, local, requests);
  deps.remote.record(local.praticaId, snapshot, deps.now().toISOString(), (e) => {
    // 1900 (Inviata) is already in the pratica's history: the submit wrote it.
    if (e.status !== STATUS_SUBMITTED) deps.pratiche.recordStatus(local.praticaId, e.status, e.at, e.message);
  });
  const changed = snapshot.status !== local.status;
  const movedOn = JSON.stringify([snapshot.pagamento, snapshot.appuntamenti]) !== JSON.stringify([local.pagamento, local.appuntamenti]);
  if (changed || movedOn || arrived > 0) deps.onChange?.(local.praticaId);
  return changed;
}
