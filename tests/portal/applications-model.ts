/**
 * Applications as the portal stores and returns them (field names from the portal's serializer).
 */
import type { PortalContext } from './context';
import { HttpError } from './router';
import { fileObject, findUpload } from './routes/uploads';

export const STATUS_NAMES: Record<number, string> = {
  1000: 'status_draft',
  1900: 'status_pre_submit',
  2000: 'status_submitted',
  3000: 'status_registered',
  4000: 'status_pending',
  4100: 'status_request_integration',
  5000: 'status_processing',
  7000: 'status_complete',
  9000: 'status_cancelled',
  20000: 'status_withdraw',
};

export const FINAL_STATUSES = new Set([7000, 9000, 20000]);

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
  protocol_number: string | null;
  protocol_document_id: string | null;
  protocolled_at: string | null;
  operator_id: string | null;
  outcome: number | null;
  outcome_motivation: string | null;
}

export function findApplication(ctx: PortalContext, id: string): ApplicationRow {
  const row = ctx.db.prepare('SELECT * FROM applications WHERE id = ?').get(id) as ApplicationRow | undefined;
  if (!row) throw new HttpError(404, 'Application not found.');
  return row;
}

/** Moves an application to `status`, with a history entry, in the caller's transaction. */
export function changeStatus(ctx: PortalContext, id: string, status: number, message: string | null, extra: Record<string, string | number | null> = {}): void {
  const at = ctx.now().toISOString();
  const sets = Object.keys(extra).map((k) => `${k} = @${k}`);
  ctx.db
    .prepare(`UPDATE applications SET ${['status = @status', 'updated_at = @at', 'latest_status_change_at = @at', ...sets].join(', ')} WHERE id = @id`)
    .run({ ...extra, status, at, id });
  ctx.db.prepare('INSERT INTO history (application_id, status, message, at) VALUES (?, ?, ?, ?)').run(id, status, message, at);
}

export function serializeApplication(ctx: PortalContext, row: ApplicationRow, tenant: string) {
  const service = ctx.catalogue.services.get(row.service_id);
  const user = ctx.db.prepare('SELECT name, surname FROM users WHERE id = ?').get(row.user_id) as { name: string | null; surname: string | null };
  const files = ctx.db.prepare('SELECT upload_id, kind FROM application_files WHERE application_id = ? ORDER BY rowid').all(row.id) as {
    upload_id: string;
    kind: 'attachment' | 'outcome';
  }[];
  const objects = files.map((f) => ({
    kind: f.kind,
    file: fileObject(ctx, findUpload(ctx, f.upload_id)!, `${ctx.baseUrl()}/${tenant}/api/applications/${row.id}/attachments/${f.upload_id}`),
  }));
  const outcomeFiles = objects.filter((o) => o.kind === 'outcome').map((o) => o.file);
  return {
    id: row.id,
    user: row.user_id,
    user_name: [user.name, user.surname].filter(Boolean).join(' '),
    service: service?.slug ?? row.service_id,
    service_id: row.service_id,
    service_name: service?.name ?? '',
    tenant: ctx.catalogue.tenant.id,
    subject: service ? `${service.name}` : null,
    data: JSON.parse(row.data) as unknown,
    compiled_modules: [],
    attachments: objects.filter((o) => o.kind === 'attachment').map((o) => o.file),
    creation_time: Math.floor(Date.parse(row.created_at) / 1000),
    created_at: row.created_at,
    submission_time: row.submitted_at ? Math.floor(Date.parse(row.submitted_at) / 1000) : null,
    submitted_at: row.submitted_at,
    latest_status_change_at: row.latest_status_change_at,
    protocol_folder_number: row.protocol_folder_number,
    protocol_number: row.protocol_number,
    protocol_document_id: row.protocol_document_id,
    protocolled_at: row.protocolled_at,
    outcome: row.outcome === null ? null : row.outcome === 1,
    outcome_motivation: row.outcome_motivation,
    outcome_file: outcomeFiles[0] ?? null,
    outcome_attachments: outcomeFiles.slice(1),
    payment_type: null,
    payment_data: null,
    status: String(row.status),
    status_name: STATUS_NAMES[row.status] ?? 'status_unknown',
    links: [],
    user_compilation_notes: null,
  };
}

/** Every `{data: {id}}` in `data`: candidate upload references (the caller keeps those that are uploads). */
export function referencedUploads(data: unknown, out: string[] = []): string[] {
  if (Array.isArray(data)) data.forEach((d) => referencedUploads(d, out));
  else if (data && typeof data === 'object') {
    const inner = (data as { data?: unknown }).data;
    if (inner && typeof inner === 'object' && typeof (inner as { id?: unknown }).id === 'string') {
      out.push((inner as { id: string }).id);
    }
    Object.values(data).forEach((v) => referencedUploads(v, out));
  }
  return out;
}
