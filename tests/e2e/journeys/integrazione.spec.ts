/**
 * After "Invia": the comune's office (the reference portal played over its real API, as an
 * employee would) takes the pratica in charge and asks for an integration with a file. At the
 * kiosk the citizen finds it under "Da integrare", reads the request and downloads its file,
 * answers on the on-screen keyboard with a document; the answer reaches the portal once, with the
 * document byte for byte, and closes the request. The office then writes again: the pratica shows
 * one new message in "Le mie pratiche" until the citizen opens it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { CARD } from '../../support/journey-rig';
import { writePdfa } from '../../support/journey-pdfa';
import { base64File } from '../../portal/office';
import { closeKeyboard, logIn, typeOnKeyboard } from './steps';
import { compileMensa, signAndSend } from './mensa-form';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const REQUEST = "Serve l'attestazione ISEE aggiornata al 2026: allegala rispondendo a questo messaggio.";
const ANSWER = "Ecco l'attestazione ISEE aggiornata";

test('an integration request answered at the kiosk with a document, once; then a new message from the office', async ({ app: page, rig, shoot }, testInfo) => {
  await logIn(page, rig);
  await compileMensa(page, rig, shoot, { search: false, prefix: 'integrazione' });
  await signAndSend(page, shoot, 'integrazione');
  const remote = await rig.portal.waitForApplication(CARD.codiceFiscale, 'iscrizione-mensa-scolastica', 30_000);

  // The office: registered (the service has a protocol), taken in charge, integration asked with a file, the request registered.
  const office = await rig.portal.office();
  const requestFile = readFileSync(await writePdfa(testInfo.outputPath('richiesta.pdf'), 'Modello attestazione ISEE'));
  expect((await office.register(remote.id, 'PG/2026/0000777')).status).toBe(204);
  expect((await office.assign(remote.id)).status).toBe(204);
  expect((await office.requestIntegration(remote.id, REQUEST, [base64File('modello-isee.pdf', 'application/pdf', requestFile)])).status).toBe(204);
  expect((await office.registerIntegrationRequest(remote.id, 'PG/2026/0000778')).status).toBe(204);

  // The citizen: La mia stanza puts it first as it arrives, without leaving the page; "Da integrare" has it.
  await page.getByTestId('menu-stanza').click();
  const dalComune = page.getByTestId('stanza-dal-comune');
  await expect(dalComune).toContainText('Hai 1 messaggio nuovo dall\'ufficio.', { timeout: 25_000 });
  await expect(dalComune).toContainText('1 pratica aspetta una tua integrazione.');
  await expect(dalComune.getByTestId('pratiche-dal-comune')).toContainText('Iscrizione al servizio di mensa scolastica');
  await shoot('integrazione-stanza');
  await page.getByTestId('menu-pratiche').click();
  await page.getByTestId('scheda-da-integrare').click();
  await expect(page.getByTestId('scheda-da-integrare')).toHaveText(/Da integrare\s*1/);
  await expect(page.getByTestId('elenco-pratiche')).toContainText('Iscrizione al servizio di mensa scolastica');
  await expect(page.getByTestId('messaggi-non-letti')).toHaveText('1 messaggio nuovo');
  await shoot('integrazione-da-integrare');
  await page.getByTestId('elenco-pratiche').getByRole('button', { name: 'Apri' }).click();
  const request = page.getByTestId('messaggio').filter({ hasText: 'Richiesta di integrazione' });
  await expect(request.getByTestId('testo-messaggio')).toHaveText(REQUEST);
  const [download] = await Promise.all([page.waitForEvent('download'), request.getByTestId('allegato-messaggio').click()]);
  expect(download.suggestedFilename()).toBe('modello-isee.pdf');
  expect(sha256(readFileSync((await download.path())!))).toBe(sha256(requestFile));

  const answerBox = page.getByTestId('rispondi-integrazione');
  await expect(answerBox).toBeVisible();
  await answerBox.getByTestId('testo-nuovo-messaggio').click();
  await typeOnKeyboard(page, ANSWER);
  await closeKeyboard(page);
  const answerFile = await writePdfa(join(testInfo.outputPath(), 'isee-2026.pdf'), 'Attestazione ISEE 2026');
  await answerBox.getByTestId('file-messaggio').setInputFiles(answerFile);
  await expect(answerBox.getByTestId('file-del-messaggio')).toContainText('isee-2026.pdf');
  await shoot('integrazione-risposta');
  await answerBox.getByTestId('invia-messaggio').click();

  const mine = page.getByTestId('messaggio').filter({ hasText: ANSWER });
  await expect(mine.getByTestId('stato-messaggio')).toHaveText('Inviato', { timeout: 20_000 });
  await expect(page.getByTestId('rispondi-integrazione')).toHaveCount(0);
  await shoot('integrazione-inviata');

  const answers = rig.portal.messages(remote.id).filter((m) => m.message === ANSWER);
  expect(answers, 'la risposta, una volta sola, sul portale').toHaveLength(1);
  expect(answers[0]!.attachments.map((a) => a.sha256)).toEqual([sha256(readFileSync(answerFile))]);
  // The submit closed the citizen's answer: 4300 until the office registers it.
  await expect.poll(() => rig.portal.applications().find((a) => a.id === remote.id)?.status).toBe(4300);

  // The office writes again while the citizen is on Le mie pratiche (a message arriving on an open
  // conversation is read there and then): one new message, shown as such until opened.
  await page.getByTestId('menu-pratiche').click();
  await page.getByTestId('scheda-in-elaborazione').click();
  await expect(page.getByTestId('elenco-pratiche')).toContainText('Iscrizione al servizio di mensa scolastica');
  expect((await office.registerIntegrationAnswer(remote.id, 'PG/2026/0000779')).status).toBe(204);
  expect((await office.postMessage(remote.id, 'Grazie, la documentazione è completa.')).status).toBe(201);
  await expect(page.getByTestId('messaggi-non-letti'), 'il nuovo messaggio del Comune').toHaveText('1 messaggio nuovo', { timeout: 25_000 });
  await page.getByTestId('elenco-pratiche').getByRole('button', { name: 'Apri' }).click();
  await expect(page.getByTestId('messaggio').last().getByTestId('testo-messaggio')).toHaveText('Grazie, la documentazione è completa.');
  await page.getByTestId('menu-pratiche').click();
  await page.getByTestId('scheda-in-elaborazione').click();
  await expect(page.getByTestId('elenco-pratiche')).toContainText('Iscrizione al servizio di mensa scolastica');
  await expect(page.getByTestId('messaggi-non-letti')).toHaveCount(0);
});
