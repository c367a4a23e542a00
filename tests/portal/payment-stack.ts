/**
 * OURS: a stand-in for the payment stack next to the real portal (docker-compose.payments.yml:
 * payment-dispatcher, the gateway's proxy `efil-proxy` with APP_ID "efil:1.5.0", ksqlDB): none of it
 * is in the portal's repository. The portal only reads it back, from ksqlDB's `payments_detail`
 * (src/Services/PaymentService.php 93-156 and 163-284), and takes the outcome on the `notify` url
 * it gave (`POST .../payment`). What it holds here:
 * - a payment opened as soon as the application enters 1500 with a `generic-external` gateway, at
 *   PAYMENT_PENDING (the real dispatcher goes through CREATION_PENDING first, asynchronously);
 * - the status names the portal's own pages know (assets/js/rest/payment/InfoPayment.js 89-112):
 *   CREATION_PENDING, PAYMENT_PENDING, CREATION_FAILED, PAYMENT_STARTED, PAYMENT_CONFIRMED,
 *   PAYMENT_FAILED, NOTIFICATION_PENDING, COMPLETE, EXPIRED;
 * - a pagoPA notice number with aux digit 3: "3" + segregation code (2) + local id (13) + check
 *   digits (2, the rest of the division by 93 of the digits before), the IUV being the 17 digits
 *   after the aux digit (pagoPA SANP 2.5.1, "Avviso di Pagamento", docs.italia.it; SACI);
 * - the links: pay online and the notice (the proxy's pages, here `/__gateway/efil/...` on this
 *   server), the landing page the portal gave, and the receipt once COMPLETE.
 * Values the portal only passes through (`type`, payer `type`, the date format of the stack's own
 * timestamps, `amount` as a number) are not fixed by the portal's code: chosen plausibly.
 */
import { randomUUID } from 'node:crypto';
import type { ApplicationRow } from './applications-model';
import type { PortalContext } from './context';

export const STACK_STATUSES = [
  'CREATION_PENDING',
  'CREATION_FAILED',
  'PAYMENT_PENDING',
  'PAYMENT_STARTED',
  'PAYMENT_CONFIRMED',
  'PAYMENT_FAILED',
  'NOTIFICATION_PENDING',
  'COMPLETE',
  'EXPIRED',
] as const;
export type StackStatus = (typeof STACK_STATUSES)[number];

/** The tenant's segregation code at the gateway (efil's tenant configuration). */
const SEGREGATION_CODE = '01';

export interface StackPaymentRow {
  seq: number;
  id: string;
  remote_id: string;
  user_id: string;
  service_id: string;
  gateway: string;
  status: StackStatus;
  reason: string;
  amount: number;
  notice_code: string;
  iuv: string;
  iud: string;
  expire_at: string | null;
  paid_at: string | null;
  transaction_id: string | null;
  landing_url: string | null;
  created_at: string;
  updated_at: string;
  event_id: string;
}

const atom = (d: Date) => `${d.toISOString().slice(0, 19)}+00:00`;

/** "3" + segregation code + 13-digit local id + check digits (mod 93). */
export function noticeCode(localId: number): string {
  const head = `3${SEGREGATION_CODE}${String(localId).padStart(13, '0')}`;
  return `${head}${String(BigInt(head) % 93n).padStart(2, '0')}`;
}

/** What the dispatcher and the proxy make of an application at 1500 (payment_data from PaymentService::createPaymentData). */
export function openStackPayment(ctx: PortalContext, row: ApplicationRow, gateway: string, data: Record<string, unknown>): void {
  const now = atom(ctx.now());
  const notice = noticeCode(ctx.db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM stack_payments').pluck().get() as number);
  const landing = (data.landing as { url?: string } | undefined)?.url ?? null;
  ctx.db
    .prepare(
      `INSERT INTO stack_payments (id, remote_id, user_id, service_id, gateway, status, reason, amount, notice_code, iuv, iud, expire_at, landing_url, created_at, updated_at, event_id)
       VALUES (?, ?, ?, ?, ?, 'PAYMENT_PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      randomUUID(),
      row.id,
      row.user_id,
      row.service_id,
      gateway,
      String(data.reason ?? ''),
      Number(data.amount ?? 0),
      notice,
      notice.slice(1),
      // GenericExternalPay::calculateIUDFromPratica: the application id without dashes.
      row.id.replace(/-/g, ''),
      typeof data.expire_at === 'string' ? data.expire_at : null,
      landing,
      now,
      now,
      randomUUID(),
    );
}

export function stackPaymentsOf(ctx: PortalContext, remoteId: string | null): StackPaymentRow[] {
  return (
    remoteId === null
      ? ctx.db.prepare('SELECT * FROM stack_payments ORDER BY seq').all()
      : ctx.db.prepare('SELECT * FROM stack_payments WHERE remote_id = ? ORDER BY seq').all(remoteId)
  ) as StackPaymentRow[];
}

/** The gateway moves its payment on (paid, failed, expired...); a new event each time. */
export function setStackStatus(ctx: PortalContext, paymentId: string, status: StackStatus): void {
  const now = atom(ctx.now());
  const paid = status === 'COMPLETE' || status === 'PAYMENT_CONFIRMED';
  ctx.db
    .prepare(
      `UPDATE stack_payments SET status = ?, updated_at = ?, event_id = ?,
       paid_at = CASE WHEN ? THEN coalesce(paid_at, ?) ELSE paid_at END,
       transaction_id = CASE WHEN ? THEN coalesce(transaction_id, ?) ELSE transaction_id END WHERE id = ?`,
    )
    .run(status, now, randomUUID(), paid ? 1 : 0, now, paid ? 1 : 0, randomUUID(), paymentId);
}

/** The proxy's own pages for a payment (OURS paths on this server). */
const gatewayUrl = (ctx: PortalContext, page: 'online' | 'notice' | 'receipt', paymentId: string): string => `${ctx.baseUrl()}/__gateway/efil/${page}/${paymentId}`;

const link = (url: string | null) => ({ url, last_opened_at: null, method: url === null ? null : 'GET' });

/** One payment as PaymentService::getPayments maps the `payments_detail` columns (168-278). */
export function paymentJson(ctx: PortalContext, p: StackPaymentRow) {
  const payer = ctx.db.prepare('SELECT fiscal_code, name, surname, email FROM users WHERE id = ?').get(p.user_id) as
    | { fiscal_code: string | null; name: string | null; surname: string | null; email: string | null }
    | undefined;
  return {
    id: p.id,
    user_id: p.user_id,
    type: 'PAGOPA',
    tenant_id: ctx.catalogue.tenant.id,
    service_id: p.service_id,
    created_at: p.created_at,
    updated_at: p.updated_at,
    status: p.status,
    reason: p.reason,
    remote_id: p.remote_id,
    payment: { transaction_id: p.transaction_id, paid_at: p.paid_at, expire_at: p.expire_at, amount: p.amount, currency: 'EUR', notice_code: p.notice_code, iud: p.iud, iuv: p.iuv, split: [] },
    links: {
      online_payment_begin: link(gatewayUrl(ctx, 'online', p.id)),
      online_payment_landing: link(p.landing_url),
      offline_payment: link(gatewayUrl(ctx, 'notice', p.id)),
      receipt: link(p.status === 'COMPLETE' ? gatewayUrl(ctx, 'receipt', p.id) : null),
      notify: [],
      update: { url: null, method: null, last_check_at: null, next_check_at: null },
    },
    payer: {
      type: 'human',
      tax_identification_number: payer?.fiscal_code ?? null,
      name: payer?.name ?? null,
      family_name: payer?.surname ?? null,
      street_name: null,
      building_number: null,
      postal_code: null,
      town_name: null,
      country_subdivision: null,
      country: null,
      email: payer?.email ?? null,
    },
    event_id: p.event_id,
    event_version: '1.0',
    event_created_at: p.updated_at,
    app_id: 'efil:1.5.0',
  };
}

/** PaymentService::getPaymentStatusByApplication (93-156): the first row only; `links` while PAYMENT_PENDING only. */
export function paymentStatusJson(ctx: PortalContext, p: StackPaymentRow) {
  const full = paymentJson(ctx, p);
  const status = { id: p.id, reason: p.reason, status: p.status, created_at: p.created_at, updated_at: p.updated_at };
  if (p.status.toUpperCase() !== 'PAYMENT_PENDING') return status;
  const short = (l: { url: string | null; method: string | null }) => ({ url: l.url, method: l.method });
  return {
    ...status,
    links: {
      online_payment_begin: short(full.links.online_payment_begin),
      online_payment_landing: short(full.links.online_payment_landing),
      offline_payment: short(full.links.offline_payment),
    },
  };
}
