/**
 * Application messages, as src/Controller/Rest/MessagesAPIController.php serves them (no class
 * route: paths from `/applications/...`):
 * - `GET /{tenant}/api/applications/{id}/messages` (messagesAction 92-140): 404 ["Application not
 *   found"]; ApplicationVoter::VIEW, outside any try (403 page); 200 a plain array, createdAt ASC,
 *   `internal` messages dropped for everyone; attachment urls `<app url>/messages/<msg>/attachments/<file>`.
 * - `GET …/messages/{messageId}` (messageAction 302-344): `{id}` ignored, the message looked up by
 *   its id alone; 404 ["Message not found"]; MessageVoter::VIEW (403 page); one object, whose
 *   attachment urls put the MESSAGE id where the application id goes (`$this->baseUrl.'/'.$result->getId()`).
 * - `GET …/messages/{messageId}/attachments/{attachmentId}` (messageAttachmentAction 575-625):
 *   MessageVoter::VIEW; the file looked up by id alone (any Allegato); 404 ["Attachment not found"];
 *   raw bytes, Content-Disposition with the system file name, Symfony's default Content-Type.
 * - `POST …/messages` (postMessageAction 346-452): ApplicationVoter::VIEW; author = caller;
 *   MessageFormType (../message-form.ts) -> 400 validation_error; files as AllegatoMessaggio
 *   (description "Allegato", original name = `name`); a missing `visibility` fails the NOT NULL
 *   column -> 500 save error, nothing stored; MessageManager::save mails `applicant` messages
 *   (../messages-model.ts) and a citizen writing before anyone took the application in charge
 *   gets a 500 page AFTER the message was stored; 201 with the message (message-id-based urls).
 *   A message never changes the application's status.
 * - `PATCH …/messages/{messageId}` (patchMessageAction 455-572): MessageVoter::EDIT (403 page);
 *   403 ["Message has been protocolled, you can't update it!"] once it has a protocol number; the
 *   allowlist (`sent_at, read_at, clicked_at, protocolled_at, protocol_number`) filters
 *   `$request->request` but the form re-reads the raw body, so EVERY form field is applied
 *   (clearMissing false); dates cannot be cleared; a protocol number is stamped on the attachments
 *   lacking one; new attachments are checked, never stored; 200 ["Message Patched Successfully"].
 * The v2 list (messagesActionV2) generates an unknown route name and is not reproduced.
 */
import { z } from 'zod';
import { canView, findApplication } from '../applications-model';
import type { PortalContext } from '../context';
import { serveFile, systemFilename } from '../files';
import { submitMessageForm } from '../message-form';
import { canEditMessage, canViewMessage, cleanMarkup, findMessage, insertMessage, mailMessage, messageFileIds, messagesOf, NoReceiverError, serializeMessage, type MessageRow } from '../messages-model';
import { HtmlError, HttpError, type PortalRequest, type RouteModule } from '../router';
import { findUpload } from './uploads';

const validationError = (errors: unknown) => new HttpError(400, { type: 'validation_error', title: 'There was a validation error', errors });
const saveError = () => new HttpError(500, { type: 'error', title: 'There was an error during save process', description: 'Contact technical support at support@opencontent.it' });

/** `applications_api_list` as an absolute URL, plus the id the action appends to it. */
const baseFor = (ctx: PortalContext, req: PortalRequest, id: string) => `${ctx.baseUrl()}/${req.params.tenant}/api/applications/${id}`;

function messageFor(ctx: PortalContext, req: PortalRequest, need: 'view' | 'edit'): MessageRow {
  const m = findMessage(ctx, req.params.messageId!);
  if (!m) throw new HttpError(404, ['Message not found']);
  const app = findApplication(ctx, m.application_id);
  if (!(need === 'view' ? canViewMessage : canEditMessage)(req.caller!, app)) throw new HtmlError(403);
  return m;
}

function viewableApplication(ctx: PortalContext, req: PortalRequest) {
  const row = ctx.db.prepare('SELECT * FROM applications WHERE id = ?').get(req.params.id!) as ReturnType<typeof findApplication> | undefined;
  if (!row) throw new HttpError(404, ['Application not found']);
  if (!canView(req.caller!, row)) throw new HtmlError(403);
  return row;
}

async function post(ctx: PortalContext, req: PortalRequest) {
  const app = viewableApplication(ctx, req);
  const submitted = submitMessageForm(await req.json(z.unknown()), true);
  if ('errors' in submitted) throw validationError(submitted.errors);
  const f = submitted.form;
  if (!f.visibility) throw saveError();
  const message = { application: app, author: req.caller!, message: f.message!, visibility: f.visibility, protocolNumber: f.protocolNumber, dates: f.dates, files: f.attachments, fileDescription: 'Allegato' };
  // The DTO's protocol_required stays null unless submitted truthy (the entity column is nullable).
  const id = ctx.db.transaction(() => {
    const stored = insertMessage(ctx, message);
    ctx.db.prepare('UPDATE messages SET protocol_required = ? WHERE id = ?').run(f.protocolRequired ? 1 : null, stored);
    return stored;
  })();
  if (f.visibility === 'applicant') {
    try {
      ctx.db.transaction(() => mailMessage(ctx, id, req.caller!, app))();
    } catch (error) {
      if (error instanceof NoReceiverError) throw new HtmlError(500);
      throw error;
    }
  }
  return serializeMessage(ctx, findMessage(ctx, id)!, baseFor(ctx, req, id));
}

async function patch(ctx: PortalContext, req: PortalRequest) {
  const m = messageFor(ctx, req, 'edit');
  if (m.protocol_number !== null) throw new HttpError(403, ["Message has been protocolled, you can't update it!"]);
  const files = messageFileIds(ctx, m.id);
  const submitted = submitMessageForm(await req.json(z.unknown()), false, files.length);
  if ('errors' in submitted) throw validationError(submitted.errors);
  const f = submitted.form;
  // Dto\Message::setProtocolRequired(bool) given null (a false or null submitted over a set value): a TypeError, uncaught.
  if (f.protocolRequired === null && m.protocol_required !== null) throw new HtmlError(500);
  const next = {
    message: f.message === undefined ? m.message : cleanMarkup(f.message!),
    visibility: f.visibility === undefined ? m.visibility : f.visibility,
    protocol_required: f.protocolRequired === undefined ? m.protocol_required : 1,
    protocol_number: f.protocolNumber === undefined ? m.protocol_number : f.protocolNumber,
    ...Object.fromEntries(Object.entries(f.dates)),
  };
  if (next.visibility === null) throw saveError();
  ctx.db.transaction(() => {
    const sets = Object.keys(next).map((k) => `${k} = @${k}`);
    ctx.db.prepare(`UPDATE messages SET ${sets.join(', ')} WHERE id = @id`).run({ ...next, id: m.id });
    if (next.protocol_number) ctx.db.prepare('UPDATE message_files SET protocol_number = ? WHERE message_id = ? AND protocol_number IS NULL').run(next.protocol_number, m.id);
  })();
}

export const messageRoutes: RouteModule = (ctx) => [
  {
    method: 'GET',
    path: '/{tenant}/api/applications/{id}/messages',
    access: 'any-user',
    handle(req) {
      const app = viewableApplication(ctx, req);
      const list = messagesOf(ctx, app.id).filter((m) => m.visibility !== 'internal');
      return { status: 200, json: list.map((m) => serializeMessage(ctx, m, baseFor(ctx, req, app.id))) };
    },
  },
  { method: 'POST', path: '/{tenant}/api/applications/{id}/messages', access: 'any-user', handle: async (req) => ({ status: 201, json: await post(ctx, req) }) },
  {
    method: 'GET',
    path: '/{tenant}/api/applications/{id}/messages/{messageId}',
    access: 'any-user',
    handle(req) {
      const m = messageFor(ctx, req, 'view');
      return { status: 200, json: serializeMessage(ctx, m, baseFor(ctx, req, m.id)) };
    },
  },
  {
    method: 'PATCH',
    path: '/{tenant}/api/applications/{id}/messages/{messageId}',
    access: 'any-user',
    async handle(req) {
      await patch(ctx, req);
      return { status: 200, json: ['Message Patched Successfully'] };
    },
  },
  {
    method: 'GET',
    path: '/{tenant}/api/applications/{id}/messages/{messageId}/attachments/{attachmentId}',
    access: 'any-user',
    handle(req) {
      messageFor(ctx, req, 'view');
      const upload = findUpload(ctx, req.params.attachmentId!);
      if (!upload) throw new HttpError(404, ['Attachment not found']);
      return serveFile(ctx, upload, systemFilename(upload));
    },
  },
];
