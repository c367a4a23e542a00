/**
 * A kiosk citizen's concluded pratiche read live from the reference portal: the operator account's
 * list (ApplicationsAPIController::getApplicationsAction) has no citizen filter and pages at 100, so
 * core pages through all of it and keeps only the applications whose `user` is the session citizen's
 * (UsersAPIController `cf`). Another citizen's pratiche are never shown nor handed over, a pratica the
 * device still keeps is not shown twice, and its outcome file arrives with its signature judged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPortalClient } from '../../../electron/adapters/portal/portal-client';
import { caItaliane } from '../../../electron/core/pki/fiducia';
import { createPraticheConcluse } from '../../../electron/core/pratiche/pratiche-concluse';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';
import { createRemoteRepo } from '../../../electron/core/store/remote-repo';
import type { Db } from '../../../electron/core/store/database';
import { base64File, officeWith, playOffice } from '../../portal/office';
import { settlePayment } from '../../portal/payments-office';
import { startPortal } from '../../portal/server';
import { closeAfterEach } from '../../support/close-after-each';
import { bearer } from '../portal/portal-support';
import { syncUntilEmpty, testEngine, KIOSK_ACCOUNT } from './engine';
import { createKiosk, SERVICE, TENANT, TEST_CATALOGUE } from './kiosk';

const closing = closeAfterEach();
const SCIA = readFileSync(join(__dirname, '../../fixtures/firme-reali/SCIA.pdf.p7m'));
const MARIO = { card: { codiceFiscale: 'RSSMRA80A01H501U', nome: 'MARIO', cognome: 'ROSSI', dataNascita: null }, operator: null };
const LUIGI_CF = 'VRDLGU75B12F205X';
const applicant = (cf: string, name: string) => ({ data: { fiscal_code: { data: { fiscal_code: cf } }, completename: { data: { name, surname: 'Test' } }, email_address: `${name}@example.it` } });

/** Core's concluded pratiche over the kiosk's database, asking the portal with the kiosk's account. */
const concluseOf = (portalUrl: string, db: Db) =>
  createPraticheConcluse({
    portal: createPortalClient({ url: portalUrl, tenant: TENANT, access: { kind: 'account', credentials: () => KIOSK_ACCOUNT } }),
    pratiche: createPraticheRepo(db),
    remote: createRemoteRepo(db),
    fidati: caItaliane,
    now: () => new Date(),
  });

describe('pratiche concluse lette dal portale', () => {
  it("solo quelle del cittadino, tutte le pagine, una volta sola, con l'esito firmato verificato", async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const api = `${portal.url}/${portal.tenant}/api`;
    const account = officeWith(portal, await bearer(api, KIOSK_ACCOUNT.username, KIOSK_ACCOUNT.password));
    const office = await playOffice(portal);
    const create = async (cf: string, name: string) => {
      const res = await account.call('POST', '/applications', { service: SERVICE.id, data: { applicant: applicant(cf, name) }, status: 1900 });
      expect(res.status).toBe(201);
      return (res.body as { id: string }).id;
    };
    const conclude = async (id: string, action: 'accept' | 'reject', message: string, files: ReturnType<typeof base64File>[] = []) => {
      expect((await office.register(id, `P-${id.slice(0, 6)}`)).status).toBe(204);
      expect((await office.transition(id, action, { message, attachments: files })).status).toBe(204);
    };
    // Another citizen's pratiche fill more than a page of the list, before any of Mario's.
    const luigi: string[] = [];
    for (let i = 0; i < 101; i++) luigi.push(await create(LUIGI_CF, 'Luigi'));
    await conclude(luigi[0]!, 'reject', 'Respinta: documenti mancanti.');

    // Mario sends two from the kiosk; one is accepted with a signed outcome, the other is still being handled.
    const kiosk = closing(createKiosk());
    const accolta = kiosk.submit();
    kiosk.submit(); // the second citizen of the kiosk's list
    kiosk.submit(); // the third
    const inCorso = kiosk.submit();
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url, retentionDays: 0 });
    await syncUntilEmpty(engine);
    const remote = createRemoteRepo(kiosk.db);
    const accoltaRemota = remote.get(accolta)!.remoteId;
    expect(remote.get(inCorso)).toBeDefined();
    await conclude(accoltaRemota, 'accept', 'Certificato rilasciato.', [base64File('certificato.pdf.p7m', 'application/pkcs7-mime', SCIA)]);
    // And one he sent on the portal's site, which the kiosk never had.
    const dalSito = await create(MARIO.card.codiceFiscale, 'Mario');
    await conclude(dalSito, 'reject', 'Non di competenza del Comune.');

    const concluse = concluseOf(portal.url, kiosk.db);

    // While the device keeps the accepted one, Le mie pratiche shows it from the device: not here too.
    const prima = await concluse.list(MARIO);
    expect(prima.stato).toBe('lette');
    expect(prima.pratiche.map((p) => p.remoteId)).toEqual([dalSito]);

    // Retention 0: the cycle that reads the outcome forgets it on the device; from then on it is read on the portal.
    await engine.runOnce();
    expect(remote.get(accolta)!.final).toBe(true);
    expect(remote.get(accolta)!.purgedAt).not.toBeNull();
    expect(remote.get(accolta)!.outcomeFiles).toEqual([]);
    const { stato, pratiche } = await concluse.list(MARIO);
    expect(stato).toBe('lette');
    expect(pratiche).toEqual([
      expect.objectContaining({ remoteId: accoltaRemota, status: 7000, statusLabel: 'Accettata', group: 'accettate', esito: true, motivazione: 'Certificato rilasciato.', protocollo: `P-${accoltaRemota.slice(0, 6)}`, pagamento: null }),
      expect.objectContaining({ remoteId: dalSito, status: 9000, statusLabel: 'Rifiutata', group: 'rifiutate', esito: false, motivazione: 'Non di competenza del Comune.', fileEsito: [] }),
    ]);
    expect(pratiche[0]!.servizio).toBe(portal.catalogue.services.get(SERVICE.id)!.name);
    expect(pratiche[0]!.data).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(pratiche[0]!.fileEsito.map((f) => f.nome)).toEqual(['certificato.pdf.p7m']);

    const file = await concluse.scaricaEsito(MARIO, accoltaRemota, pratiche[0]!.fileEsito[0]!.id);
    expect(Buffer.from(file.contentBase64, 'base64').equals(SCIA)).toBe(true);
    expect(file).toMatchObject({ nomeFile: 'certificato.pdf.p7m', mimeType: 'application/pkcs7-mime', firma: { valida: true, errore: null } });
    expect(file.firma!.firmatari).toEqual([expect.objectContaining({ nome: 'Stefano Dalla Torre', esito: 'valida' })]);

    // Luigi's rejected pratica is the portal's to give any operator, never Mario's to see or download.
    const luigiFiles = await office.call('GET', `/applications/${luigi[0]}`);
    expect(luigiFiles.status).toBe(200);
    await expect(concluse.scaricaEsito(MARIO, luigi[0]!, pratiche[0]!.fileEsito[0]!.id)).rejects.toMatchObject({ code: 'documento-non-disponibile' });
    const luigiSees = await concluse.list({ ...MARIO, card: { ...MARIO.card, codiceFiscale: LUIGI_CF } });
    expect(luigiSees.pratiche.map((p) => p.remoteId)).toEqual([luigi[0]]);

    // Without a portal nothing is asked; with the portal down the citizen is told, not shown an error.
    expect(await createPraticheConcluse({ portal: null, pratiche: createPraticheRepo(kiosk.db), remote, fidati: caItaliane, now: () => new Date() }).list(MARIO)).toEqual({ stato: 'senza-portale', pratiche: [] });
    await portal.close();
    expect(await concluse.list(MARIO)).toEqual({ stato: 'non-raggiungibile', pratiche: [] });
  }, 60_000);

  it('una pratica pagata dopo l\'esito: il pagamento risulta eseguito', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    // Without protocol: a paid pratica is final at once (7000; with protocol it waits at 6000 for the outcome's, payments-model.ts).
    portal.catalogue.updateService(SERVICE.id, { payment_required: 2, payment_parameters: { total_amounts: '16,50' }, protocol_required: false }, new Date());
    const kiosk = closing(createKiosk());
    const praticaId = kiosk.submit();
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url, retentionDays: 0 });
    await syncUntilEmpty(engine);
    const remote = createRemoteRepo(kiosk.db);
    const id = remote.get(praticaId)!.remoteId;
    const office = await playOffice(portal);
    expect((await office.assign(id)).status).toBe(204);
    expect((await office.transition(id, 'accept', { message: 'Accolta, previo pagamento.' })).status).toBe(204);
    expect((await settlePayment(portal, id, 'paid')).status).toBe(200);
    await engine.runOnce();
    await engine.runOnce();
    expect(remote.get(praticaId)!.purgedAt).not.toBeNull();

    const concluse = concluseOf(portal.url, kiosk.db);
    expect((await concluse.list(MARIO)).pratiche).toEqual([expect.objectContaining({ remoteId: id, status: 7000, esito: true, pagamento: 'pagato' })]);
  });
});
