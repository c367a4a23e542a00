/**
 * A deferred pagoPA payment through sync, against the reference portal (its payment stack stands in
 * for the real one, tests/portal/payment-stack.ts): the office accepts a pratica of a paying service
 * (PraticaManager::finalize: 4000 -> 1500), the app brings home amount, causale, codice avviso and
 * links; paid on the gateway's side, the pratica moves on and the payment reads "pagato"; a failed one
 * reads "non riuscito", a dead end the citizen is told to take to the office.
 */
import { describe, expect, it } from 'vitest';
import { createRemoteRepo } from '../../../electron/core/store/remote-repo';
import { portaleView } from '../../../electron/core/pratiche/portale-view';
import { playOffice } from '../../portal/office';
import { settlePayment, storedPayments } from '../../portal/payments-office';
import { startPortal } from '../../portal/server';
import { closeAfterEach } from '../../support/close-after-each';
import { syncUntilEmpty, testEngine } from './engine';
import { createKiosk, SERVICE, TEST_CATALOGUE } from './kiosk';

const closing = closeAfterEach();
const NONE = { annullamento: () => null, spostamento: () => null };

async function acceptedWithPayment(result: 'paid' | 'failed') {
  const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
  portal.catalogue.updateService(SERVICE.id, { payment_required: 2, payment_parameters: { total_amounts: '16,50' } }, new Date());
  const kiosk = closing(createKiosk());
  const praticaId = kiosk.submit();
  const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url });
  await syncUntilEmpty(engine);
  const remote = createRemoteRepo(kiosk.db);
  const id = remote.get(praticaId)!.remoteId;
  const office = await playOffice(portal);
  expect((await office.register(id, 'P-2026-5')).status).toBe(204);
  expect((await office.assign(id)).status).toBe(204);
  expect((await office.transition(id, 'accept', { message: 'Accolta, previo pagamento.' })).status).toBe(204);
  await engine.runOnce();
  const pending = remote.get(praticaId)!;
  const onPortal = storedPayments(portal, id);
  expect(onPortal).toHaveLength(1);
  return { portal, engine, remote, praticaId, id, pending, onPortal: onPortal[0]!, result };
}

describe('pagamento pagoPA differito attraverso la sincronizzazione', () => {
  it("da pagare con importo, causale, codice avviso e link; pagato, la pratica prosegue", async () => {
    const { portal, engine, remote, praticaId, id, pending, onPortal } = await acceptedWithPayment('paid');
    expect(pending.status).toBe(1500);
    expect(pending.pagamento).toMatchObject({ stato: 'PAYMENT_PENDING', importoCentesimi: 1650, codiceAvviso: onPortal.noticeCode, iuv: onPortal.iuv });
    expect(pending.pagamento!.codiceAvviso).toMatch(/^\d{18}$/);
    expect(pending.pagamento!.causale).toContain(id);
    expect(pending.pagamento!.linkOnline).toMatch(/^http/);
    expect(portaleView(pending, new Date(), NONE).pagamento).toMatchObject({ stato: 'da-pagare', importoCentesimi: 1650 });

    expect((await settlePayment(portal, id, 'paid')).status).toBe(200);
    await engine.runOnce();
    const paid = remote.get(praticaId)!;
    // Paid, then what the deferred outcome was: accepted (6000 on a protocol service, PaymentOutcomeListener).
    expect([6000, 7000]).toContain(paid.status);
    expect(portaleView(paid, new Date(), NONE).pagamento).toMatchObject({ stato: 'pagato', importoCentesimi: 1650 });
  });

  it('non riuscito: 1530, e lo stato lo dice', async () => {
    const { portal, engine, remote, praticaId, id } = await acceptedWithPayment('failed');
    expect((await settlePayment(portal, id, 'failed')).status).toBe(200);
    await engine.runOnce();
    const failed = remote.get(praticaId)!;
    expect(failed.status).toBe(1530);
    expect(portaleView(failed, new Date(), NONE).pagamento?.stato).toBe('non-riuscito');
  });
});
