/**
 * Forgetting a citizen on this device: one place that knows every table and file holding
 * someone's data, used by retention at home (a pratica final for long enough) and on a kiosk
 * (a citizen whose card is out and whose submissions have reached the portal).
 *
 * A sent pratica keeps its row (id, service, status: what sync still needs to pull its
 * status) with the personal parts emptied; its links, signed module, queued payload and
 * history messages (they can name a file) go. Attachment bytes and their `blobs` row go once
 * nothing refers to them any more: a library entry, a signed module, a payload still queued.
 * Files are removed by the caller after the commit (the attachment file store's `remove`).
 */
import { guard, type Db } from './database';

/** How the owner of an emptied pratica kept under a pseudonym begins (pratiche/pseudonimo.ts). */
export const PREFISSO_PSEUDONIMO = 'pseudonimo:';

/** The status of a pratica still being filled in (Pratica::STATUS_DRAFT on the portal). */
const DRAFT = 1000;

export interface ForgetReport {
  /** Sent pratiche whose personal data was emptied. */
  pratiche: number;
  /** Drafts deleted because they were older than the limit. */
  bozzeScadute: number;
  /** Contents no longer referenced by anything: their files are to be removed. */
  blobs: string[];
  /** Files of the comune's messages (`<dataDir>/esiti`) on the emptied pratiche: to be removed. */
  esiti: string[];
  /** False when there was nothing to forget (a citizen with only drafts, as before). */
  changed: boolean;
}

export function createOblioRepo(db: Db) {
  const s = {
    citizens: db
      .prepare(
        `SELECT citizen_cf FROM pratiche WHERE citizen_cf <> '' AND citizen_cf NOT LIKE '${PREFISSO_PSEUDONIMO}%' UNION SELECT citizen_cf FROM allegati
         UNION SELECT citizen_cf FROM profiles UNION SELECT citizen_cf FROM terms_acceptances`,
      )
      .pluck(),
    // Submitted and not yet on the portal (or parked, waiting for someone to retry): the data is still needed.
    waiting: db
      .prepare(`SELECT 1 FROM outbox o JOIN pratiche p ON p.id = o.pratica_id WHERE p.citizen_cf = ? AND o.state IN ('pending', 'parked') LIMIT 1`)
      .pluck(),
    sent: db.prepare(`SELECT id FROM pratiche WHERE citizen_cf = ? AND status <> ${DRAFT}`).pluck(),
    expiredDrafts: db.prepare(`SELECT id FROM pratiche WHERE citizen_cf = ? AND status = ${DRAFT} AND updated_at < ?`).pluck(),
    deletePratica: db.prepare('DELETE FROM pratiche WHERE id = ?'),
    // A document's own content and, on a kiosk, the sealed file that stands for it (migration 015).
    linkedShas: db
      .prepare(`SELECT f.value FROM pratica_allegati pa JOIN allegati a ON a.id = pa.allegato_id, json_each(json_array(a.sha256, a.sealed_sha256)) f
        WHERE pa.pratica_id = ? AND f.value IS NOT NULL`)
      .pluck(),
    moduleShas: db.prepare('SELECT pdf_sha256, p7m_sha256 FROM moduli_firmati WHERE pratica_id = ?'),
    emptyPratica: db.prepare(`UPDATE pratiche SET data = '{}', note = '', description = '', citizen_cf = @owner, updated_at = @at WHERE id = @id`),
    emptyHistory: db.prepare('UPDATE pratiche_history SET message = NULL WHERE pratica_id = ?'),
    unlink: db.prepare('DELETE FROM pratica_allegati WHERE pratica_id = ?'),
    emptyPayload: db.prepare(`UPDATE outbox SET payload = '{"purged":true}' WHERE pratica_id = ?`),
    // The signed module shows the citizen's data: its record goes with them (migration 010).
    deleteModule: db.prepare('DELETE FROM moduli_firmati WHERE pratica_id = ?'),
    unusedLibrary: db
      .prepare(`SELECT f.value FROM allegati a, json_each(json_array(a.sha256, a.sealed_sha256)) f
        WHERE a.citizen_cf = ? AND a.id NOT IN (SELECT allegato_id FROM pratica_allegati) AND f.value IS NOT NULL`)
      .pluck(),
    deleteLibrary: db.prepare('DELETE FROM allegati WHERE citizen_cf = ? AND id NOT IN (SELECT allegato_id FROM pratica_allegati)'),
    deleteProfile: db.prepare('DELETE FROM profiles WHERE citizen_cf = ?'),
    deleteTerms: db.prepare('DELETE FROM terms_acceptances WHERE citizen_cf = ?'),
    referenced: db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM allegati WHERE sha256 = @sha OR sealed_sha256 = @sha)
             OR EXISTS (SELECT 1 FROM moduli_firmati WHERE pdf_sha256 = @sha OR p7m_sha256 = @sha)
             OR EXISTS (SELECT 1 FROM messaggi_allegati WHERE sha256 = @sha)
             OR EXISTS (SELECT 1 FROM outbox o, json_each(o.payload, '$.attachments') f
                        WHERE o.state IN ('pending', 'parked') AND json_extract(f.value, '$.sha256') = @sha)`,
      )
      .pluck(),
    deleteBlob: db.prepare('DELETE FROM blobs WHERE sha256 = ?'),
    messageFiles: db.prepare('SELECT a.sha256, m.da FROM messaggi_allegati a JOIN messaggi m ON m.id = a.messaggio_id WHERE m.pratica_id = ?'),
    emptyMessages: db.prepare(`UPDATE messaggi SET testo = '', svuotato_il = coalesce(svuotato_il, @at) WHERE pratica_id = @id`),
    deleteMessageFiles: db.prepare('DELETE FROM messaggi_allegati WHERE messaggio_id IN (SELECT id FROM messaggi WHERE pratica_id = ?)'),
  };

  /** The contents a pratica refers to (before its links and module go). */
  const contentsOf = (praticaId: string): string[] => {
    const module = s.moduleShas.get(praticaId) as { pdf_sha256: string; p7m_sha256: string } | undefined;
    return [...(s.linkedShas.all(praticaId) as string[]), ...(module ? [module.pdf_sha256, module.p7m_sha256] : [])];
  };

  /**
   * `owner`: who the emptied row belongs to from now on: nobody (''), or the citizen's pseudonym.
   * Messages keep their rows (so the pull does not bring them back) without text or files.
   */
  const emptySent = (praticaId: string, at: string, owner = ''): { contents: string[]; esiti: string[] } => {
    const files = s.messageFiles.all(praticaId) as { sha256: string; da: 'comune' | 'cittadino' }[];
    s.deleteMessageFiles.run(praticaId);
    s.emptyMessages.run({ id: praticaId, at });
    const contents = [...contentsOf(praticaId), ...files.filter((f) => f.da === 'cittadino').map((f) => f.sha256)];
    s.emptyPratica.run({ id: praticaId, at, owner });
    s.emptyHistory.run(praticaId);
    s.unlink.run(praticaId);
    s.emptyPayload.run(praticaId);
    s.deleteModule.run(praticaId);
    return { contents, esiti: files.filter((f) => f.da === 'comune').map((f) => f.sha256) };
  };

  /** Of `candidates`, those nothing refers to any more; their `blobs` rows are deleted. */
  const release = (candidates: Iterable<string>): string[] => {
    const unused = [...new Set(candidates)].filter((sha) => s.referenced.get({ sha }) === 0);
    for (const sha of unused) s.deleteBlob.run(sha);
    return unused;
  };

  const forgetPratica = db.transaction((praticaId: string, at: string): { blobs: string[]; esiti: string[] } => {
    const { contents, esiti } = emptySent(praticaId, at);
    return { blobs: release(contents), esiti };
  });

  const forgetCitizen = db.transaction((cf: string, pseudonym: string, at: string, draftsUpdatedBefore: string | null): ForgetReport => {
    const candidates: string[] = [];
    const esiti: string[] = [];
    const sent = s.sent.all(cf) as string[];
    for (const id of sent) {
      const emptied = emptySent(id, at, pseudonym);
      candidates.push(...emptied.contents);
      esiti.push(...emptied.esiti);
    }
    const expired = draftsUpdatedBefore === null ? [] : (s.expiredDrafts.all(cf, draftsUpdatedBefore) as string[]);
    for (const id of expired) {
      candidates.push(...contentsOf(id));
      s.deletePratica.run(id);
    }
    candidates.push(...(s.unusedLibrary.all(cf) as string[]));
    const rows = s.deleteLibrary.run(cf).changes + s.deleteProfile.run(cf).changes + s.deleteTerms.run(cf).changes;
    const blobs = release(candidates);
    return { pratiche: sent.length, bozzeScadute: expired.length, blobs, esiti, changed: rows + sent.length + expired.length + blobs.length > 0 };
  });

  return {
    /** Citizens with data on this device, other than `present`, none of whose submissions waits to be sent. */
    departed: (present: string | null): string[] => (s.citizens.all() as string[]).filter((cf) => cf !== present && s.waiting.get(cf) === undefined),
    /**
     * Everything of `cf` except their drafts (and what the drafts use): sent pratiche emptied and
     * kept under `pseudonym`, library, profile, terms accepted deleted; drafts last changed
     * before `draftsUpdatedBefore` deleted.
     */
    forgetCitizen: (cf: string, pseudonym: string, at: string, draftsUpdatedBefore: string | null): ForgetReport =>
      guard(() => forgetCitizen(cf, pseudonym, at, draftsUpdatedBefore)),
    /**
     * After forgetting: the WAL still holds the pages as they were, until a checkpoint copies
     * them back and the file is truncated (best effort: a reader in the middle keeps it for now).
     */
    flush: (): void => void guard(() => db.pragma('wal_checkpoint(TRUNCATE)')),
    /** One sent pratica's personal data (retention); returns the contents to remove, of each store. */
    forgetPratica: (praticaId: string, at: string): { blobs: string[]; esiti: string[] } => guard(() => forgetPratica(praticaId, at)),
  };
}

export type OblioRepo = ReturnType<typeof createOblioRepo>;
