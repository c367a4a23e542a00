/**
 * Integration requests, src/Controller/Rest/ApplicationsAPIController.php with
 * src/Services/Manager/PraticaManager.php (shapes: ./transition-support.ts):
 * - `request-integration` (2049-2131, requestIntegration 463-515): ApplicationVoter::ACCEPT_OR_REJECT
 *   = an operator who is the application's assigned `operatore` (admins and merely enabled operators
 *   are refused: 400 "Access Denied."); unknown application 400 "Application not found";
 *   RequestIntegrationFormType {message (NotBlank, NotNull), attachments?: [{name, mime_type, file}]}
 *   with the attachment checks (../files.ts) as root errors of `request_integration_form`; from 4000,
 *   4500 or 4100, else 400 with the change_status text; stores a Message (visibility applicant,
 *   protocol_required false, subject "Nuovo messaggio richiesta numero <id>" (messages.it.yml:650),
 *   files described "Allegato richiesta integrazione") mailed to the citizen, the request document,
 *   and a 4100 history entry whose `message_id` is that message (`message` null); without protocol
 *   4200 at once (../status-flow.ts);
 * - `accept-integration` (2133-2219, acceptIntegration 550-564): same voter; exactly 4200, else
 *   400 "Application is not in the correct state"; `messages` read with `$request->get('messages',
 *   [])`: each a uuid ("<id> not is a valid Uuid") of this application ("Message <id> not found");
 *   an empty list is `!empty()`-false, so `[]` collects like null; -> 4300;
 * - `cancel-integration` (2221-2277, cancelIntegration 525-540): same voter and state; an answer
 *   document with no messages; -> 4300;
 * - `register-integration-request` (2356-2457, registerIntegrationRequest 572-586) and
 *   `register-integration-answer` (2459-2567, registerIntegrationAnswer 594-615): 404 ["Application
 *   not found"]; ApplicationVoter::EDIT (generic 400); 422 ["Application does not need to be
 *   protocolled"]; `integration_outbound|inbound_protocol_number` required, `…_document_id`,
 *   `…_protocolled_at` read, not stored; from 4100/4200 -> 4200, from 4300/4400 -> 4400 (-> 4000);
 *   an answer-less request: nothing done, still 204.
 */
import { canEdit, type ApplicationRow } from '../applications-model';
import type { PortalContext } from '../context';
import { attachmentError, type Base64File } from '../files';
import { activeIntegrationRequest, createIntegrationAnswer, createIntegrationRequest, registerIntegrationProtocol } from '../integrations';
import { findMessage, saveMessage } from '../messages-model';
import { HtmlError, HttpError, type Caller, type PortalRequest, type RouteModule } from '../router';
import { needsProtocol, setNewStatus, TransitionError, validateChangeStatus } from '../status-flow';
import { applicationOrFail, bodyOf, grant, inTry, requiredText, text, validationError } from './transition-support';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ATOMISH = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?$/;

const path = (action: string) => `/{tenant}/api/applications/{id}/transition/${action}`;

/** ApplicationVoter::canAcceptOrReject. */
const isAssignedOperator = (caller: Caller, row: ApplicationRow) => caller.role === 'operator' && row.operator_id === caller.id;

async function requestIntegration(ctx: PortalContext, req: PortalRequest): Promise<void> {
  const row = applicationOrFail(ctx, req.params.id!);
  grant(isAssignedOperator(req.caller!, row));
  const body = await bodyOf(req);
  const files = Array.isArray(body.attachments) ? (body.attachments as unknown[]) : [];
  const root = attachmentError(files);
  const message = requiredText(body, 'message');
  const errors = [...(root ? [`${root}: request_integration_form`] : []), ...(message ? [message] : [])];
  if (errors.length > 0) throw validationError(errors);
  validateChangeStatus(ctx, row, 4100);
  ctx.db.transaction(() => {
    const stored = saveMessage(ctx, {
      application: row,
      author: req.caller!,
      message: text(body.message)!,
      visibility: 'applicant',
      subject: `Nuovo messaggio richiesta numero ${row.id}`,
      protocolRequired: false,
      files: files as Base64File[],
      fileDescription: 'Allegato richiesta integrazione',
    });
    createIntegrationRequest(ctx, row.id, stored.id);
    setNewStatus(ctx, row.id, 4100, { messageId: stored.id });
  })();
}

function closeIntegration(ctx: PortalContext, req: PortalRequest, body: Record<string, unknown>, cancel: boolean): void {
  const row = applicationOrFail(ctx, req.params.id!);
  grant(isAssignedOperator(req.caller!, row));
  if (row.status !== 4200) throw new TransitionError('Application is not in the correct state');
  let ids: string[] | null = null;
  const given = body.messages;
  // `!empty($messagesID)`: null, [] and a missing key all mean "collect them yourself"; foreach over a non-array does nothing.
  if (!cancel && Array.isArray(given) && given.length > 0) {
    ids = given.map((raw) => {
      const id = String(raw);
      if (!UUID.test(id)) throw new TransitionError(`${id} not is a valid Uuid`);
      if (findMessage(ctx, id)?.application_id !== row.id) throw new TransitionError(`Message ${id} not found`);
      return id;
    });
  }
  validateChangeStatus(ctx, row, 4300);
  ctx.db.transaction(() => {
    createIntegrationAnswer(ctx, row.id, ids, cancel);
    setNewStatus(ctx, row.id, 4300);
  })();
}

/** The protocol forms (`form`): the number required, the date parsed (a bad one is the field's error) and dropped. */
function protocolForm(body: Record<string, unknown>, prefix: string): { number: string; documentId: string | null } {
  const errors: unknown[] = [];
  const numberErrors = requiredText(body, `${prefix}_protocol_number`);
  const at = body[`${prefix}_protocolled_at`];
  if (numberErrors) errors.push(numberErrors);
  if (at !== undefined && at !== null && at !== '' && (typeof at !== 'string' || !ATOMISH.test(at))) errors.push([`This value is not valid.: ${prefix}_protocolled_at`]);
  if (errors.length > 0) throw validationError(errors);
  return { number: text(body[`${prefix}_protocol_number`])!, documentId: text(body[`${prefix}_protocol_document_id`]) };
}

async function registerIntegration(ctx: PortalContext, req: PortalRequest, what: 'request' | 'answer'): Promise<void> {
  const row = ctx.db.prepare('SELECT * FROM applications WHERE id = ?').get(req.params.id!) as ApplicationRow | undefined;
  if (!row) throw new HttpError(404, ['Application not found']);
  grant(canEdit(req.caller!, row));
  if (!needsProtocol(ctx, row)) throw new HttpError(422, ['Application does not need to be protocolled']);
  const form = protocolForm(await bodyOf(req), what === 'request' ? 'integration_outbound' : 'integration_inbound');
  const to = what === 'request' ? 4200 : 4400;
  validateChangeStatus(ctx, row, to);
  // getRichiestaDiIntegrazioneAttiva() is null: a PHP Error on null, past the catch.
  if (!activeIntegrationRequest(ctx, row.id)) throw new HtmlError(500);
  ctx.db.transaction(() => {
    if (registerIntegrationProtocol(ctx, row.id, what, form.number, form.documentId)) setNewStatus(ctx, row.id, to);
  })();
}

export const integrationTransitionRoutes: RouteModule = (ctx) => [
  { method: 'POST', path: path('request-integration'), access: 'any-user', handle: (req) => inTry('message', () => requestIntegration(ctx, req)) },
  { method: 'POST', path: path('accept-integration'), access: 'any-user', handle: async (req) => inTry('message', async () => closeIntegration(ctx, req, await bodyOf(req), false)) },
  { method: 'POST', path: path('cancel-integration'), access: 'any-user', handle: (req) => inTry('message', () => closeIntegration(ctx, req, {}, true)) },
  { method: 'POST', path: path('register-integration-request'), access: 'any-user', handle: (req) => inTry('generic', () => registerIntegration(ctx, req, 'request')) },
  { method: 'POST', path: path('register-integration-answer'), access: 'any-user', handle: (req) => inTry('generic', () => registerIntegration(ctx, req, 'answer')) },
];
