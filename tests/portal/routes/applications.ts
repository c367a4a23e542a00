/**
 * Applications (pratiche), as src/Controller/Rest/ApplicationsAPIController.php and
 * src/Services/Manager/PraticaManager.php handle them:
 * - `POST /{tenant}/api/applications` {user?, service, data, status} -> 201 with the application.
 *   `service` is a uuid or the service's `identifier` (not its slug); unknown -> 400 ["Service not found"].
 *   An operator or admin creates on behalf of the citizen named by
 *   `applicant.data.fiscal_code.data.fiscal_code` (found or created: checkUser). A citizen creates
 *   for themselves only: the applicant's fiscal code, name and surname must be theirs, compared
 *   without case (PraticaManager::validateUserData, in that order; a missing one is compared as
 *   ""), else 400 {type: "error", title: "There was an error during save process", description:
 *   <steps.formio.*_violation_message of translations/messages.it.yml>} and nothing stored. Unknown keys of
 *   `data` are kept (the schema check is commented out). A file is linked only from a `file` or
 *   `sdcfile` field of the service's form (addAttachmentsToApplication), anything else is kept as
 *   data and never linked, without error; an unknown upload id there is a 500. Status 1900 moves to
 *   2000 at once. There is NO idempotency key.
 * - `GET /{tenant}/api/applications` (applications-list.ts).
 * - `GET .../{id}` (v1; ApplicationVoter::VIEW refusing inside the `try`: 403 ["You are not allowed
 *   to view this application"]), `GET .../{id}/history` (Model/Transition.php; a refusal is 400
 *   ["Identifier conversion error"], getApplicationHistoryAction's catch-all),
 *   `GET .../{id}/attachments/{attachmentId}` (the bytes; the attachment is looked up on its own,
 *   404 ["Attachment not found"]; VIEW outside any `try`, so a refusal, or an application that
 *   does not exist, is the 403 page).
 * Every one is open to citizens' tokens (`denyAccessUnlessGranted(['ROLE_CPS_USER', 'ROLE_OPERATORE',
 * 'ROLE_ADMIN'])` or the voter): a citizen sees their own applications only (VIEW: the owner).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { citizenFor } from '../accounts';
import { afterStatusChange } from '../calendar-integration';
import { canView, changeStatus, findApplication, historyOf, serializeApplication, type ApplicationRow, type Dematerialized } from '../applications-model';
import type { PortalContext } from '../context';
import { fileReferences, flatten, serviceSchema } from '../form-schema';
import { serveFile } from '../files';
import { HtmlError, HttpError, type Caller, type PortalRequest, type RouteModule } from '../router';
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

/** PraticaManager::validateUserData's checks, each with its message (translations/messages.it.yml, steps.formio). */
const USER_DATA_CHECKS = [
  { key: 'applicant.data.fiscal_code.data.fiscal_code', column: 'fiscal_code', message: 'Il codice fiscale inserito non coincide con quello restituito dal sistema di autenticazione.' },
  { key: 'applicant.data.completename.data.name', column: 'name', message: 'Il Nome non coincide con quello restituito dal sistema di autenticazione' },
  { key: 'applicant.data.completename.data.surname', column: 'surname', message: 'Il Cognome non coincide con quello restituito dal sistema di autenticazione' },
] as const;

/** PHP's strcasecmp: only ASCII letters fold; null (a missing key) reads as "". */
const asciiLower = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v)).replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The first of validateUserData's checks the applicant data fails for this citizen, or null. */
function userDataMismatch(ctx: PortalContext, citizen: Caller, flattened: Record<string, unknown>): string | null {
  const user = ctx.db.prepare('SELECT fiscal_code, name, surname FROM users WHERE id = ?').get(citizen.id) as Record<'fiscal_code' | 'name' | 'surname', string | null>;
  return USER_DATA_CHECKS.find((c) => asciiLower(flattened[c.key]) !== asciiLower(user[c.column]))?.message ?? null;
}

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
  const caller = req.caller!;
  const mismatch = caller.role === 'citizen' ? userDataMismatch(ctx, caller, flattened) : null;
  if (mismatch) throw new HttpError(400, { type: 'error', title: 'There was an error during save process', description: mismatch });
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
    const citizen = caller.role === 'citizen' ? caller : citizenFor(
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
      .run(id, citizen.id, caller.id, service.id, status, JSON.stringify(stored), now, now, status > 1000 ? now : null, now);
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
  { method: 'GET', path: '/{tenant}/api/applications', access: 'any-user', handle: (req) => ({ status: 200, json: listApplications(ctx, req) }) },
  { method: 'POST', path: '/{tenant}/api/applications', access: 'any-user', handle: async (req) => ({ status: 201, json: await create(ctx, req) }) },
  {
    method: 'GET',
    path: '/{tenant}/api/applications/{id}',
    access: 'any-user',
    handle: (req) => ({ status: 200, json: serializeApplication(ctx, visible(ctx, req), req.params.tenant!) }),
  },
  {
    method: 'GET',
    path: '/{tenant}/api/applications/{id}/history',
    access: 'any-user',
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
    access: 'any-user',
    handle(req) {
      const upload = findUpload(ctx, req.params.attachmentId!);
      if (!upload) throw new HttpError(404, ['Attachment not found']);
      const row = ctx.db.prepare('SELECT * FROM applications WHERE id = ?').get(req.params.id!) as ApplicationRow | undefined;
      if (!row || !canView(req.caller!, row)) throw new HtmlError(403);
      return serveFile(ctx, upload, upload.original_filename);
    },
  },
];
