/**
 * An application's payment as the real portal keeps and moves it:
 * - Pratica::$paymentType / $paymentData (src/Entity/Pratica.php 1854-1885; `[]` when unset), in
 *   the JSON through ApplicationDto::preparePaymentData (src/Dto/ApplicationDto.php 249-250,
 *   426-434): the gateway handler's `getSimplifiedData`, the data as stored for `generic-external`
 *   (src/Payment/Gateway/GenericExternalPay.php 95-98), `[]` without data;
 * - the amount: the form's `payment_amount` (comma as decimal point) or the service's
 *   `payment_parameters.total_amounts` (src/Entity/FormIO.php 53-66);
 * - PaymentService::createPaymentData (src/Services/PaymentService.php 45-86): `amount` (a string),
 *   `reason` (the form's `payment_description`, else "<application id> - <fiscal code>": the
 *   service's `reason` is NOT used), `split`, `expire_at` (+90 days, W3C), `notify` (this
 *   application's `POST .../payment`), `landing` (the citizen's application page);
 * - the deferred payment of PraticaManager::finalize (src/Services/Manager/PraticaManager.php
 *   348-370): an accepted application of a `payment_required: 2` service with an amount goes to
 *   1500 with the first gateway of `payment_parameters.gateways` (none: an exception); payment
 *   data and type only for gateways other than `bollo` and `mypay`;
 * - the outcome (ApplicationsAPIController::postApplicationPaymentAction 1404-1417): stored as
 *   `payment_data.outcome`, "OK" -> 1520, anything else -> 1530; and PaymentOutcomeListener
 *   (src/EventListener/PaymentOutcomeListener.php 33-50): at 1520 an application with an outcome
 *   (deferred payment) completes (6000 with protocol, 7000 without), one without is submitted
 *   (1900, then 2000 as the create's PDF step does).
 * The gateways are the portal's `payment_gateways` (config/packages/app.yaml 128-143).
 */
import type { ApplicationRow, Dematerialized } from './applications-model';
import type { PortalContext } from './context';
import { openStackPayment } from './payment-stack';
import type { PortalDb } from './portal-db';
import { HtmlError } from './router';
import { needsProtocol, setNewStatus, TransitionError, validateChangeStatus } from './status-flow';

/** config/packages/app.yaml `payment_gateways`: identifier -> handler. */
const GATEWAY_HANDLERS: Record<string, 'bollo' | 'generic-external' | 'mypay'> = { bollo: 'bollo', efil: 'generic-external', mypay: 'mypay' };

/** OURS, the seed: a paying service whose catalogue entry names no gateways is configured with efil. */
const DEFAULT_GATEWAYS = { efil: { identifier: 'efil', parameters: {} } };

const DAYS_TO_PAY = 90;

export function createPaymentTables(db: PortalDb): void {
  db.exec(`
    -- Pratica::paymentType, Pratica::paymentData (JSON).
    CREATE TABLE IF NOT EXISTS application_payments (
      application_id TEXT PRIMARY KEY REFERENCES applications(id), payment_type TEXT, payment_data TEXT NOT NULL DEFAULT '[]'
    ) STRICT;
    -- OURS: the payment stack's payments (ksqlDB's payments_detail, written by payment-dispatcher and the gateway's proxy).
    CREATE TABLE IF NOT EXISTS stack_payments (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, remote_id TEXT NOT NULL REFERENCES applications(id), user_id TEXT NOT NULL,
      service_id TEXT NOT NULL, gateway TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL, amount REAL NOT NULL,
      notice_code TEXT NOT NULL, iuv TEXT NOT NULL, iud TEXT NOT NULL, expire_at TEXT, paid_at TEXT, transaction_id TEXT,
      landing_url TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, event_id TEXT NOT NULL
    ) STRICT;
  `);
}

export interface PaymentFields {
  payment_type: string | null;
  payment_data: Record<string, unknown> | [];
}

export function paymentFieldsOf(ctx: PortalContext, applicationId: string): PaymentFields {
  const row = ctx.db.prepare('SELECT payment_type, payment_data FROM application_payments WHERE application_id = ?').get(applicationId) as
    | { payment_type: string | null; payment_data: string }
    | undefined;
  const data = JSON.parse(row?.payment_data ?? '[]') as Record<string, unknown> | [];
  const empty = Array.isArray(data) || Object.keys(data).length === 0;
  if (empty) return { payment_type: row?.payment_type ?? null, payment_data: [] };
  // `$availableGateways[$type]['handler']` of an unconfigured gateway: a PHP Error, the 500 page.
  if (!GATEWAY_HANDLERS[row!.payment_type ?? '']) throw new HtmlError(500);
  return { payment_type: row!.payment_type, payment_data: data };
}

function savePaymentFields(ctx: PortalContext, applicationId: string, type: string | null, data: Record<string, unknown>): void {
  ctx.db
    .prepare(
      `INSERT INTO application_payments (application_id, payment_type, payment_data) VALUES (?, ?, ?)
       ON CONFLICT(application_id) DO UPDATE SET payment_type = excluded.payment_type, payment_data = excluded.payment_data`,
    )
    .run(applicationId, type, JSON.stringify(data));
}

const numeric = (v: unknown): string | null => {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.replace(',', '.') : null;
  return s !== null && s.trim() !== '' && Number.isFinite(Number(s)) ? s : null;
};

function parametersOf(ctx: PortalContext, row: ApplicationRow): Record<string, unknown> {
  const p = ctx.catalogue.services.get(row.service_id)?.payment_parameters;
  return typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
}

/** FormIO::getPaymentAmount, as a number (0 without one). */
function paymentAmount(ctx: PortalContext, row: ApplicationRow): number {
  const flat = (JSON.parse(row.data) as Dematerialized).flattened;
  const fromForm = flat.payment_amount ? numeric(flat.payment_amount) : null;
  return Number(fromForm ?? numeric(parametersOf(ctx, row).total_amounts) ?? 0) || 0;
}

/** PaymentService::createPaymentData. */
function createPaymentData(ctx: PortalContext, row: ApplicationRow): Record<string, unknown> {
  const flat = (JSON.parse(row.data) as Dematerialized).flattened;
  const data: Record<string, unknown> = {};
  const fromForm = numeric(flat.payment_amount);
  if (fromForm !== null) {
    data.amount = fromForm;
    if (flat.payment_financial_report !== undefined) data.split = flat.payment_financial_report;
  } else {
    const configured = numeric(parametersOf(ctx, row).total_amounts);
    if (configured !== null) data.amount = configured;
  }
  const fiscalCode = (ctx.db.prepare('SELECT fiscal_code FROM users WHERE id = ?').pluck().get(row.user_id) as string | null) ?? '';
  data.reason = typeof flat.payment_description === 'string' && flat.payment_description ? flat.payment_description : `${row.id} - ${fiscalCode}`;
  data.split ??= null;
  data.expire_at = `${new Date(ctx.now().getTime() + DAYS_TO_PAY * 86_400_000).toISOString().slice(0, 19)}+00:00`;
  const base = `${ctx.baseUrl()}/${ctx.catalogue.tenant.slug}`;
  data.notify = { url: `${base}/api/applications/${row.id}/payment`, method: 'POST' };
  data.landing = { url: `${base}/it/pratiche/${row.id}/detail`, method: 'GET' };
  return data;
}

/** `payment_required: 2` with an amount: what `accept` does instead of completing. */
export function deferredPaymentDue(ctx: PortalContext, row: ApplicationRow): boolean {
  return ctx.catalogue.services.get(row.service_id)?.payment_required === 2 && paymentAmount(ctx, row) > 0;
}

/** PraticaManager::finalize's deferred branch, in the caller's transaction: 1500, the payment data, and (OURS) the stack's payment. */
export function requestDeferredPayment(ctx: PortalContext, row: ApplicationRow, message: string | null): void {
  const configured = parametersOf(ctx, row).gateways;
  const gateways = configured === undefined ? DEFAULT_GATEWAYS : configured;
  const identifier = typeof gateways === 'object' && gateways !== null ? Object.keys(gateways)[0] : undefined;
  // BadRequestHttpException('payment.no_selected_gateways'), caught by the transition.
  if (!identifier) throw new TransitionError('Nessun metodo di pagamento selezionato');
  validateChangeStatus(ctx, row, 1500);
  const external = identifier !== 'bollo' && identifier !== 'mypay';
  const data = external ? createPaymentData(ctx, row) : null;
  if (data) savePaymentFields(ctx, row.id, identifier, data);
  // The StatusChange carries an `evento` ("Approvazione pratica"), not a message: the history entry's message is null.
  setNewStatus(ctx, row.id, 1500, { extra: { outcome: 1, outcome_motivation: message } });
  // The payment-dispatcher picks the application up from Kafka and the gateway's proxy opens the debt position.
  if (data && GATEWAY_HANDLERS[identifier] === 'generic-external') openStackPayment(ctx, row, identifier, data);
}

export interface PaymentOutcome {
  status: string;
  status_code: string;
  status_message: string;
  data: unknown;
}

/** PaymentOutcomeListener::onStatusChange at 1520. */
function afterPaymentSuccess(ctx: PortalContext, row: ApplicationRow): void {
  if (row.outcome === 1) {
    setNewStatus(ctx, row.id, needsProtocol(ctx, row) ? 6000 : 7000);
    return;
  }
  setNewStatus(ctx, row.id, 1900, { extra: { submitted_at: ctx.now().toISOString() } });
  // CreatePdfPraticaListener's PDF, then ModuloPdfBuilderService::executeScheduledAction (733-734).
  setNewStatus(ctx, row.id, 2000);
}

/** postApplicationPaymentAction after the form check, in the caller's transaction. */
export function recordPaymentOutcome(ctx: PortalContext, row: ApplicationRow, outcome: PaymentOutcome): void {
  const current = paymentFieldsOf(ctx, row.id);
  const data = Array.isArray(current.payment_data) ? {} : current.payment_data;
  savePaymentFields(ctx, row.id, current.payment_type, { ...data, outcome });
  const paid = outcome.status === 'OK';
  setNewStatus(ctx, row.id, paid ? 1520 : 1530);
  if (paid) afterPaymentSuccess(ctx, row);
}

/**
 * PraticaManager::finalizePaymentCompleteSubmission (212-227): 1520 (its "Pagamento completato" is
 * the StatusChange's `evento`, not the history's message), then the listener.
 */
export function completePayment(ctx: PortalContext, row: ApplicationRow): void {
  setNewStatus(ctx, row.id, 1520);
  afterPaymentSuccess(ctx, row);
}
