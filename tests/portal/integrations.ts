/**
 * Integration requests and answers, as the real portal keeps and shows them:
 * - src/Services/ModuloPdfBuilderService.php: the request document (creaModuloProtocollabilePer-
 *   RichiestaIntegrazione, 255-288) "Richiesta integrazione: <id> <YmdHi>.pdf", payload
 *   `attachments` = the request message's file ids; the answer (creaModuloProtocollabilePer-
 *   RispostaIntegrazione, 298-353) "Risposta a richiesta integrazione: <request id> …" (or
 *   "Cancellazione richiesta integrazione: …"), payload `messages` / `attachments`; with no list
 *   given, every `applicant` message created since the request (PraticaRepository::getMessages);
 *   names and descriptions through generateFileName / generateFileDescription (594-616: `h` is the
 *   12-hour clock);
 * - src/Dto/ApplicationDto.php `prepareIntegrations` (278-322): one `{outbound, inbound}` per request,
 *   createdAt ASC, file arrays of AbstractDto::prepareFile (camelCase `originalName`); the
 *   outbound's `attachments` key is absent when its ids resolve to nothing;
 * - `getAvailableTransitions` (442-461) over PraticaStatusService::TRANSITIONS_MAPPING (20-55):
 *   `register` dropped without protocol, `withdraw` without `allow_reopening`, the gaps kept (a
 *   PHP array with holes serialises as a JSON object).
 * OURS: the documents are a one-page placeholder PDF, not the portal's rendered ones.
 */
import { randomUUID } from 'node:crypto';
import { fileObject, type ApplicationRow } from './applications-model';
import type { PortalContext } from './context';
import { storeFile } from './files';
import { HtmlError } from './router';
import { epochNow, messageFileIds, messagesOf } from './messages-model';
import { findUpload } from './routes/uploads';
import { needsProtocol } from './status-flow';

interface RequestRow {
  id: string;
  application_id: string;
  message_id: string | null;
  status: number;
  attachment_ids: string;
  protocol_number: string | null;
  protocol_document_id: string | null;
  created_at: number;
}

interface AnswerRow {
  id: string;
  request_id: string;
  message_ids: string;
  attachment_ids: string;
  protocol_number: string | null;
  protocol_document_id: string | null;
}

/** OURS: a valid one-page PDF naming what the real document would be. */
export function placeholderPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '').replace(/[^\x20-\x7e]/g, '?');
  const stream = `BT /F1 12 Tf 50 780 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const pad = (n: number) => String(n).padStart(2, '0');
/** PHP's `h`: 12-hour clock, 01-12. */
const h12 = (d: Date) => pad(d.getUTCHours() % 12 || 12);

function storeDocument(ctx: PortalContext, title: string, id?: string): string {
  const d = ctx.now();
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${h12(d)}${pad(d.getUTCMinutes())}`;
  const shorten = (s: string) => (s.length > 255 ? `${s.slice(0, 252)}...` : s);
  return storeFile(ctx, {
    id,
    name: `${shorten(`${title} ${stamp}`)}.pdf`,
    description: shorten(`${title} ${d.toISOString().slice(0, 10)} ${h12(d)}:${pad(d.getUTCMinutes())}`),
    mimeType: 'application/pdf',
    bytes: placeholderPdf(title),
  });
}

/** PraticaManager::requestIntegration's document, linked to the application (addRichiestaIntegrazione), pending. */
export function createIntegrationRequest(ctx: PortalContext, applicationId: string, messageId: string): void {
  // The RichiestaIntegrazione's id is its file's: the document is named after itself.
  const id = randomUUID();
  storeDocument(ctx, `Richiesta integrazione: ${id}`, id);
  const files = messageFileIds(ctx, messageId).map((f) => f.upload_id);
  ctx.db
    .prepare('INSERT INTO integration_requests (id, application_id, message_id, status, attachment_ids, created_at) VALUES (?, ?, ?, 1000, ?, ?)')
    .run(id, applicationId, messageId, JSON.stringify(files), epochNow(ctx));
}

export function activeIntegrationRequest(ctx: PortalContext, applicationId: string): RequestRow | undefined {
  return ctx.db.prepare('SELECT * FROM integration_requests WHERE application_id = ? AND status = 1000 ORDER BY seq LIMIT 1').get(applicationId) as RequestRow | undefined;
}

/**
 * The answer document of the active request, added to the application's attachments (addAllegato).
 * `messageIds` null: the applicant messages since the request; cancel: none.
 */
export function createIntegrationAnswer(ctx: PortalContext, applicationId: string, messageIds: string[] | null, cancel = false): void {
  const request = activeIntegrationRequest(ctx, applicationId);
  // `$integrationRequest->getId()` on null: a PHP Error, past the controller's catch.
  if (!request) throw new HtmlError(500);
  const ids = cancel
    ? []
    : (messageIds ?? messagesOf(ctx, applicationId).filter((m) => m.visibility === 'applicant' && m.created_at >= request.created_at).map((m) => m.id));
  const files = ids.flatMap((m) => messageFileIds(ctx, m).map((f) => f.upload_id));
  const id = storeDocument(ctx, `${cancel ? 'Cancellazione richiesta integrazione' : 'Risposta a richiesta integrazione'}: ${request.id}`);
  ctx.db.prepare('INSERT INTO integration_answers (id, request_id, message_ids, attachment_ids) VALUES (?, ?, ?, ?)').run(id, request.id, JSON.stringify(ids), JSON.stringify(files));
  ctx.db.prepare(`INSERT INTO application_files (application_id, upload_id, kind) VALUES (?, ?, 'attachment')`).run(applicationId, id);
}

/** Stores the protocol data of the active request (registerIntegrationRequest) or of its answer (registerIntegrationAnswer). */
export function registerIntegrationProtocol(ctx: PortalContext, applicationId: string, what: 'request' | 'answer', number: string, documentId: string | null): boolean {
  const request = activeIntegrationRequest(ctx, applicationId);
  if (what === 'request') {
    if (!request) throw new HtmlError(500);
    ctx.db.prepare('UPDATE integration_requests SET protocol_number = ?, protocol_document_id = ? WHERE id = ?').run(number, documentId, request.id);
    return true;
  }
  if (!request) throw new HtmlError(500);
  const answer = ctx.db.prepare('SELECT id FROM integration_answers WHERE request_id = ? ORDER BY seq LIMIT 1').get(request.id) as { id: string } | undefined;
  if (!answer) return false;
  ctx.db.prepare('UPDATE integration_answers SET protocol_number = ?, protocol_document_id = ? WHERE id = ?').run(number, documentId, answer.id);
  return true;
}

const fileArray = (ctx: PortalContext, ids: string[], url: string) =>
  ids.flatMap((id) => {
    const u = findUpload(ctx, id);
    return u ? [fileObject(u, url, null)] : [];
  });

/** ApplicationDto::prepareIntegrations. */
export function integrationsOf(ctx: PortalContext, applicationId: string, applicationUrl: string) {
  const requests = ctx.db.prepare('SELECT * FROM integration_requests WHERE application_id = ? ORDER BY created_at, seq').all(applicationId) as RequestRow[];
  return requests.map((r) => {
    const outbound: Record<string, unknown> = fileObject(findUpload(ctx, r.id)!, applicationUrl, r.protocol_number ?? r.protocol_document_id);
    const ids = JSON.parse(r.attachment_ids) as string[];
    const files = fileArray(ctx, ids, applicationUrl);
    if (ids.length === 0 || files.length > 0) outbound.attachments = files;
    const answer = ctx.db.prepare('SELECT * FROM integration_answers WHERE request_id = ? ORDER BY seq LIMIT 1').get(r.id) as AnswerRow | undefined;
    const inbound = answer
      ? { ...fileObject(findUpload(ctx, answer.id)!, applicationUrl, answer.protocol_number ?? answer.protocol_document_id), attachments: fileArray(ctx, JSON.parse(answer.attachment_ids) as string[], applicationUrl) }
      : null;
    return { outbound, inbound };
  });
}

/** PraticaStatusService::TRANSITIONS_MAPPING: action and description of each transition, per status. */
const TRANSITIONS: Record<string, string> = {
  submit: 'Submit Application',
  register: 'Register Application',
  assign: 'Assign Application',
  'request-integration': 'Request integration',
  'register-integration-request': 'Register integration request',
  'accept-integration': 'Accept integration',
  'register-integration-answer': 'Register integration answer',
  accept: 'Accept Application',
  reject: 'Reject Application',
  withdraw: 'Withdraw Application',
};
const MAPPING: Record<number, string[]> = {
  1000: ['submit'],
  2000: ['register', 'assign', 'withdraw'],
  3000: ['assign', 'withdraw'],
  4000: ['request-integration', 'accept', 'reject', 'withdraw'],
  4100: ['register-integration-request'],
  4200: ['accept-integration', 'withdraw'],
  4300: ['register-integration-answer'],
  7000: ['withdraw'],
  9000: ['withdraw'],
};

/** ApplicationDto::getAvailableTransitions: listed whatever the caller may do. */
export function linksOf(ctx: PortalContext, row: ApplicationRow, applicationUrl: string): unknown {
  const service = ctx.catalogue.services.get(row.service_id);
  const kept = (MAPPING[row.status] ?? [])
    .map((action, i) => [i, { action, description: TRANSITIONS[action]!, url: `${applicationUrl}/transition/${action}?version=1` }] as const)
    .filter(([, l]) => !(l.action === 'register' && !needsProtocol(ctx, row)) && !(l.action === 'withdraw' && service?.allow_reopening !== true));
  const gapless = kept.every(([i], j) => i === j);
  return gapless ? kept.map(([, l]) => l) : Object.fromEntries(kept.map(([i, l]) => [String(i), l]));
}
