/**
 * A kiosk keeps a final pratica's data 0 days (`retentionDays`, the default there): the citizen sends
 * a pratica, the office registers it and accepts it with a signed outcome file, the citizen leaves,
 * and the kiosk forgets it. Back at the kiosk with their card, Le mie pratiche shows it as the portal
 * has it, read live and not stored: service, protocol number, status, the outcome with its motivation,
 * and the outcome file, which downloads byte for byte with its signature judged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { CARD, type JourneyRig } from '../../support/journey-rig';
import { base64File } from '../../portal/office';
import { logIn } from './steps';
import { compileMensa, signAndSend } from './mensa-form';

const SCIA = readFileSync(join(__dirname, '../../fixtures/firme-reali/SCIA.pdf.p7m'));

/** The office registers the application, takes it and accepts it with the signed file. */
async function accogli(rig: JourneyRig, applicationId: string): Promise<void> {
  const office = await rig.portal.office();
  expect((await office.register(applicationId, 'PG/2026/0000902')).status).toBe(204);
  expect((await office.assign(applicationId)).status).toBe(204);
  const esito = { message: 'Iscrizione accolta dal 1° settembre.', attachments: [base64File('esito-iscrizione.pdf.p7m', 'application/pkcs7-mime', SCIA)] };
  expect((await office.transition(applicationId, 'accept', esito)).status).toBe(204);
}

// The kiosk's default retention: 0 days.
test.use({ rigOptions: { mode: 'kiosk' } });

test('a concluded pratica the kiosk forgot, read on the portal when the citizen comes back', async ({ app: page, rig, shoot }) => {
  // No fee: the pratica is final at the outcome (pagamento.spec.ts has the canteen's fee).
  rig.portal.setPayment('iscrizione-mensa-scolastica', null);
  await logIn(page, rig);
  await compileMensa(page, rig, shoot, { search: false, prefix: 'concluse' });
  await signAndSend(page, shoot, 'concluse');
  await accogli(rig, (await rig.portal.waitForApplication(CARD.codiceFiscale, 'iscrizione-mensa-scolastica', 30_000)).id);
  await rig.removeCard();
  await expect(page.getByTestId('attract-istruzione')).toBeVisible();

  await logIn(page, rig);
  // The kiosk forgets the pratica at the sync cycle after it became final: until then it is the device's own row.
  const concluse = page.getByTestId('pratiche-concluse');
  await expect(async () => {
    await page.getByTestId('menu-stanza').click();
    await page.getByTestId('menu-pratiche').click();
    await page.getByTestId('scheda-accettate').click();
    await expect(concluse).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
  await expect(page.getByTestId('scheda-accettate')).toContainText('Accettate 1');
  await expect(page.getByTestId('nessuna-pratica')).toHaveCount(0);
  const riga = concluse.getByTestId('pratica-conclusa');
  await expect(riga).toHaveCount(1);
  await expect(riga).toContainText('Iscrizione al servizio di mensa scolastica');
  await expect(riga.getByTestId('riga-protocollo')).toHaveText('Protocollo n. PG/2026/0000902');
  await expect(riga.getByTestId('stato-pratica')).toHaveText('Accettata');
  await expect(riga.getByTestId('esito-concluso')).toHaveText('Esito: richiesta accolta');
  await expect(riga.getByTestId('motivazione-conclusa')).toHaveText('Iscrizione accolta dal 1° settembre.');

  const file = riga.getByTestId('file-esito-concluso');
  await expect(file).toContainText('esito-iscrizione.pdf.p7m');
  const [download] = await Promise.all([page.waitForEvent('download'), file.getByTestId('scarica-esito-concluso').click()]);
  expect(download.suggestedFilename()).toBe('esito-iscrizione.pdf.p7m');
  expect(readFileSync((await download.path())!).equals(SCIA)).toBe(true);
  await expect(file.getByTestId('verdetto-esito')).toHaveText(/^Firmato da Stefano Dalla Torre: Firma valida, apposta il 05\/09\/2017/);
  await shoot('concluse-dal-portale');

  // With the portal down the citizen is told when they will see them, not shown an error.
  await rig.portal.stop();
  await page.getByTestId('menu-stanza').click();
  await page.getByTestId('menu-pratiche').click();
  await expect(page.getByTestId('concluse-non-raggiungibili')).toHaveText('Le pratiche concluse si vedono quando torna il collegamento.', { timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(concluse).toHaveCount(0);
  await shoot('concluse-non-raggiungibili');
});
