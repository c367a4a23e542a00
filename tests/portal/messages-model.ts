/**
 * Application messages as the real portal stores, shows and mails them:
 * - src/Entity/Message.php: `message` through StringUtils::cleanMarkup (strip_tags keeping
 *   `<br><p><a><strong><ul><ol><i><b><u><li><h3>…<h6>`, `style=""` dropped), epoch-second
 *   timestamps, `protocol_required` true unless set, visibility `applicant` or `internal`;
 * - src/Dto/Message.php `fromEntity` (381-407) and `prepareFile` (488-544): the JSON, property order
 *   as declared; attachment objects (src/Model/File.php) with `mime_type` and `file` null, snake
 *   `original_name`, `description` always "<description> - <file name>", url
 *   `<base>/messages/<messageId>/attachments/<fileId>` where the caller passes the base;
 * - src/Services/Manager/MessageManager.php `save` (91-101) and `dispatchMailForMessage` (107-145):
 *   an `applicant` message is mailed to the assigned operator when a citizen wrote it, otherwise to
 *   the application's citizen; then `sent_at` = now and `email` = the receiver's contact address;
 * - src/Security/Voters/MessageVoter.php (67-90): EDIT = admin or an operator enabled on the
 *   service (assignment does not count), VIEW = EDIT or the application's owner.
 */
import { randomUUID } from 'node:crypto';
import type { ApplicationRow } from './applications-model';
import type { PortalContext } from './context';
import { decodeBase64, sanitizeFileName, storeFile, systemFilename, type Base64File } from './files';
import type { Caller } from './router';
import { findUpload } from './routes/uploads';

export interface MessageRow {
  seq: number;
  id: string;
  application_id: string;
  author_id: string | null;
  message: string;
  subject: string | null;
  visibility: string;
  email: string | null;
  created_at: number;
  sent_at: number | null;
  read_at: number | null;
  clicked_at: number | null;
  protocolled_at: number | null;
  protocol_required: number | null;
  protocol_number: string | null;
}

const ALLOWED_TAGS = new Set(['br', 'p', 'a', 'strong', 'ul', 'ol', 'i', 'b', 'u', 'li', 'h3', 'h4', 'h5', 'h6']);

/** StringUtils::cleanMarkup. */
export function cleanMarkup(html: string): string {
  const stripped = html.replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g, (tag, name: string) => (ALLOWED_TAGS.has(name.toLowerCase()) ? tag : ''));
  return stripped.replace(/(<[^>]+) style=".*?"/gi, '$1');
}

/** ATOM from epoch seconds; 0 or null -> null (Message::dateTimeFromTimestamp). */
const atomOf = (seconds: number | null): string | null => (seconds && seconds > 0 ? `${new Date(seconds * 1000).toISOString().slice(0, 19)}+00:00` : null);

export const epochNow = (ctx: PortalContext): number => Math.floor(ctx.now().getTime() / 1000);

export function findMessage(ctx: PortalContext, id: string): MessageRow | undefined {
  return ctx.db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as MessageRow | undefined;
}

/** Pratica::$messages, `@OrderBy({"createdAt"="ASC"})` (ties in insertion order here). */
export function messagesOf(ctx: PortalContext, applicationId: string): MessageRow[] {
  return ctx.db.prepare('SELECT * FROM messages WHERE application_id = ? ORDER BY created_at, seq').all(applicationId) as MessageRow[];
}

export function messageFileIds(ctx: PortalContext, messageId: string): { upload_id: string; protocol_number: string | null }[] {
  return ctx.db.prepare('SELECT upload_id, protocol_number FROM message_files WHERE message_id = ? ORDER BY rowid').all(messageId) as {
    upload_id: string;
    protocol_number: string | null;
  }[];
}

/** Message DTO `prepareFile` (Model/File). */
function attachmentObject(ctx: PortalContext, uploadId: string, protocolNumber: string | null, endpoint: string) {
  const u = findUpload(ctx, uploadId)!;
  const filename = u.original_filename;
  const description = u.description && u.description !== filename ? `${u.description} - ${filename}` : `Allegato - ${filename}`;
  return {
    id: u.id,
    name: systemFilename(u),
    mime_type: null,
    file: null,
    url: `${endpoint}/attachments/${u.id}`,
    original_name: sanitizeFileName(filename),
    description,
    created_at: `${u.created_at.slice(0, 19)}+00:00`,
    protocol_required: u.protocol_required === 1,
    protocol_number: protocolNumber,
  };
}

/** Message::fromEntity(message, base): `base` is `<api>/applications/<id>`, the real code's own choice of id per action. */
export function serializeMessage(ctx: PortalContext, m: MessageRow, base: string) {
  return {
    id: m.id,
    message: m.message,
    subject: m.subject,
    author: m.author_id,
    application: m.application_id,
    visibility: m.visibility,
    email: m.email,
    created_at: atomOf(m.created_at),
    sent_at: atomOf(m.sent_at),
    read_at: atomOf(m.read_at),
    clicked_at: atomOf(m.clicked_at),
    attachments: messageFileIds(ctx, m.id).map((f) => attachmentObject(ctx, f.upload_id, f.protocol_number, `${base}/messages/${m.id}`)),
    protocol_required: m.protocol_required === null ? null : m.protocol_required === 1,
    protocolled_at: atomOf(m.protocolled_at),
    protocol_number: m.protocol_number,
  };
}

export function canEditMessage(caller: Caller, app: ApplicationRow): boolean {
  return caller.role === 'admin' || (caller.role === 'operator' && caller.services.includes(app.service_id));
}

export function canViewMessage(caller: Caller, app: ApplicationRow): boolean {
  return canEditMessage(caller, app) || caller.id === app.user_id;
}

export interface NewMessage {
  application: ApplicationRow;
  author: Caller;
  message: string;
  visibility: string;
  subject?: string | null;
  protocolRequired?: boolean;
  protocolNumber?: string | null;
  dates?: Partial<Record<'sent_at' | 'read_at' | 'clicked_at' | 'protocolled_at', number>>;
  files: Base64File[];
  /** The attachments' description (Allegato::DEFAULT_DESCRIPTION "Allegato" for API messages). */
  fileDescription: string;
}

/** Thrown after the message was stored: a citizen wrote on an application nobody has taken in charge. */
export class NoReceiverError extends Error {}

/** MessageManager::save: the flush, then the mail step for `applicant` messages. In the caller's transaction. */
export function saveMessage(ctx: PortalContext, m: NewMessage): MessageRow {
  const id = insertMessage(ctx, m);
  if (m.visibility === 'applicant') mailMessage(ctx, id, m.author, m.application);
  return findMessage(ctx, id)!;
}

/** The message and its files as persisted and flushed, before any mail. */
export function insertMessage(ctx: PortalContext, m: NewMessage): string {
  const id = randomUUID();
  const d = m.dates ?? {};
  ctx.db
    .prepare(
      `INSERT INTO messages (id, application_id, author_id, message, subject, visibility, email, created_at, sent_at, read_at, clicked_at, protocolled_at, protocol_required, protocol_number)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, m.application.id, m.author.id, cleanMarkup(m.message), m.subject ?? null, m.visibility, epochNow(ctx), d.sent_at ?? null, d.read_at ?? null, d.clicked_at ?? null, d.protocolled_at ?? null, m.protocolRequired === false ? 0 : 1, m.protocolNumber ?? null);
  const link = ctx.db.prepare('INSERT INTO message_files (message_id, upload_id) VALUES (?, ?)');
  for (const f of m.files) link.run(id, storeFile(ctx, { name: f.name, mimeType: f.mime_type, bytes: decodeBase64(f.file), description: m.fileDescription }));
  return id;
}

/** dispatchMailForMessage: who receives it; the mail itself is not sent here. */
export function mailMessage(ctx: PortalContext, messageId: string, author: Caller, app: ApplicationRow): void {
  const receiverId = author.role === 'citizen' ? app.operator_id : app.user_id;
  // `$userReceiver->getEmailContatto()` on null: a PHP Error, which the controllers' `catch (\Exception)` does not catch.
  if (!receiverId) throw new NoReceiverError('Call to a member function getEmailContatto() on null');
  const receiver = ctx.db.prepare('SELECT role, email FROM users WHERE id = ?').get(receiverId) as { role: string; email: string | null };
  // Operators here have no contact address (User::$emailContatto unset).
  ctx.db.prepare('UPDATE messages SET sent_at = ?, email = ? WHERE id = ?').run(epochNow(ctx), receiver.role === 'citizen' ? receiver.email : null, messageId);
}
