/**
 * Applications (pratiche), as src/Controller/Rest/ApplicationsAPIController.php and
 * src/Services/Manager/PraticaManager.php handle them:
 * - `POST /{tenant}/api/applications` {user?, service, data, status} -> 201 with the application.
 *   `service` is a uuid or the service's `identifier` (not its slug); unknown -> 400 ["Service not found"].
 *   An operator or admin creates on behalf of the citizen named by
 *   `applicant.data.fiscal_code.data.fiscal_code` (found or created: checkUser). Unknown keys of
 *   `data` are kept (the schema check is commented out). A file is linked only from a `file` or
 *   `sdcfile` field of the service's form (addAttachmentsToApplication), anything else is kept as
 *   data and never linked, without error; an unknown upload id there is a 500. Status 1900 moves to
 *   2000 at once. There is NO idempotency key.
 * - `GET /{tenant}/api/applications` (applications-list.ts).
 * - `GET .../{id}` (v1), `GET .../{id}/history` (Model/Transition.php; a refusal is 400
 *   ["Identifier conversion error"], getApplicationHistoryAction's catch-all),
 *   `GET .../{id}/attachments/{attachmentId}` (the bytes; the attachment is looked up on its own).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { citizenFor } from '../accounts';
import { afterStatusChange } from '../calendar-integration';
import { canView, changeStatus, findApplication, historyOf, serializeApplication, type ApplicationRow, type Dematerialized } from '../applications-model';
import type { PortalContext } from '../context';
import { fileReferences, flatten, serviceSchema } from '../form-schema';
import { serveFile } from '../files';
import { HttpError, type PortalRequest, type RouteModule } from '../router';
import { listApplications } from './applications-list';
import { findUpload } from './uploads';

/** App\Form\Rest\ApplicationFormType: these fields only (extra fields are a validation error). */
const createBody = z
  .object({
    user: z.string().nullish(),
    service: z.string({ error: 'This value should not be blank.' }).min(1),
    data: z.record(z.string(), z.unknown()).nullish(),
    status: z.union([z.number().int(), z.string().regex(/^\d+$/)]).nullish(),
  })
  .strict();

const validationError = (errors: unknown) => new HttpError(400, { type: 'validation_error', title: 'There was a validation error', errors });
const saveError = () => new HttpError(500, { type: 'error', title: 'There was an error during save process', description: 'Contact technical support at support@opencontent.it' });

function visible(ctx: PortalContext, req: PortalRequest): ApplicationRow {
  const row = findApplication(ctx, req.params.id!);
  if (!canView(req.caller!, row)) throw new HttpError(403, ['You are not allowed to view this application']);
  return row;
}

async function create(ctx: PortalContext, req: PortalRequest) {
  const raw: unknown = await req.json(z.unknown());
  const parsed = createBody.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`));
  const body = parsed.data;
  const service = ctx.catalogue.byIdOrIdentifier(body.service);
  if (!service) throw new HttpError(400, ['Service not found']);
  const schema = serviceSchema(ctx.catalogue, service);
  if (!schema) throw new HttpError(400, ['There was an error on retrieve form schema']);
  const data = body.data ?? {};
  if (Object.keys(data).length === 0) throw new HttpError(400, ['Empty application are not allowed']);
  const flattened = flatten(data, schema);
  const refs = fileReferences(flattened, schema);
  const uploads = refs.map((r) => (typeof r.id === 'string' ? findUpload(ctx, r.id) : undefined));
  // addAttachmentsToApplication throws on a file the database does not know; the controller answers 500.
  if (uploads.some((u) => u === undefined)) throw saveError();
  const status = Number(body.status ?? 1000);
  const id = randomUUID();
  const now = ctx.now().toISOString();
  const stored: Dematerialized = { data, flattened, schema: Object.fromEntries(schema) };
  const fc = flattened['applicant.data.fiscal_code.data.fiscal_code'];
  ctx.db.transaction(() => {
    const citizen = citizenFor(
      ctx.db,
      {
        fiscalCode: typeof fc === 'string' && fc ? fc : null,
        name: typeof flattened['applicant.data.completename.data.name'] === 'string' ? (flattened['applicant.data.completename.data.name'] as string) : undefined,
        surname: typeof flattened['applicant.data.completename.data.surname'] === 'string' ? (flattened['applicant.data.completename.data.surname'] as string) : undefined,
        email: typeof flattened['applicant.data.email_address'] === 'string' ? (flattened['applicant.data.email_address'] as string) : undefined,
      },
      ctx.now(),
    );
    ctx.db
      .prepare(
        `INSERT INTO applications (id, user_id, created_by, service_id, status, data, created_at, updated_at, submitted_at, latest_status_change_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, citizen.id, req.caller!.id, service.id, status, JSON.stringify(stored), now, now, status > 1000 ? now : null, now);
    // "Creazione pratica da altro soggetto": the operator's create is in the history.
    ctx.db.prepare('INSERT INTO history (application_id, status, message, at) VALUES (?, ?, NULL, ?)').run(id, status, now);
    const link = ctx.db.prepare(`INSERT OR IGNORE INTO application_files (application_id, upload_id, kind) VALUES (?, ?, 'attachment')`);
    const describe = ctx.db.prepare('UPDATE uploads SET description = ? WHERE id = ?');
    refs.forEach((r, i) => {
      link.run(id, uploads[i]!.id);
      // The file object's `fileType` becomes the attachment's description.
      if (typeof r.fileType === 'string' && r.fileType) describe.run(r.fileType, uploads[i]!.id);
    });
    // The create's own status change (1900), or the PDF job setting the status again (others).
    if (status > 1000) afterStatusChange(ctx, id);
    if (status === 1900) changeStatus(ctx, id, 2000, null);
  })();
  return serializeApplication(ctx, findApplication(ctx, id), req.params.tenant!);
}

export const applicationRoutes: RouteModule = (ctx) => [
  { method: 'GET', path: '/{tenant}/api/applications', access: 'user', handle: (req) => ({ status: 200, json: listApplications(ctx, req) }) },
  { method: 'POST', path: '/{tenant}/api/applications', access: 'user', handle: async (req) => ({ status: 201, json: await create(ctx, req) }) },
  {
    method: 'GET',
    path: '/{tenant}/api/applications/{id}',
    access: 'user',
    handle: (req) => ({ status: 200, json: serializeApplication(ctx, visible(ctx, req), req.params.tenant!) }),
  },
  {
    method: 'GET',
    path: '/{tenant}/api/applications/{id}/history',
    access: 'user',
    handle(req) {
      const row = findApplication(ctx, req.params.id!);
      // The voter inside a `try` whose catch answers every exception the same way.
      if (!canView(req.caller!, row)) throw new HttpError(400, ['Identifier conversion error']);
      return { status: 200, json: historyOf(ctx, row.id) };
    },
  },
  {
    method: 'GET',
    path: '/{tenant}/api/applications/{id}/attachments/{attachmentId}',
    access: 'user',
    handle(req) {
      const upload = findUpload(ctx, req.params.attachmentId!);
      if (!upload) throw new HttpError(404, ['Attachment not found']);
      visible(ctx, req);
      return serveFile(ctx, upload, upload.original_filename);
    },
  },
];
