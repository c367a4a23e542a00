/**
 * Messages and integration requests through sync, against the reference portal playing the office
 * over its real API (tests/portal/office.ts): the office's request arrives with its file and is
 * marked; the citizen's answer with a file reaches the portal once and closes the request; a lost
 * reply to the answer's POST never makes a second message; the office's later message arrives unread.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createMessaggi } from '../../../electron/core/pratiche/messaggi';
import { createRepositories } from '../../../electron/composition/repositories';
import { storedMessages } from '../../portal/inspect';
import { base64File, playOffice, type Office } from '../../portal/office';
import { startPortal, type Portal } from '../../portal/server';
import { filesOf } from '../../support/database-location';
import { pdfCon } from '../../support/allegati';
import { testEngine, syncUntilEmpty } from './engine';
import { createKiosk, TEST_CATALOGUE, type Kiosk } from './kiosk';

const CITIZEN = { card: { codiceFiscale: 'RSSMRA80A01H501U', nome: 'MARIO', cognome: 'ROSSI', dataNascita: null }, operator: null };
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let portal: Portal;
let kiosk: Kiosk;
let office: Office;

beforeEach(async () => {
  portal = await startPortal({ catalogueDir: TEST_CATALOGUE });
  kiosk = createKiosk();
  office = await playOffice(portal);
});
afterEach(async () => {
  kiosk.close();
  await portal.close();
});

function messaggiOf(k: Kiosk) {
  const repos = createRepositories(k.db);
  const files = filesOf(k.dataDir);
  return { repos, messaggi: createMessaggi({ repo: repos.messaggi, pratiche: repos.pratiche, outbox: repos.outbox, allegati: files.allegati, esiti: files.esiti, clock: { now: () => new Date() } }) };
}

/** Sent, registered, taken in charge, an integration asked with a file and registered: 4200, waiting for the citizen. */
async function integrationRequested(engine: ReturnType<typeof testEngine>, requestFile: Uint8Array): Promise<{ praticaId: string; remoteId: string }> {
  const praticaId = kiosk.submit();
  await syncUntilEmpty(engine);
  const remoteId = createRepositories(kiosk.db).remote.get(praticaId)!.remoteId;
  expect((await office.register(remoteId, 'P-2026-1')).status).toBe(204);
  expect((await office.assign(remoteId)).status).toBe(204);
  expect((await office.requestIntegration(remoteId, 'Manca la copia del documento <b>firmata</b>.', [base64File('richiesta.pdf', 'application/pdf', Buffer.from(requestFile))])).status).toBe(204);
  expect((await office.registerIntegrationRequest(remoteId, 'P-2026-2')).status).toBe(204);
  return { praticaId, remoteId };
}

/** Cycles until the citizen's message has left (or the deadline passes). */
async function untilDelivered(engine: ReturnType<typeof testEngine>, outboxState: () => string | undefined, deadlineMs = 30_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (outboxState() !== 'sent') {
    if (Date.now() > end) throw new Error(`messaggio non inviato: ${outboxState()}`);
    await engine.runOnce();
  }
}

describe('messaggi e integrazioni attraverso la sincronizzazione', () => {
  it("richiesta dell'ufficio con allegato, risposta del cittadino con allegato, una sola volta; la pratica torna in lavorazione", async () => {
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url });
    const requestFile = await pdfCon();
    const { praticaId, remoteId } = await integrationRequested(engine, requestFile);
    const { repos, messaggi } = messaggiOf(kiosk);

    await engine.runOnce();
    const arrived = messaggi.conversazione(CITIZEN, praticaId);
    expect(arrived.rispostaAttesa).toBe(true);
    expect(arrived.nonLetti).toBe(1);
    expect(arrived.messaggi).toHaveLength(1);
    const request = arrived.messaggi[0]!;
    expect(request).toMatchObject({ da: 'comune', integrazione: 'richiesta', testo: 'Manca la copia del documento firmata.', letto: false });
    expect(request.allegati).toEqual([{ posizione: 0, nome: 'richiesta.pdf', mimeType: 'application/pdf', dimensione: requestFile.length }]);
    const downloaded = messaggi.allegato(CITIZEN, praticaId, request.id, 0);
    expect(sha256(Buffer.from(downloaded.contentBase64, 'base64'))).toBe(sha256(requestFile));
    // Pulled again: nothing new.
    await engine.runOnce();
    expect(messaggi.conversazione(CITIZEN, praticaId).messaggi).toHaveLength(1);

    const answerFile = await pdfCon((doc) => doc.addPage());
    const queued = await messaggi.invia(CITIZEN, praticaId, 'Ecco il documento firmato.\nCordiali saluti', [{ name: 'Documento.PDF', bytes: answerFile }], true);
    expect(queued.messaggi.at(-1)).toMatchObject({ da: 'cittadino', integrazione: 'risposta', stato: 'in-attesa' });
    expect(queued.rispostaAttesa).toBe(false);
    await untilDelivered(engine, () => repos.outbox.messageState(queued.messaggi.at(-1)!.id)?.state);

    const onPortal = storedMessages(portal, remoteId);
    const answers = onPortal.filter((m) => m.message.startsWith('Ecco il documento'));
    expect(answers).toHaveLength(1);
    expect(answers[0]!.message).toBe('Ecco il documento firmato.<br>Cordiali saluti');
    expect(answers[0]!.attachments.map((a) => a.name)).toEqual(['Documento.pdf']);
    expect(answers[0]!.attachments.map((a) => a.sha256)).toEqual([sha256(answerFile)]);
    // The submit closed the answer: 4300 on a protocol service, then the office registers it and takes the pratica back.
    expect((await office.registerIntegrationAnswer(remoteId, 'P-2026-3')).status).toBe(204);
    await engine.runOnce();
    const after = messaggi.conversazione(CITIZEN, praticaId);
    expect(after.messaggi.map((m) => [m.da, m.stato])).toEqual([['comune', 'ricevuto'], ['cittadino', 'inviato']]);
    expect(repos.remote.get(praticaId)!.status).toBe(4000);
    expect(after.rispostaAttesa).toBe(false);
  });

  it("la risposta alla POST persa: il messaggio è cercato e trovato, mai inviato due volte", async () => {
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url, settleMs: 50 });
    const { praticaId, remoteId } = await integrationRequested(engine, await pdfCon());
    const { repos, messaggi } = messaggiOf(kiosk);
    await engine.runOnce();
    portal.setFaults({ lostResponseRate: 1, only: `^POST /${portal.tenant}/api/applications/[^/]+/messages$` });
    const queued = await messaggi.invia(CITIZEN, praticaId, 'Risposta con la rete che perde le risposte', [], true);
    await untilDelivered(engine, () => repos.outbox.messageState(queued.messaggi.at(-1)!.id)?.state);
    portal.setFaults({});
    expect(storedMessages(portal, remoteId).filter((m) => m.message === 'Risposta con la rete che perde le risposte')).toHaveLength(1);
    await engine.runOnce();
    // Not taken for the comune's on the next pull.
    expect(messaggi.conversazione(CITIZEN, praticaId).messaggi.map((m) => m.da)).toEqual(['comune', 'cittadino']);
  });

  it("un messaggio dell'ufficio arriva non letto; aperto, è letto", async () => {
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url });
    const praticaId = kiosk.submit();
    await syncUntilEmpty(engine);
    const remoteId = createRepositories(kiosk.db).remote.get(praticaId)!.remoteId;
    expect((await office.postMessage(remoteId, 'La pratica è in lavorazione.')).status).toBe(201);
    const { messaggi } = messaggiOf(kiosk);
    await engine.runOnce();
    expect(messaggi.nonLetti(praticaId)).toBe(1);
    const read = messaggi.letti(CITIZEN, praticaId);
    expect(read.nonLetti).toBe(0);
    expect(read.messaggi[0]).toMatchObject({ da: 'comune', testo: 'La pratica è in lavorazione.', letto: true });
    // Another citizen's card: not their pratica.
    expect(() => messaggi.conversazione({ ...CITIZEN, card: { ...CITIZEN.card, codiceFiscale: 'VRDLGU75B12F205X' } }, praticaId)).toThrow(/Pratica non trovata/);
  });

  it('rifiuta ciò che il portale non prenderebbe: testo vuoto, bozza, risposta non richiesta, file non ammesso', async () => {
    const draft = kiosk.submit(undefined, 'draft');
    const sent = kiosk.submit();
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url });
    await syncUntilEmpty(engine);
    const { repos, messaggi } = messaggiOf(kiosk);
    const laura = { ...CITIZEN, card: { ...CITIZEN.card, codiceFiscale: 'VRDLGU75B12F205X' } };
    await expect(messaggi.invia(laura, sent, '   ', [], false)).rejects.toMatchObject({ code: 'messaggio-vuoto' });
    await expect(messaggi.invia(CITIZEN, draft, 'Ciao', [], false)).rejects.toMatchObject({ code: 'messaggio-non-ammesso' });
    await expect(messaggi.invia(laura, sent, 'Risposta', [], true)).rejects.toMatchObject({ code: 'integrazione-non-richiesta' });
    await expect(messaggi.invia(laura, sent, 'Con un eseguibile', [{ name: 'programma.exe', bytes: Buffer.from('MZ\x90\x00') }], false)).rejects.toMatchObject({ code: 'allegato-tipo-non-ammesso' });
    // Nothing refused reached the outbox or the conversation.
    expect(messaggi.conversazione(laura, sent).messaggi).toEqual([]);
    expect(repos.outbox.counts()).toEqual({ pending: 0, parked: 0 });
  });
});
