/**
 * What the portal says about sent pratiche (table `remote_pratiche`, migration 102), the retention purge
 * of personal data, and the "catalogue changed" flag on open drafts (migration 103).
 */
import { guard, type Db } from './database';
import { createOblioRepo } from './oblio-repo';

export interface RemoteEvent {
  status: number;
  at: string;
  message: string | null;
}

/** A signed outcome file's verdict, as it was judged when it arrived (documents/cades/verifica.ts). */
export interface VerdettoFirma {
  valida: boolean;
  /** Why no signer could be judged (not a readable .p7m); null when each signer has a verdict. */
  errore: string | null;
  firmatari: { nome: string; codiceFiscale: string | null; firmatoIl: string | null; esito: string; messaggio: string }[];
  verificatoIl: string;
}

export interface OutcomeFile {
  id: string;
  name: string;
  mimeType: string;
  sha256: string;
  size: number;
  /** Null for a file that is not a signed envelope; absent on files stored before verdicts were kept. */
  firma?: VerdettoFirma | null;
}

/** The pagoPA payment the portal asks for (migration 106), as its payment stack describes it. */
export interface Pagamento {
  /** The stack's state: PAYMENT_PENDING, PAYMENT_STARTED, COMPLETE, PAYMENT_FAILED, EXPIRED... */
  stato: string;
  importoCentesimi: number | null;
  causale: string | null;
  /** The 18-digit codice avviso, with which the citizen pays anywhere pagoPA is accepted. */
  codiceAvviso: string | null;
  iuv: string | null;
  scadenza: string | null;
  pagatoIl: string | null;
  /** Where to pay online and where the notice and the receipt are (the portal's gateway). */
  linkOnline: string | null;
  linkAvviso: string | null;
  linkRicevuta: string | null;
}

/** An appointment booked from the pratica (migration 107): the portal's meeting, status 0 pending .. 6 draft. */
export interface Appuntamento {
  id: string;
  stato: number;
  dal: string;
  al: string;
  ufficio: string | null;
  luogo: string | null;
  motivazione: string | null;
  /** The calendar it is in: where another slot is looked for to move it (absent on appointments read before). */
  calendarId?: string | null;
}

export interface RemoteSnapshot {
  status: number;
  protocolNumber: string | null;
  protocolFolderNumber: string | null;
  protocolledAt: string | null;
  outcome: boolean | null;
  outcomeMotivation: string | null;
  history: RemoteEvent[];
  outcomeFiles: OutcomeFile[];
  pagamento: Pagamento | null;
  appuntamenti: Appuntamento[];
  final: boolean;
}

export interface RemotePratica extends RemoteSnapshot {
  praticaId: string;
  remoteId: string;
  checkedAt: string;
  finalAt: string | null;
  purgedAt: string | null;
}

interface Row {
  pratica_id: string;
  remote_id: string;
  status: number;
  protocol_number: string | null;
  protocol_folder_number: string | null;
  protocolled_at: string | null;
  outcome: number | null;
  outcome_motivation: string | null;
  history: string;
  outcome_files: string;
  payment: string | null;
  meetings: string;
  checked_at: string;
  final_at: string | null;
  purged_at: string | null;
}

const toRemote = (r: Row): RemotePratica => ({
  praticaId: r.pratica_id,
  remoteId: r.remote_id,
  status: r.status,
  protocolNumber: r.protocol_number,
  protocolFolderNumber: r.protocol_folder_number,
  protocolledAt: r.protocolled_at,
  outcome: r.outcome === null ? null : r.outcome === 1,
  outcomeMotivation: r.outcome_motivation,
  history: JSON.parse(r.history) as RemoteEvent[],
  outcomeFiles: JSON.parse(r.outcome_files) as OutcomeFile[],
  pagamento: r.payment === null ? null : (JSON.parse(r.payment) as Pagamento),
  appuntamenti: JSON.parse(r.meetings) as Appuntamento[],
  checkedAt: r.checked_at,
  final: r.final_at !== null,
  finalAt: r.final_at,
  purgedAt: r.purged_at,
});

export function createRemoteRepo(db: Db) {
  const s = {
    get: db.prepare('SELECT * FROM remote_pratiche WHERE pratica_id = ?'),
    open: db.prepare(
      `SELECT * FROM remote_pratiche WHERE final_at IS NULL AND checked_at <= @before
         AND (@cf IS NULL OR pratica_id IN (SELECT id FROM pratiche WHERE citizen_cf = @cf))
       ORDER BY checked_at LIMIT @limit`,
    ),
    update: db.prepare(
      `UPDATE remote_pratiche SET status = @status, protocol_number = @protocolNumber, protocol_folder_number = @protocolFolderNumber,
         protocolled_at = @protocolledAt, outcome = @outcome, outcome_motivation = @outcomeMotivation, history = @history,
         outcome_files = @outcomeFiles, payment = @payment, meetings = @meetings, checked_at = @at, final_at = CASE WHEN @final = 1 THEN coalesce(final_at, @at) ELSE NULL END
       WHERE pratica_id = @praticaId`,
    ),
    previousHistory: db.prepare('SELECT history FROM remote_pratiche WHERE pratica_id = ?').pluck(),
    dueForPurge: db.prepare('SELECT pratica_id FROM remote_pratiche WHERE final_at IS NOT NULL AND final_at <= ? AND purged_at IS NULL').pluck(),
    // The payment's causale names the citizen (`<id> - <codice fiscale>`): it goes too.
    purgeRemote: db.prepare(`UPDATE remote_pratiche SET outcome_files = '[]', outcome_motivation = NULL, payment = NULL, meetings = '[]', purged_at = ? WHERE pratica_id = ?`),
    flagDrafts: db.prepare(
      `UPDATE pratiche SET catalogue_changed_at = ? WHERE tenant_slug = ? AND service_id = ? AND status = 1000 AND catalogue_changed_at IS NULL`,
    ),
    flagged: db.prepare('SELECT catalogue_changed_at FROM pratiche WHERE id = ?').pluck(),
  };

  /**
   * Stores the snapshot and hands each event the portal added since the last one (its history
   * only grows) to `applyEvent`, inside the same transaction, so the pratica's own status and
   * history (pratiche-repo#recordStatus) can never miss or repeat an event across a crash.
   */
  const record = db.transaction((praticaId: string, snap: RemoteSnapshot, at: string, applyEvent: (e: RemoteEvent) => void) => {
    const before = JSON.parse((s.previousHistory.get(praticaId) as string | undefined) ?? '[]') as RemoteEvent[];
    s.update.run({
      praticaId,
      status: snap.status,
      protocolNumber: snap.protocolNumber,
      protocolFolderNumber: snap.protocolFolderNumber,
      protocolledAt: snap.protocolledAt,
      outcome: snap.outcome === null ? null : snap.outcome ? 1 : 0,
      outcomeMotivation: snap.outcomeMotivation,
      history: JSON.stringify(snap.history),
      outcomeFiles: JSON.stringify(snap.outcomeFiles),
      payment: snap.pagamento === null ? null : JSON.stringify(snap.pagamento),
      meetings: JSON.stringify(snap.appuntamenti),
      final: snap.final ? 1 : 0,
      at,
    });
    for (const e of snap.history.slice(before.length)) applyEvent(e);
  });

  const oblio = createOblioRepo(db);
  const purge = db.transaction((praticaId: string, at: string): { blobs: string[]; esiti: string[] } => {
    const released = oblio.forgetPratica(praticaId, at);
    s.purgeRemote.run(at, praticaId);
    return released;
  });

  return {
    get(praticaId: string): RemotePratica | undefined {
      const row = s.get.get(praticaId) as Row | undefined;
      return row ? toRemote(row) : undefined;
    },
    /**
     * Pratiche not final, least recently checked first; `checkedBefore` leaves out those checked
     * since, `citizenCf` (at home) those of other citizens.
     */
    open: (limit: number, checkedBefore = '9999-12-31T23:59:59.999Z', citizenCf: string | null = null): RemotePratica[] =>
      (s.open.all({ limit, before: checkedBefore, cf: citizenCf }) as Row[]).map(toRemote),
    record: (praticaId: string, snapshot: RemoteSnapshot, at: string, applyEvent: (e: RemoteEvent) => void): void =>
      guard(() => record(praticaId, snapshot, at, applyEvent)),
    /** Final pratiche whose retention period (counted from reaching the final status) is over. */
    dueForPurge: (finalBefore: string): string[] => s.dueForPurge.all(finalBefore) as string[],
    /**
     * Removes the pratica's personal data from this device (oblio-repo.ts); the portal keeps it.
     * Returns the contents nothing refers to any more, whose files the caller removes.
     */
    purge: (praticaId: string, at: string): { blobs: string[]; esiti: string[] } => guard(() => purge(praticaId, at)),
    /** Flags the open drafts of a service the comune changed; returns how many. */
    flagChangedDrafts: (tenantSlug: string, serviceId: string, at: string): number => guard(() => s.flagDrafts.run(at, tenantSlug, serviceId).changes),
    catalogueChangedAt: (praticaId: string): string | null => (s.flagged.get(praticaId) as string | null | undefined) ?? null,
  };
}

export type RemoteRepo = ReturnType<typeof createRemoteRepo>;
