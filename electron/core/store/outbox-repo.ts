/**
 * Sync's view of the outbox (table `outbox`, written by a pratica's submit; see README.md)
 * and of its own sending state (`outbox_sending`, `outbox_uploads`, migration 101).
 * `state` moves pending -> sent, or pending -> parked (a poison item, visible with its error)
 * and back to pending when someone asks to retry it.
 */
import { guard, type Db } from './database';

export interface OutboxItem {
  outboxId: number;
  praticaId: string;
  tenantSlug: string;
  /** The submit's payload as stored (JSON, checked by sync at its boundary). */
  payload: unknown;
  attempts: number;
  /** Set once a create may have reached the portal: look it up before creating again. */
  createStartedAt: string | null;
  /** Finalised uploads by file key. */
  uploads: Map<string, string>;
  /** Finalised in this pass, not yet saved: saved with the next state change of the item. */
  unsaved: UploadRecord[];
}

export interface UploadRecord {
  fileKey: string;
  uploadId: string;
  sha256: string;
}

export interface ParkedItem {
  praticaId: string;
  error: string;
  parkedAt: string;
}

interface Row {
  id: number;
  pratica_id: string;
  tenant_slug: string;
  payload: string;
  attempts: number;
  create_started_at: string | null;
}

export function createOutboxRepo(db: Db) {
  const s = {
    due: db.prepare(
      `SELECT o.id, o.pratica_id, o.tenant_slug, o.payload, o.attempts, s.create_started_at
       FROM outbox o LEFT JOIN outbox_sending s ON s.outbox_id = o.id
       WHERE o.state = 'pending' AND o.kind = 'pratica.submit' AND (s.next_attempt_at IS NULL OR s.next_attempt_at <= ?)
       ORDER BY o.id LIMIT ?`,
    ),
    uploads: db.prepare('SELECT file_key, upload_id FROM outbox_uploads WHERE outbox_id = ?'),
    recordUpload: db.prepare(
      `INSERT INTO outbox_uploads (outbox_id, file_key, upload_id, sha256) VALUES (?, ?, ?, ?)
       ON CONFLICT (outbox_id, file_key) DO UPDATE SET upload_id = excluded.upload_id, sha256 = excluded.sha256`,
    ),
    createStarted: db.prepare(
      `INSERT INTO outbox_sending (outbox_id, next_attempt_at, create_started_at) VALUES (?, ?, ?)
       ON CONFLICT (outbox_id) DO UPDATE SET create_started_at = coalesce(create_started_at, excluded.create_started_at)`,
    ),
    sent: db.prepare(`UPDATE outbox SET state = 'sent', last_error = NULL WHERE id = ?`),
    sendingSent: db.prepare(
      `INSERT INTO outbox_sending (outbox_id, next_attempt_at, remote_id, sent_at) VALUES (@id, @at, @remoteId, @at)
       ON CONFLICT (outbox_id) DO UPDATE SET remote_id = excluded.remote_id, sent_at = excluded.sent_at`,
    ),
    remote: db.prepare(
      `INSERT INTO remote_pratiche (pratica_id, remote_id, status, checked_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (pratica_id) DO NOTHING`,
    ),
    retry: db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?'),
    retryAt: db.prepare(
      `INSERT INTO outbox_sending (outbox_id, next_attempt_at) VALUES (?, ?) ON CONFLICT (outbox_id) DO UPDATE SET next_attempt_at = excluded.next_attempt_at`,
    ),
    park: db.prepare(`UPDATE outbox SET state = 'parked', attempts = attempts + 1, last_error = ? WHERE id = ?`),
    parkAt: db.prepare(
      `INSERT INTO outbox_sending (outbox_id, next_attempt_at, parked_at) VALUES (?, ?, ?) ON CONFLICT (outbox_id) DO UPDATE SET parked_at = excluded.parked_at`,
    ),
    unpark: db.prepare(`UPDATE outbox SET state = 'pending' WHERE pratica_id = ? AND state = 'parked'`),
    unparkAt: db.prepare(
      `UPDATE outbox_sending SET parked_at = NULL, next_attempt_at = ? WHERE outbox_id IN (SELECT id FROM outbox WHERE pratica_id = ?)`,
    ),
    counts: db.prepare(`SELECT state, count(*) AS n FROM outbox WHERE state IN ('pending', 'parked') GROUP BY state`),
    parked: db.prepare(
      `SELECT o.pratica_id, o.last_error, s.parked_at FROM outbox o JOIN outbox_sending s ON s.outbox_id = o.id
       WHERE o.state = 'parked' ORDER BY s.parked_at`,
    ),
  };

  const toItem = (row: Row): OutboxItem => ({
    outboxId: row.id,
    praticaId: row.pratica_id,
    tenantSlug: row.tenant_slug,
    payload: JSON.parse(row.payload) as unknown,
    attempts: row.attempts,
    createStartedAt: row.create_started_at,
    uploads: new Map((s.uploads.all(row.id) as { file_key: string; upload_id: string }[]).map((u) => [u.file_key, u.upload_id])),
    unsaved: [],
  });

  const saveUploads = (item: OutboxItem): void => {
    for (const u of item.unsaved) s.recordUpload.run(item.outboxId, u.fileKey, u.uploadId, u.sha256);
    item.unsaved = [];
  };

  const markSent = db.transaction((item: OutboxItem, remoteId: string, status: number, at: string) => {
    s.sent.run(item.outboxId);
    s.sendingSent.run({ id: item.outboxId, at, remoteId });
    s.remote.run(item.praticaId, remoteId, status, at);
  });

  return {
    /** Pending items whose next attempt is due, oldest submission first. */
    due(now: string, limit: number): OutboxItem[] {
      return (s.due.all(now, limit) as Row[]).map(toItem);
    },
    /**
     * Committed before the create request is sent (see migration 101), with the uploads of this
     * pass. Uploads are saved with the item's next state change (this, a retry, parking) rather than
     * one commit per file: a crash in between costs a second upload of the same bytes (an orphan on
     * the portal), never a second application, and a flaky network still keeps its progress.
     */
    markCreateStarted: (item: OutboxItem, at: string): void =>
      guard(() =>
        db.transaction(() => {
          saveUploads(item);
          s.createStarted.run(item.outboxId, at, at);
        })(),
      ),
    /** The application exists on the portal: record its id, in one transaction with the outbox state. */
    markSent: (item: OutboxItem, remoteId: string, status: number, at: string): void => guard(() => markSent(item, remoteId, status, at)),
    scheduleRetry: (item: OutboxItem, nextAttemptAt: string, error: string): void =>
      guard(() =>
        db.transaction(() => {
          saveUploads(item);
          s.retry.run(error, item.outboxId);
          s.retryAt.run(item.outboxId, nextAttemptAt);
        })(),
      ),
    park: (item: OutboxItem, error: string, at: string): void =>
      guard(() =>
        db.transaction(() => {
          saveUploads(item);
          s.park.run(error, item.outboxId);
          s.parkAt.run(item.outboxId, at, at);
        })(),
      ),
    /** A parked pratica goes back in the queue (someone fixed the cause and asked to retry). */
    unpark: (praticaId: string, now: string): boolean =>
      guard(() =>
        db.transaction(() => {
          const changed = s.unpark.run(praticaId).changes > 0;
          if (changed) s.unparkAt.run(now, praticaId);
          return changed;
        })(),
      ),
    counts(): { pending: number; parked: number } {
      const rows = s.counts.all() as { state: 'pending' | 'parked'; n: number }[];
      return { pending: rows.find((r) => r.state === 'pending')?.n ?? 0, parked: rows.find((r) => r.state === 'parked')?.n ?? 0 };
    },
    parked(): ParkedItem[] {
      return (s.parked.all() as { pratica_id: string; last_error: string | null; parked_at: string }[]).map((r) => ({
        praticaId: r.pratica_id,
        error: r.last_error ?? '',
        parkedAt: r.parked_at,
      }));
    },
  };
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
