/**
 * The payment the portal asks for a pratica, read from its payment stack (PaymentsAPIController,
 * `GET /api/payments?remote_id=`), the only answer with the codice avviso and the amount. Asked only
 * while the pratica is in the payment statuses (Pratica::STATUS_PAYMENT_*: 1500 waiting, 1510 outcome
 * pending, 1520 paid, 1530 failed): through the API a payment is the deferred one, set up when the
 * office accepts (PraticaManager::finalize). The last payment of the application is the one that counts.
 */
import type { Pagamento } from '../store/remote-repo';
import type { PortalClient } from './portal-port';
import type { Application } from './portal-schemas';

const PAYMENT_STATUSES: ReadonlySet<number> = new Set([1500, 1510, 1520, 1530]);
/** The payment stack's states nothing follows (PaymentService of the portal). */
const SETTLED: ReadonlySet<string> = new Set(['COMPLETE', 'PAYMENT_FAILED', 'CREATION_FAILED', 'EXPIRED']);

/**
 * What the portal says about the pratica's payment now. Asked in the payment statuses, and once more
 * after them while the known one is not settled: a paid pratica leaves 1520 at once (PaymentOutcomeListener).
 */
export async function pullPayment(portal: PortalClient, app: Application, known: Pagamento | null): Promise<Pagamento | null> {
  if (!PAYMENT_STATUSES.has(app.status) && (known === null || SETTLED.has(known.stato))) return known;
  return ultimoPagamento(portal, app.id);
}

/** The application's last payment (the one that counts) as the app keeps it; null when it has none. */
export async function ultimoPagamento(portal: PortalClient, applicationId: string): Promise<Pagamento | null> {
  const last = (await portal.listPayments(applicationId)).at(-1);
  if (!last) return null;
  const amount = last.payment?.amount;
  return {
    stato: last.status,
    importoCentesimi: amount == null ? null : Math.round(amount * 100),
    causale: last.reason ?? null,
    codiceAvviso: last.payment?.notice_code ?? null,
    iuv: last.payment?.iuv ?? null,
    scadenza: last.payment?.expire_at ?? null,
    pagatoIl: last.payment?.paid_at ?? null,
    linkOnline: last.links?.online_payment_begin?.url ?? null,
    linkAvviso: last.links?.offline_payment?.url ?? null,
    linkRicevuta: last.links?.receipt?.url ?? null,
  };
}
