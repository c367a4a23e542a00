/**
 * OURS: what tests ask the reference portal directly (not over HTTP): which applications carry a
 * client reference, the SHA-256 of the bytes it actually stored for each file it linked, and an
 * application's messages (with their authors, `internal` ones too) and integration requests, and
 * the meetings it holds.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { filePath } from './portal-db';
import type { Portal } from './server';

export interface StoredApplication {
  id: string;
  status: number;
  serviceId: string;
  data: Record<string, unknown>;
  /** SHA-256 of each attached file's stored bytes, recomputed from disk. */
  attachmentDigests: string[];
}

type Row = { id: string; status: number; service_id: string; data: string };

function stored(portal: Portal, r: Row): StoredApplication {
  const files = portal.db.prepare(`SELECT upload_id FROM application_files WHERE application_id = ? AND kind = 'attachment'`).pluck().all(r.id) as string[];
  return {
    id: r.id,
    status: r.status,
    serviceId: r.service_id,
    data: (JSON.parse(r.data) as { data: Record<string, unknown> }).data,
    attachmentDigests: files.map((f) => createHash('sha256').update(readFileSync(filePath(portal.dataDir, f))).digest('hex')).sort(),
  };
}

export function applicationsWithReference(portal: Portal, key: string, reference: string): StoredApplication[] {
  const rows = portal.db
    .prepare(`SELECT id, status, service_id, data FROM applications WHERE json_extract(data, ?) = ? ORDER BY seq`)
    .all(`$.data.${key}`, reference) as Row[];
  return rows.map((r) => stored(portal, r));
}

/** The application with the portal's id `id`, as stored; null when there is none. */
export function storedApplication(portal: Portal, id: string): StoredApplication | null {
  const row = portal.db.prepare('SELECT id, status, service_id, data FROM applications WHERE id = ?').get(id) as Row | undefined;
  return row ? stored(portal, row) : null;
}

export function applicationCount(portal: Portal): number {
  return portal.db.prepare('SELECT count(*) FROM applications').pluck().get() as number;
}

export interface StoredMessage {
  id: string;
  /** Who wrote it: null for the portal's own messages. */
  author: { id: string; role: 'operator' | 'admin' | 'citizen'; username: string | null; fiscalCode: string | null } | null;
  visibility: string;
  subject: string | null;
  message: string;
  /** Whom the mail step addressed (MessageManager): set for `applicant` messages. */
  email: string | null;
  sentAt: number | null;
  createdAt: number;
  /** Each file's id, original name and SHA-256 of the stored bytes. */
  attachments: { id: string; name: string; sha256: string }[];
}

/** Every message of an application as stored, `internal` ones included, oldest first. */
export function storedMessages(portal: Portal, applicationId: string): StoredMessage[] {
  const rows = portal.db
    .prepare(
      `SELECT m.id, m.visibility, m.subject, m.message, m.email, m.sent_at, m.created_at, u.id AS author_id, u.role, u.username, u.fiscal_code
       FROM messages m LEFT JOIN users u ON u.id = m.author_id WHERE m.application_id = ? ORDER BY m.created_at, m.seq`,
    )
    .all(applicationId) as {
    id: string;
    visibility: string;
    subject: string | null;
    message: string;
    email: string | null;
    sent_at: number | null;
    created_at: number;
    author_id: string | null;
    role: 'operator' | 'admin' | 'citizen';
    username: string | null;
    fiscal_code: string | null;
  }[];
  const files = portal.db.prepare('SELECT u.id, u.original_filename FROM message_files f JOIN uploads u ON u.id = f.upload_id WHERE f.message_id = ? ORDER BY f.rowid');
  return rows.map((r) => ({
    id: r.id,
    author: r.author_id ? { id: r.author_id, role: r.role, username: r.username, fiscalCode: r.fiscal_code } : null,
    visibility: r.visibility,
    subject: r.subject,
    message: r.message,
    email: r.email,
    sentAt: r.sent_at,
    createdAt: r.created_at,
    attachments: (files.all(r.id) as { id: string; original_filename: string }[]).map((f) => ({
      id: f.id,
      name: f.original_filename,
      sha256: createHash('sha256').update(readFileSync(filePath(portal.dataDir, f.id))).digest('hex'),
    })),
  }));
}

export interface StoredIntegrationRequest {
  id: string;
  status: 'pending' | 'done';
  /** The request's message (its text and files). */
  messageId: string | null;
  /** The answer (or cancellation) document, with the messages and files it collected. */
  answer: { id: string; messageIds: string[]; attachmentIds: string[] } | null;
}

/** An application's integration requests, oldest first. */
export function storedIntegrationRequests(portal: Portal, applicationId: string): StoredIntegrationRequest[] {
  const rows = portal.db.prepare('SELECT id, status, message_id FROM integration_requests WHERE application_id = ? ORDER BY seq').all(applicationId) as { id: string; status: number; message_id: string | null }[];
  const answerOf = portal.db.prepare('SELECT id, message_ids, attachment_ids FROM integration_answers WHERE request_id = ? ORDER BY seq LIMIT 1');
  return rows.map((r) => {
    const a = answerOf.get(r.id) as { id: string; message_ids: string; attachment_ids: string } | undefined;
    return {
      id: r.id,
      status: r.status === 2000 ? 'done' : 'pending',
      messageId: r.message_id,
      answer: a ? { id: a.id, messageIds: JSON.parse(a.message_ids) as string[], attachmentIds: JSON.parse(a.attachment_ids) as string[] } : null,
    };
  });
}

export interface StoredMeeting {
  id: string;
  calendarId: string;
  openingHourId: string | null;
  /** The citizen it is for. */
  userId: string | null;
  fiscalCode: string | null;
  /** Rome wall clock, `Y-m-dTH:i:s`. */
  fromTime: string;
  toTime: string;
  /** Meeting::STATUS_*: 0 pending, 1 approved, 2 refused, 3 missed, 4 done, 5 cancelled, 6 draft. */
  status: number;
  rescheduled: number;
  /** The applications it is linked to (Pratica::$meetings), oldest first. */
  applicationIds: string[];
}

/** Every meeting the portal holds, of one calendar when given, oldest first. */
export function storedMeetings(portal: Portal, calendarId?: string): StoredMeeting[] {
  const rows = portal.db
    .prepare('SELECT id, calendar_id, opening_hour_id, user_id, fiscal_code, from_time, to_time, status, rescheduled FROM meetings WHERE ? IS NULL OR calendar_id = ? ORDER BY seq')
    .all(calendarId ?? null, calendarId ?? null) as {
    id: string;
    calendar_id: string;
    opening_hour_id: string | null;
    user_id: string | null;
    fiscal_code: string | null;
    from_time: string;
    to_time: string;
    status: number;
    rescheduled: number;
  }[];
  const apps = portal.db.prepare('SELECT application_id FROM application_meetings WHERE meeting_id = ? ORDER BY seq').pluck();
  return rows.map((r) => ({
    id: r.id,
    calendarId: r.calendar_id,
    openingHourId: r.opening_hour_id,
    userId: r.user_id,
    fiscalCode: r.fiscal_code,
    fromTime: r.from_time,
    toTime: r.to_time,
    status: r.status,
    rescheduled: r.rescheduled,
    applicationIds: apps.all(r.id) as string[],
  }));
}
