/**
 * Payments, as src/Controller/Rest/ApplicationsAPIController.php and PaymentsAPIController.php
 * answer them (the payment itself lives in the payment stack: ../payment-stack.ts):
 * - `GET /{tenant}/api/applications/{id}/payment` (getApplicationPaymentAction 1294-1317): 404
 *   ["Application not found"]; the voter inside the `try`, so a refusal is 400 ["Errer fetching
 *   payment of application: <id>"] (sic); the stack's first payment for the application as
 *   `{id, reason, status, created_at, updated_at}` plus `links` while PAYMENT_PENDING; none: 404
 *   ["Payment data not found"]. Any user the voter lets VIEW, citizens included.
 * - `POST /{tenant}/api/applications/{id}/payment` (postApplicationPaymentAction 1370-1435), the
 *   `notify` url the gateway calls with a PaymentOutcome (src/Model/PaymentOutcome.php,
 *   src/Form/PaymentOutcomeType.php) `{status, status_code, status_message, data?}`: 404; VIEW
 *   outside the `try` (a 403 page); not at 1500/1510: 422 ["Application isn't in correct state"];
 *   a blank field: 400 validation_error; "OK" -> 1520 (then completed or submitted), anything else
 *   -> 1530; 200 ["Application Payment Modified Successfully"].
 * - `POST .../transition/complete-payment` (applicationTransitionPaymentCompletedAction
 *   2609-2643): the office forces 1520; ApplicationVoter::ASSIGN inside the `try` (a refusal is the
 *   generic 400), 404, 422 as above, 200 ["Application Status Payment Modified Successfully"]. The
 *   status message it writes when the body has a `message` (generateStatusMessage) is not reproduced.
 * - `GET /{tenant}/api/payments?remote_id=` (PaymentsAPIController::getPaymentsAction 97-125):
 *   every payment of the stack without `remote_id` (the real query has no tenant filter either);
 *   with one: 404 ["Application not found"], VIEW outside the `try` (a 403 page); none: 404
 *   ["Payment data not found"]; a plain array of payments (PaymentService::getPayments).
 * OURS: `PUT /__admin/payments/{paymentId}` {status} moves the stack's payment (what the gateway
 * does when the citizen pays); `GET /__gateway/efil/{online|notice|receipt}/{paymentId}` are the
 * gateway's pages (a page naming the payment, the notice and receipt as placeholder PDFs).
 */
import { z } from 'zod';
import { canView, findApplication } from '../applications-model';
import type { PortalContext } from '../context';
import { placeholderPdf } from '../integrations';
import { completePayment, recordPaymentOutcome, type PaymentOutcome } from '../payments-model';
import { paymentJson, paymentStatusJson, setStackStatus, STACK_STATUSES, stackPaymentsOf, type StackPaymentRow } from '../payment-stack';
import { HtmlError, HttpError, type PortalRequest, type RouteModule } from '../router';
import { bodyOf, grant, inTry } from './transition-support';

const NOT_IN_STATE = () => new HttpError(422, ["Application isn't in correct state"]);
const PAYABLE = new Set([1500, 1510]);

function getPayment(ctx: PortalContext, req: PortalRequest) {
  const row = findApplication(ctx, req.params.id!);
  if (!canView(req.caller!, row)) throw new HttpError(400, [`Errer fetching payment of application: ${req.params.id!}`]);
  const first = stackPaymentsOf(ctx, row.id)[0];
  if (!first) throw new HttpError(404, ['Payment data not found']);
  return paymentStatusJson(ctx, first);
}

/** A TextType with NotBlank + NotNull (the model's asserts), its errors nested under the child as FormUtils collects them. */
function outcomeOf(body: Record<string, unknown>): PaymentOutcome {
  const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
  const errors: string[][] = [];
  for (const field of ['status', 'status_code', 'status_message'] as const) {
    const v = text(body[field]);
    if (v === null || v === '') errors.push(v === null ? [`This field is mandatory: ${field}: ${field}`, `This field is mandatory: ${field}: ${field}`] : [`This field is mandatory: ${field}: ${field}`]);
  }
  if (errors.length > 0) throw new HttpError(400, { type: 'validation_error', title: 'There was a validation error', errors });
  // processForm json-encodes `data`, PaymentOutcome::setData decodes it: an object or list stays one, nothing is [].
  const data = body.data === undefined || body.data === null || body.data === '' ? [] : typeof body.data === 'string' ? (JSON.parse(body.data) as unknown) : body.data;
  return { status: text(body.status)!, status_code: text(body.status_code)!, status_message: text(body.status_message)!, data };
}

async function postPayment(ctx: PortalContext, req: PortalRequest) {
  const row = findApplication(ctx, req.params.id!);
  if (!canView(req.caller!, row)) throw new HtmlError(403);
  if (!PAYABLE.has(row.status)) throw NOT_IN_STATE();
  const outcome = outcomeOf(await bodyOf(req));
  try {
    ctx.db.transaction(() => recordPaymentOutcome(ctx, row, outcome))();
  } catch {
    throw new HttpError(500, { type: 'error', title: 'There was an error during save process', description: 'Contact technical support at support@opencontent.it' });
  }
  return ['Application Payment Modified Successfully'];
}

async function completePaymentTransition(ctx: PortalContext, req: PortalRequest) {
  // Everything is inside the action's `try`: "not found" and "not in state" are answers it returns, the voter's refusal is caught.
  const row = findApplication(ctx, req.params.id!);
  await inTry('generic', () => {
    const caller = req.caller!;
    // ApplicationVoter::ASSIGN: an operator enabled on the service (as for `assign`).
    grant(caller.role === 'operator' && caller.services.includes(row.service_id));
    if (!PAYABLE.has(row.status)) throw NOT_IN_STATE();
    ctx.db.transaction(() => completePayment(ctx, row))();
  });
  return { status: 200, json: ['Application Status Payment Modified Successfully'] };
}

function listPayments(ctx: PortalContext, req: PortalRequest) {
  // `$request->get('remote_id', false)`: an empty value is no filter.
  const remoteId = req.query.get('remote_id') || null;
  if (remoteId !== null) {
    const row = ctx.db.prepare('SELECT * FROM applications WHERE id = ?').get(remoteId);
    if (!row) throw new HttpError(404, ['Application not found']);
    if (!canView(req.caller!, findApplication(ctx, remoteId))) throw new HtmlError(403);
  }
  const payments = stackPaymentsOf(ctx, remoteId);
  if (payments.length === 0) throw new HttpError(404, ['Payment data not found']);
  return payments.map((p) => paymentJson(ctx, p));
}

function stackPayment(ctx: PortalContext, id: string): StackPaymentRow {
  const p = ctx.db.prepare('SELECT * FROM stack_payments WHERE id = ?').get(id) as StackPaymentRow | undefined;
  if (!p) throw new HttpError(404, ['Payment not found']);
  return p;
}

const euro = (amount: number) => amount.toFixed(2).replace('.', ',');

export const paymentRoutes: RouteModule = (ctx) => [
  { method: 'GET', path: '/{tenant}/api/applications/{id}/payment', access: 'any-user', handle: (req) => ({ status: 200, json: getPayment(ctx, req) }) },
  { method: 'POST', path: '/{tenant}/api/applications/{id}/payment', access: 'any-user', handle: async (req) => ({ status: 200, json: await postPayment(ctx, req) }) },
  { method: 'POST', path: '/{tenant}/api/applications/{id}/transition/complete-payment', access: 'user', handle: (req) => completePaymentTransition(ctx, req) },
  { method: 'GET', path: '/{tenant}/api/payments', access: 'any-user', handle: (req) => ({ status: 200, json: listPayments(ctx, req) }) },
  {
    method: 'PUT',
    path: '/__admin/payments/{paymentId}',
    access: 'test-admin',
    async handle(req) {
      const { status } = await req.json(z.object({ status: z.enum(STACK_STATUSES) }));
      stackPayment(ctx, req.params.paymentId!);
      setStackStatus(ctx, req.params.paymentId!, status);
      return { status: 200, json: paymentJson(ctx, stackPayment(ctx, req.params.paymentId!)) };
    },
  },
  {
    method: 'GET',
    path: '/__gateway/efil/online/{paymentId}',
    access: 'public',
    handle(req) {
      const p = stackPayment(ctx, req.params.paymentId!);
      const html = `<!DOCTYPE html><html lang="it"><head><meta charset="UTF-8"><title>Pagamento pagoPA</title></head><body><h1>Pagamento pagoPA</h1><p>Avviso ${p.notice_code}, € ${euro(p.amount)}: ${p.reason.replace(/[<>&]/g, '')}</p></body></html>`;
      return { status: 200, body: Buffer.from(html), headers: { 'content-type': 'text/html; charset=UTF-8' } };
    },
  },
  {
    method: 'GET',
    path: '/__gateway/efil/{page}/{paymentId}',
    access: 'public',
    handle(req) {
      const p = stackPayment(ctx, req.params.paymentId!);
      const page = req.params.page;
      if ((page !== 'notice' && page !== 'receipt') || (page === 'receipt' && p.status !== 'COMPLETE')) throw new HttpError(404, ['Not found']);
      const title = page === 'notice' ? `Avviso di pagamento ${p.notice_code} EUR ${euro(p.amount)}` : `Ricevuta di pagamento ${p.notice_code} EUR ${euro(p.amount)}`;
      return { status: 200, body: placeholderPdf(title), headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${page}-${p.notice_code}.pdf"` } };
    },
  },
];
