/**
 * Back-office transitions, one route each as in src/Controller/Rest/ApplicationsAPIController.php,
 * `POST /{tenant}/api/applications/{id}/transition/<action>` -> 204 (./transition-support.ts for
 * the shared shapes). The app files and reads; tests and demos play the office with these:
 * - `register` (1660-1737) {protocol_folder_number, protocol_number (both required),
 *   protocol_folder_code?, protocol_document_id?}: 404 ["Application not found"]; 422 when the
 *   number is already there or the service needs no protocol; only 2000 -> 3000
 *   (PraticaStatusService's list; 3000 -> 3000 is the same status, allowed);
 * - `assign` (1893-1943, PraticaManager::assign 235-320): ApplicationVoter::ASSIGN, an operator
 *   enabled on the service (not an admin, not one merely assigned); already assigned to the caller,
 *   or a protocol service without a protocol number: 400; -> 4000 where allowed, otherwise the
 *   same status again (a history entry); the caller becomes the application's `operatore`;
 * - `submit` (1619-1642, PraticaManager::finalizeSubmission 181-205): ApplicationVoter::SUBMIT
 *   (the owner, an admin, an operator enabled or assigned); at 1000 -> 1900 (-> 2000 at once, as
 *   the create does); at 4200 the citizen's answer: an answer document collecting the applicant
 *   messages since the request, added to the attachments, -> 4300 (then status-flow.ts); at any
 *   other status nothing happens, still 204;
 * - `accept` / `reject` {message, attachments: [{name, mime_type, file (base64)}]} (OutcomeFormType):
 *   the files become the application's `outcome_attachments`; `withdraw`. `accept` of a deferred
 *   payment service (`payment_required: 2`) with an amount asks for the payment instead of
 *   completing (PraticaManager::finalize 352-370, ../payments-model.ts): only from 4000 -> 1500.
 * The integration transitions are in ./integration-transitions.ts. An unknown action is no route (404).
 */
import { z } from 'zod';
import { canEdit, canView, changeStatus, FINAL_STATUSES, type ApplicationRow } from '../applications-model';
import type { PortalContext } from '../context';
import { storeFile } from '../files';
import { createIntegrationAnswer } from '../integrations';
import { deferredPaymentDue, requestDeferredPayment } from '../payments-model';
import { HttpError, type PortalRequest, type Route, type RouteModule } from '../router';
import { needsProtocol, setNewStatus, TransitionError, validateChangeStatus } from '../status-flow';
import { applicationOrFail, bodyOf, GENERIC, grant, inTry, transitionFailure, validationError } from './transition-support';

const registerBody = z.looseObject({
  protocol_folder_number: z.string().min(1),
  protocol_folder_code: z.string().nullish(),
  protocol_number: z.string().min(1),
  protocol_document_id: z.string().nullish(),
});
const outcomeBody = z.object({
  message: z.string().nullish(),
  attachments: z.array(z.object({ name: z.string().min(1).max(255), mime_type: z.string().min(3), file: z.base64() })).max(10).nullish(),
});
const messageBody = z.looseObject({ message: z.string().nullish() });

/** The outcome and withdrawal moves the tests use, with the statuses they start from. */
const FLOW: Record<'accept' | 'reject' | 'withdraw', { from: number[]; to: number }> = {
  accept: { from: [2000, 3000, 4000, 4500, 5000], to: 7000 },
  reject: { from: [2000, 3000, 4000, 4500, 5000], to: 9000 },
  withdraw: { from: [1900, 2000, 3000, 4000], to: 20000 },
};

const path = (action: string) => `/{tenant}/api/applications/{id}/transition/${action}`;

function register(ctx: PortalContext, req: PortalRequest, raw: unknown): void {
  const row = ctx.db.prepare('SELECT * FROM applications WHERE id = ?').get(req.params.id!) as ApplicationRow | undefined;
  if (!row) throw new HttpError(404, ['Application not found']);
  grant(canEdit(req.caller!, row));
  if (row.protocol_number) throw new HttpError(422, ['Application already has a protocol number']);
  if (!needsProtocol(ctx, row)) throw new HttpError(422, ['Application does not need to be protocolled']);
  const b = registerBody.safeParse(raw);
  if (!b.success) throw validationError(b.error.issues.map((i) => `${i.path.join('.')}: This value should not be blank.`));
  ctx.db.transaction(() =>
    setNewStatus(ctx, row.id, 3000, {
      extra: {
        protocol_number: b.data.protocol_number,
        protocol_folder_number: b.data.protocol_folder_number,
        protocol_folder_code: b.data.protocol_folder_code ?? null,
        protocol_document_id: b.data.protocol_document_id ?? null,
        protocolled_at: ctx.now().toISOString(),
      },
    }),
  )();
}

function assign(ctx: PortalContext, req: PortalRequest): void {
  const row = applicationOrFail(ctx, req.params.id!);
  const caller = req.caller!;
  grant(caller.role === 'operator' && caller.services.includes(row.service_id));
  // BadRequestHttpException (pratica.already_assigned, pratica.no_protocol_number): caught, generic 400.
  if (row.operator_id === caller.id) throw new TransitionError(`La pratica è già assegnata a ${caller.username}`);
  if (needsProtocol(ctx, row) && row.protocol_number === null) throw new TransitionError('La pratica non ha ancora un numero di protocollo');
  let to = 4000;
  try {
    validateChangeStatus(ctx, row, to);
  } catch {
    to = row.status;
  }
  ctx.db.transaction(() => setNewStatus(ctx, row.id, to, { extra: { operator_id: caller.id } }))();
}

function submit(ctx: PortalContext, req: PortalRequest): void {
  const row = applicationOrFail(ctx, req.params.id!);
  grant(canView(req.caller!, row));
  ctx.db.transaction(() => {
    if (row.status === 1000) {
      setNewStatus(ctx, row.id, 1900, { extra: { submitted_at: ctx.now().toISOString() } });
      setNewStatus(ctx, row.id, 2000);
    } else if (row.status === 4200) {
      createIntegrationAnswer(ctx, row.id, null);
      setNewStatus(ctx, row.id, 4300);
    }
  })();
}

function outcomeOrWithdraw(ctx: PortalContext, req: PortalRequest, action: keyof typeof FLOW, raw: unknown): void {
  const row = ctx.db.prepare('SELECT * FROM applications WHERE id = ?').get(req.params.id!) as ApplicationRow | undefined;
  if (!row) throw new HttpError(404, ['Application not found']);
  if (!canView(req.caller!, row)) throw new HttpError(403, ['You are not allowed to change this application']);
  const flow = FLOW[action];
  if (FINAL_STATUSES.has(row.status) || !flow.from.includes(row.status)) throw transitionFailure(GENERIC);
  if (action === 'withdraw') {
    const b = messageBody.safeParse(raw ?? {});
    ctx.db.transaction(() => changeStatus(ctx, row.id, flow.to, b.success ? (b.data.message ?? null) : null))();
    return;
  }
  const b = outcomeBody.safeParse(raw);
  if (!b.success) throw validationError(b.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  ctx.db.transaction(() => {
    for (const f of b.data.attachments ?? []) {
      const id = storeFile(ctx, { name: f.name, mimeType: f.mime_type, bytes: Buffer.from(f.file, 'base64'), description: 'Risposta Operatore', protocolRequired: false });
      ctx.db.prepare(`INSERT INTO application_files (application_id, upload_id, kind) VALUES (?, ?, 'outcome')`).run(row.id, id);
    }
    if (action === 'accept' && deferredPaymentDue(ctx, row)) return requestDeferredPayment(ctx, row, b.data.message ?? null);
    changeStatus(ctx, row.id, flow.to, b.data.message ?? null, { outcome: action === 'accept' ? 1 : 0, outcome_motivation: b.data.message ?? null });
  })();
}

export const transitionRoutes: RouteModule = (ctx) => {
  const routes: Route[] = [
    { method: 'POST', path: path('register'), access: 'user', handle: async (req) => inTry('generic', async () => register(ctx, req, await bodyOf(req))) },
    { method: 'POST', path: path('assign'), access: 'user', handle: (req) => inTry('generic', () => assign(ctx, req)) },
    { method: 'POST', path: path('submit'), access: 'any-user', handle: (req) => inTry('generic', () => submit(ctx, req)) },
  ];
  for (const action of Object.keys(FLOW) as (keyof typeof FLOW)[]) {
    routes.push({ method: 'POST', path: path(action), access: 'user', handle: async (req) => inTry('generic', async () => outcomeOrWithdraw(ctx, req, action, await bodyOf(req))) });
  }
  return routes;
};
