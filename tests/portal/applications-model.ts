/**
 * Applications as the reference portal stores and serialises them: Pratica's status codes
 * (src/Entity/Pratica.php), ApplicationDto::fromEntity for the JSON (v1: `data` flattened, file
 * fields as file objects, `status` a string, the payment fields from payments-model.ts),
 * Model/Transition.php for the history, and the access rules of ApplicationVoter.
 */
import { afterStatusChange } from './calendar-integration';
import type { PortalContext } from './context';
import { sanitizeFileName, systemFilename } from './files';
import { integrationsOf, linksOf } from './integrations';
import { paymentFieldsOf } from './payments-model';
import { linkedMeetingIds } from './meetings-model';
import { HttpError, type Caller } from './router';
import { findUpload, type UploadRow } from './routes/uploads';

/** Pratica::STATUS_* (value -> lower-cased constant name, Pratica::getStatusNameByCode). */
export const STATUS_NAMES: Record<number, string> = {
  1000: 'status_draft',
  1500: 'status_payment_pending',
  1510: 'status_payment_outcome_pending',
  1520: 'status_payment_success',
  1530: 'status_payment_error',
  1900: 'status_pre_submit',
  2000: 'status_submitted',
  3000: 'status_registered',
  4000: 'status_pending',
  4100: 'status_request_integration',
  4200: 'status_draft_for_integration',
  4300: 'status_submitted_after_integration',
  4400: 'status_registered_after_integration',
  4500: 'status_pending_after_integration',
  5000: 'status_processing',
  6000: 'status_complete_waitallegatioperatore',
  7000: 'status_complete',
  8000: 'status_cancelled_waitallegatioperatore',
  9000: 'status_cancelled',
  20000: 'status_withdraw',
  50000: 'status_revoked',
};

export const FINAL_STATUSES = new Set([7000, 9000, 20000, 50000]);

export interface ApplicationRow {
  seq: number;
  id: string;
  user_id: string;
  created_by: string;
  service_id: string;
  status: number;
  data: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  latest_status_change_at: string;
  protocol_folder_number: string | null;
  protocol_folder_code: string | null;
  protocol_number: string | null;
  protocol_document_id: string | null;
  protocolled_at: string | null;
  operator_id: string | null;
  outcome: number | null;
  outcome_motivation: string | null;
}

export interface Dematerialized {
  data: Record<string, unknown>;
  flattened: Record<string, unknown>;
  schema: Record<string, string>;
}

/** JMS's DateTime: ATOM, seconds, with offset (no milliseconds). */
const atom = (iso: string | null): string | null => (iso ? `${iso.slice(0, 19)}+00:00` : null);
const epoch = (iso: string | null): number | null => (iso ? Math.floor(Date.parse(iso) / 1000) : null);

export function findApplication(ctx: PortalContext, id: string): ApplicationRow {
  const row = ctx.db.prepare('SELECT * FROM applications WHERE id = ?').get(id) as ApplicationRow | undefined;
  if (!row) throw new HttpError(404, ['Application not found']);
  return row;
}

/** ApplicationVoter::canEdit: an admin, an operator enabled on the service or assigned to it, the owner citizen (no user groups here). */
export function canEdit(caller: Caller, row: ApplicationRow): boolean {
  if (caller.role === 'admin') return true;
  if (caller.role === 'operator' && (caller.services.includes(row.service_id) || row.operator_id === caller.id)) return true;
  return caller.id === row.user_id;
}

/** ApplicationVoter::VIEW: canEdit, or the owner (related fiscal codes are the owner's here). SUBMIT is the same test. */
export function canView(caller: Caller, row: ApplicationRow): boolean {
  return canEdit(caller, row) || caller.id === row.user_id;
}

/** Moves an application to `status`, with a history entry, in the caller's transaction (Pratica::setStatus). */
export function changeStatus(
  ctx: PortalContext,
  id: string,
  status: number,
  message: string | null,
  extra: Record<string, string | number | null> = {},
  messageId: string | null = null,
): void {
  const at = ctx.now().toISOString();
  const sets = Object.keys(extra).map((k) => `${k} = @${k}`);
  ctx.db
    .prepare(`UPDATE applications SET ${['status = @status', 'updated_at = @at', 'latest_status_change_at = @at', ...sets].join(', ')} WHERE id = @id`)
    .run({ ...extra, status, at, id });
  ctx.db.prepare('INSERT INTO history (application_id, status, message, message_id, at) VALUES (?, ?, ?, ?, ?)').run(id, status, message, messageId, at);
  // PraticaOnChangeStatusEvent -> BackOfficePraticaListener: the service's calendars integration.
  afterStatusChange(ctx, id);
}

/** Pratica::getHistory as Model/Transition.php serialises it. */
export function historyOf(ctx: PortalContext, id: string) {
  const rows = ctx.db.prepare('SELECT status, message, message_id, at FROM history WHERE application_id = ? ORDER BY seq').all(id) as {
    status: number;
    message: string | null;
    message_id: string | null;
    at: string;
  }[];
  return rows.map((h) => ({ status_code: h.status, status_name: STATUS_NAMES[h.status] ?? 'status_unknown', message: h.message, message_id: h.message_id, date: atom(h.at) }));
}

/** AbstractDto::prepareFile: no MIME type; `description` defaults to "Allegato - <name>"; `originalName` sanitised. */
export function fileObject(row: UploadRow, applicationUrl: string, protocolNumber: string | null = null) {
  const description = row.description && row.description !== row.original_filename ? row.description : `Allegato - ${row.original_filename}`;
  return {
    id: row.id,
    name: systemFilename(row),
    url: `${applicationUrl}/attachments/${row.id}?version=1`,
    originalName: sanitizeFileName(row.original_filename),
    description,
    created_at: atom(row.created_at),
    protocol_required: row.protocol_required === 1,
    protocol_number: protocolNumber,
  };
}

/** AbstractDto::prepareFormioFile: a file field's value in the v1 data. */
function formioFiles(value: unknown, applicationUrl: string) {
  if (!Array.isArray(value)) return value;
  return value.map((f: { data?: { id?: string }; name?: string; originalName?: string; fileType?: string; protocol_required?: boolean }) => ({
    id: f?.data?.id,
    name: f?.name,
    url: `${applicationUrl}/attachments/${f?.data?.id}?version=1`,
    originalName: f?.originalName,
    description: f?.fileType ?? 'Allegato',
    protocol_required: f?.protocol_required ?? true,
  }));
}

export function serializeApplication(ctx: PortalContext, row: ApplicationRow, tenant: string) {
  const service = ctx.catalogue.services.get(row.service_id);
  const user = ctx.db.prepare('SELECT name, surname FROM users WHERE id = ?').get(row.user_id) as { name: string | null; surname: string | null };
  const url = `${ctx.baseUrl()}/${tenant}/api/applications/${row.id}`;
  const files = ctx.db.prepare('SELECT upload_id, kind FROM application_files WHERE application_id = ? ORDER BY rowid').all(row.id) as { upload_id: string; kind: 'attachment' | 'outcome' }[];
  const objects = (kind: 'attachment' | 'outcome') => files.filter((f) => f.kind === kind).map((f) => fileObject(findUpload(ctx, f.upload_id)!, url));
  const stored = JSON.parse(row.data) as Dematerialized;
  const data = Object.fromEntries(
    Object.entries(stored.flattened).map(([k, v]) => [k, stored.schema[k] === 'file' || stored.schema[k] === 'sdcfile' ? formioFiles(v, url) : v]),
  );
  return {
    id: row.id,
    user: row.user_id,
    user_name: [user.name, user.surname].filter(Boolean).join(' '),
    tenant: ctx.catalogue.tenant.id,
    service: service?.slug ?? null,
    service_id: row.service_id,
    service_name: service?.name ?? '',
    service_group_name: null,
    subject: service ? `${service.name}` : null,
    data,
    backoffice_data: null,
    compiled_modules: [],
    outcome_file: null,
    outcome: row.outcome === null ? null : row.outcome === 1,
    outcome_motivation: row.outcome_motivation,
    outcome_attachments: objects('outcome'),
    attachments: objects('attachment'),
    creation_time: epoch(row.created_at),
    created_at: atom(row.created_at),
    submission_time: epoch(row.submitted_at),
    submitted_at: atom(row.submitted_at),
    latest_status_change_time: epoch(row.latest_status_change_at),
    latest_status_change_at: atom(row.latest_status_change_at),
    protocol_folder_number: row.protocol_folder_number,
    protocol_folder_code: row.protocol_folder_code,
    protocol_number: row.protocol_number,
    protocol_document_id: row.protocol_document_id,
    protocol_numbers: [],
    protocolled_at: atom(row.protocolled_at),
    ...paymentFieldsOf(ctx, row.id),
    status: String(row.status),
    status_name: STATUS_NAMES[row.status] ?? 'status_unknown',
    meetings: linkedMeetingIds(ctx, row.id),
    links: linksOf(ctx, row, url),
    integrations: integrationsOf(ctx, row.id, url),
    // UserAuthenticationData: the operator's create carries no citizen authentication.
    authentication: { authentication_method: null, session_id: null, spid_code: null, spid_level: null, certificate_issuer: null, certificate_subject: null, certificate: null, instant: null, session_index: null },
  };
}
