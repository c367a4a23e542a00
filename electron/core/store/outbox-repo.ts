/**
 * Sync's view of the outbox (table `outbox`, written by a pratica's submit; see README.md)
 * and of its own sending state (`outbox_sending`, `outbox_uploads`, migrations 101 and 104).
 * `state` moves pending -> sent, or pending -> parked (a poison item, visible with its error)
 * and back to pending when someone asks to retry it.
 *
 * Items are claimed with a lease before they are sent (migration 104): only the holder of an
 * item's lease may start its create or change its state; `sent` is recorded by whoever learns
 * it, since it is the portal's truth. Each repository is one worker, with its own lease owner id.
 */
import { randomUUID } from 'node:crypto';
import { guard, type Db } from './database';

/** Another worker holds the item now (ours expired and was taken over): leave it to them. */
export class LeaseLost extends Error {
  constructor(readonly praticaId: string) {
    super(`pratica ${praticaId} presa in carico da un altro processo`);
  }
}

/** A pratica to create; a citizen's message, the citizen's reading of the comune's, or an appointment to cancel or move, on a pratica the portal already has. */
export type OutboxKind = 'pratica.submit' | 'messaggio.invia' | 'messaggio.letto' | 'appuntamento.annulla' | 'appuntamento.sposta';

export interface OutboxItem {
  outboxId: number;
  kind: OutboxKind;
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
  kind: OutboxKind;
  pratica_id: string;
  tenant_slug: string;
  payload: string;
  attempts: number;
  create_started_at: string | null;
}

export function createOutboxRepo(db: Db) {
  const owner = randomUUID();
  const s = {
    due: db.prepare(
      `SELECT o.id, o.kind, o.pratica_id, o.tenant_slug, o.payload, o.attempts, s.create_started_at
       FROM outbox o LEFT JOIN outbox_sending s ON s.outbox_id = o.id
       WHERE o.state = 'pending' AND (s.next_attempt_at IS NULL OR s.next_attempt_at <= @now)
         -- A message waits for its pratica to be on the portal.
         AND (o.kind = 'pratica.submit' OR o.pratica_id IN (SELECT pratica_id FROM remote_pratiche))
         AND (s.lease_until IS NULL OR s.lease_until <= @now OR s.lease_owner = @owner)
         AND o.id NOT IN (SELECT value FROM json_each(@skip))
         -- At home, only the pratiche of the citizen the portal knows us as (sync/accesso-carta.ts).
         AND (@cf IS NULL OR o.pratica_id IN (SELECT id FROM pratiche WHERE citizen_cf = @cf))
       ORDER BY o.id LIMIT @limit`,
    ),
    lease: db.prepare(
      `INSERT INTO outbox_sending (outbox_id, next_attempt_at, lease_owner, lease_until) VALUES (@id, @now, @owner, @until)
       ON CONFLICT (outbox_id) DO UPDATE SET lease_owner = excluded.lease_owner, lease_until = excluded.lease_until`,
    ),
    hold: db.prepare('UPDATE outbox_sending SET lease_until = @until WHERE outbox_id = @id AND lease_owner = @owner'),
    release: db.prepare('UPDATE outbox_sending SET lease_owner = NULL, lease_until = NULL WHERE outbox_id = @id AND lease_owner = @owner'),
    uploads: db.prepare('SELECT file_key, upload_id FROM outbox_uploads WHERE outbox_id = ?'),
    recordUpload: db.prepare(
      `INSERT INTO outbox_uploads (outbox_id, file_key, upload_id, sha256) VALUES (?, ?, ?, ?)
       ON CONFLICT (outbox_id, file_key) DO UPDATE SET upload_id = excluded.upload_id, sha256 = excluded.sha256`,
    ),
    createStarted: db.prepare(
      `UPDATE outbox_sending SET create_started_at = coalesce(create_started_at, @at), lease_until = @until
       WHERE outbox_id = @id AND lease_owner = @owner`,
    ),
    sent: db.prepare(`UPDATE outbox SET state = 'sent', last_error = NULL WHERE id = ?`),
    sendingSent: db.prepare(
      `INSERT INTO outbox_sending (outbox_id, next_attempt_at, remote_id, sent_at) VALUES (@id, @at, @remoteId, @at)
       ON CONFLICT (outbox_id) DO UPDATE SET remote_id = excluded.remote_id, sent_at = excluded.sent_at, lease_owner = NULL, lease_until = NULL`,
    ),
    remote: db.prepare(
      `INSERT INTO remote_pratiche (pratica_id, remote_id, status, checked_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (pratica_id) DO NOTHING`,
    ),
    retry: db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?'),
    retryAt: db.prepare(
      `UPDATE outbox_sending SET next_attempt_at = @at, lease_owner = NULL, lease_until = NULL WHERE outbox_id = @id AND lease_owner = @owner`,
    ),
    park: db.prepare(`UPDATE outbox SET state = 'parked', attempts = attempts + 1, last_error = ? WHERE id = ?`),
    parkAt: db.prepare(
      `UPDATE outbox_sending SET parked_at = @at, lease_owner = NULL, lease_until = NULL WHERE outbox_id = @id AND lease_owner = @owner`,
    ),
    unpark: db.prepare(`UPDATE outbox SET state = 'pending' WHERE pratica_id = ? AND state = 'parked'`),
    unparkAt: db.prepare(
      `UPDATE outbox_sending SET parked_at = NULL, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL
       WHERE outbox_id IN (SELECT id FROM outbox WHERE pratica_id = ?)`,
    ),
    // Pratiche only: "in attesa di invio" counts them; a message's state is shown beside it.
    counts: db.prepare(`SELECT state, count(*) AS n FROM outbox WHERE kind = 'pratica.submit' AND state IN ('pending', 'parked') GROUP BY state`),
    enqueue: db.prepare(
      `INSERT INTO outbox (kind, pratica_id, tenant_slug, payload, created_at) VALUES (@kind, @praticaId, @tenantSlug, @payload, @at)`,
    ),
    lastOf: db.prepare(`SELECT o.state, o.last_error FROM outbox o WHERE o.kind = @kind AND json_extract(o.payload, @field) = @value ORDER BY o.id DESC LIMIT 1`),
    parked: db.prepare(
      `SELECT o.pratica_id, o.last_error, s.parked_at FROM outbox o JOIN outbox_sending s ON s.outbox_id = o.id
       WHERE o.state = 'parked'
         -- A read receipt the portal refuses is nothing the citizen or the desk can act on: it stays parked, unlisted.
         AND o.kind <> 'messaggio.letto'
       ORDER BY s.parked_at`,
    ),
  };

  const toItem = (row: Row): OutboxItem => ({
    outboxId: row.id,
    kind: row.kind,
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

  /** Runs `change` only while this worker holds the item's lease, which `takeLease` gives up or renews. */
  const asHolder = <T>(item: OutboxItem, takeLease: (id: { id: number; owner: string }) => number, change: () => T): T =>
    guard(() =>
      db.transaction(() => {
        if (takeLease({ id: item.outboxId, owner }) === 0) throw new LeaseLost(item.praticaId);
        return change();
      })(),
    );

  const claim = db.transaction((now: string, until: string, limit: number, skip: readonly number[], cf: string | null) => {
    const rows = s.due.all({ now, owner, limit, skip: JSON.stringify(skip), cf }) as Row[];
    for (const row of rows) s.lease.run({ id: row.id, now, owner, until });
    return rows;
  });

  const markSent = db.transaction((item: OutboxItem, remoteId: string, status: number, at: string) => {
    s.sent.run(item.outboxId);
    s.sendingSent.run({ id: item.outboxId, at, remoteId });
    s.remote.run(item.praticaId, remoteId, status, at);
  });
  const markDelivered = db.transaction((item: OutboxItem, remoteId: string, at: string, alsoRecord: () => void) => {
    s.sent.run(item.outboxId);
    s.sendingSent.run({ id: item.outboxId, at, remoteId });
    alsoRecord();
  });

  const stateOf = (kind: OutboxKind, field: string, value: string): { state: 'pending' | 'sent' | 'parked'; error: string | null } | null => {
    const row = guard(() => s.lastOf.get({ kind, field, value })) as { state: 'pending' | 'sent' | 'parked'; last_error: string | null } | undefined;
    return row ? { state: row.state, error: row.last_error } : null;
  };

  return {
    /**
     * Claims pending items whose next attempt is due and that no other worker holds, oldest
     * submission first, leasing them to this worker until `until`. IMMEDIATE: the write lock is
     * taken before the read, so two processes cannot both read an item as free. With `citizenCf`,
     * only that citizen's items.
     */
    claim: (now: string, until: string, limit: number, skip: readonly number[] = [], citizenCf: string | null = null): OutboxItem[] =>
      guard(() => claim.immediate(now, until, limit, skip, citizenCf)).map(toItem),
    /** Extends the lease before a long step (an upload); LeaseLost when another worker has taken the item. */
    hold: (item: OutboxItem, until: string): void => asHolder(item, (k) => s.hold.run({ ...k, until }).changes, () => undefined),
    /** Gives up an item claimed but not handled (the pass stopped). */
    release: (item: OutboxItem): void => void guard(() => s.release.run({ id: item.outboxId, owner })),
    /**
     * Committed before the create request is sent (see migration 101), with the uploads of this
     * pass, and only while the lease is still ours (LeaseLost otherwise: whoever holds it decides).
     * Uploads are saved with the item's next state change (this, a retry, parking) rather than
     * one commit per file: a crash in between costs a second upload of the same bytes (an orphan on
     * the portal), never a second application, and a flaky network still keeps its progress.
     */
    markCreateStarted: (item: OutboxItem, at: string, until: string): void =>
      asHolder(item, (k) => s.createStarted.run({ ...k, at, until }).changes, () => saveUploads(item)),
    /** The application exists on the portal: record its id, in one transaction with the outbox state. */
    markSent: (item: OutboxItem, remoteId: string, status: number, at: string): void => guard(() => markSent(item, remoteId, status, at)),
    /** The message is on the portal (and its follow-up done): the outbox state and `alsoRecord` in one transaction. */
    markDelivered: (item: OutboxItem, remoteId: string, at: string, alsoRecord: () => void): void => guard(() => markDelivered(item, remoteId, at, alsoRecord)),
    /** A citizen's message, queued in the caller's transaction with the message itself. */
    enqueueMessage: (praticaId: string, tenantSlug: string, messaggioId: string, at: string): void =>
      void s.enqueue.run({ kind: 'messaggio.invia', praticaId, tenantSlug, payload: JSON.stringify({ messaggioId }), at }),
    /** The citizen read the comune's message, queued in the caller's transaction with the local read state. */
    enqueueReadReceipt: (praticaId: string, tenantSlug: string, messaggioId: string, at: string): void =>
      void s.enqueue.run({ kind: 'messaggio.letto', praticaId, tenantSlug, payload: JSON.stringify({ messaggioId }), at }),
    enqueueCancellation: (praticaId: string, tenantSlug: string, meetingId: string, at: string): void =>
      void guard(() => s.enqueue.run({ kind: 'appuntamento.annulla', praticaId, tenantSlug, payload: JSON.stringify({ meetingId }), at })),
    enqueueMove: (praticaId: string, tenantSlug: string, meetingId: string, slot: { fromTime: string; toTime: string; openingHour: string }, at: string): void =>
      void guard(() => s.enqueue.run({ kind: 'appuntamento.sposta', praticaId, tenantSlug, payload: JSON.stringify({ meetingId, ...slot }), at })),
    /** Where the latest move of an appointment is. */
    moveState: (meetingId: string) => stateOf('appuntamento.sposta', '$.meetingId', meetingId),
    /** Where a citizen's message is: pending (or being sent), sent, or parked with the portal's reason. */
    messageState: (messaggioId: string) => stateOf('messaggio.invia', '$.messaggioId', messaggioId),
    /** Where the latest cancellation of an appointment is. */
    cancellationState: (meetingId: string) => stateOf('appuntamento.annulla', '$.meetingId', meetingId),
    scheduleRetry: (item: OutboxItem, nextAttemptAt: string, error: string): void =>
      asHolder(item, (k) => s.retryAt.run({ ...k, at: nextAttemptAt }).changes, () => {
        saveUploads(item);
        s.retry.run(error, item.outboxId);
      }),
    park: (item: OutboxItem, error: string, at: string): void =>
      asHolder(item, (k) => s.parkAt.run({ ...k, at }).changes, () => {
        saveUploads(item);
        s.park.run(error, item.outboxId);
      }),
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
