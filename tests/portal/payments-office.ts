/**
 * OURS: the payment gateway and the office's payment actions, played for tests. The gateway (the
 * payment stack, payment-stack.ts) moves its payment with `PUT /__admin/payments/{id}` and then
 * tells the portal the way the real one does: a PaymentOutcome POSTed to the `notify` url the
 * portal put in the application's `payment_data` (PaymentService::createPaymentData), with an API
 * account's token (the `operatore` demo account unless told otherwise). Answers are `{status, body}`
 * as in office.ts, never thrown.
 */
import { playOffice, type Office, type OfficeAnswer } from './office';
import type { StackPaymentRow, StackStatus } from './payment-stack';
import type { Portal } from './server';

export interface StoredPayment {
  id: string;
  status: StackStatus;
  amount: number;
  reason: string;
  /** Codice avviso, 18 digits. */
  noticeCode: string;
  iuv: string;
  gateway: string;
}

const stored = (p: StackPaymentRow): StoredPayment => ({ id: p.id, status: p.status, amount: p.amount, reason: p.reason, noticeCode: p.notice_code, iuv: p.iuv, gateway: p.gateway });

/** The stack's payments for an application, oldest first (what `GET /api/payments?remote_id=` lists). */
export function storedPayments(portal: Portal, applicationId: string): StoredPayment[] {
  return (portal.db.prepare('SELECT * FROM stack_payments WHERE remote_id = ? ORDER BY seq').all(applicationId) as StackPaymentRow[]).map(stored);
}

/** The gateway moves its payment (PAYMENT_STARTED, EXPIRED...) without telling the portal. */
export async function setGatewayStatus(portal: Portal, paymentId: string, status: StackStatus): Promise<OfficeAnswer> {
  const res = await fetch(`${portal.url}/__admin/payments/${paymentId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-portal-admin': portal.adminKey },
    body: JSON.stringify({ status }),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

export interface Settlement {
  /** The account the gateway calls the portal with; `operatore` by default. */
  as?: Office;
  /** The PaymentOutcome's fields, when a test wants other ones. */
  outcome?: { status?: string; status_code?: string; status_message?: string; data?: unknown };
}

/**
 * The citizen paid (`paid`: COMPLETE, then "OK") or the payment failed (`failed`: PAYMENT_FAILED,
 * then "KO"). Returns the portal's answer to the notify call. Without a payment in the stack (a
 * bollo/mypay gateway, an application created at 1500) only the notify call is made.
 */
export async function settlePayment(portal: Portal, applicationId: string, result: 'paid' | 'failed', options: Settlement = {}): Promise<OfficeAnswer> {
  const gateway = options.as ?? (await playOffice(portal));
  const payment = storedPayments(portal, applicationId)[0];
  if (payment) {
    const moved = await setGatewayStatus(portal, payment.id, result === 'paid' ? 'COMPLETE' : 'PAYMENT_FAILED');
    if (moved.status !== 200) throw new Error(`portale: pagamento ${payment.id} non aggiornato (${moved.status})`);
  }
  const app = await gateway.call('GET', `/applications/${applicationId}`);
  const notify = ((app.body as { payment_data?: { notify?: { url?: string } } } | null)?.payment_data?.notify?.url) ?? `${portal.url}/${portal.tenant}/api/applications/${applicationId}/payment`;
  const body = {
    status: result === 'paid' ? 'OK' : 'KO',
    status_code: result === 'paid' ? '000' : 'PAYMENT_FAILED',
    status_message: result === 'paid' ? 'Operazione completata con successo' : 'Pagamento non riuscito',
    data: payment ? { payment_id: payment.id, iuv: payment.iuv, notice_code: payment.noticeCode } : [],
    ...options.outcome,
  };
  const res = await fetch(notify, { method: 'POST', headers: { ...gateway.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : text };
}

/** The office forces the payment as done: `transition/complete-payment` (ApplicationVoter::ASSIGN). */
export const completePayment = (office: Office, applicationId: string, body: unknown = {}): Promise<OfficeAnswer> => office.transition(applicationId, 'complete-payment', body);
