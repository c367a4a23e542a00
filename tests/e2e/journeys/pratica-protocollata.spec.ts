/**
 * Journey 2 (second part): a citizen sends a pratica, takes the card out, comes back.
 * "Le mie pratiche" shows it sent and synced to the portal; once the comune's back
 * office registers it with a protocol number, the number appears in its detail, and
 * no "Scarica l'esito" until the comune sends an outcome file (on a kiosk a final pratica's data
 * leaves the machine at once unless the comune keeps it: esito-firmato.spec.ts).
 */
import { test, expect } from './fixtures';
import { CARD } from '../../support/journey-rig';
import { insertCardAndWaitForPin, logIn, passOnboarding, typeOnPinPad } from './steps';
import { compileMensa, signAndSend } from './mensa-form';


const PROTOCOLLO = 'PG/2026/0012345';

test('the pratica synced after the card came back, then its protocol number', async ({ app: page, rig, shoot }) => {
  await logIn(page, rig);
  await compileMensa(page, rig, shoot, { search: false, prefix: 'protocollo' });
  await signAndSend(page, shoot, 'protocollo');
  await rig.removeCard();
  await expect(page.getByTestId('attract-istruzione')).toBeVisible();

  const remote = await rig.portal.waitForApplication(CARD.codiceFiscale, 'iscrizione-mensa-scolastica', 20_000);
  await expect(page.getByTestId('stato-coda')).toHaveCount(0, { timeout: 20_000 });

  await insertCardAndWaitForPin(page, rig);
  await typeOnPinPad(page, CARD.pin);
  await passOnboarding(page);
  await page.getByTestId('menu-pratiche').click();
  await expect(page.getByTestId('scheda-inviate')).toContainText('Inviate 1');
  const row = page.getByTestId('elenco-pratiche');
  await expect(row).toContainText('Iscrizione al servizio di mensa scolastica');
  await shoot('protocollo-le-mie-pratiche');

  await rig.portal.register(remote.id, PROTOCOLLO);
  await row.getByRole('button', { name: 'Apri' }).click();
  await expect(page.getByTestId('titolo-dettaglio')).toHaveText('Iscrizione al servizio di mensa scolastica');
  // The status pull runs on the next sync cycle: the detail is reopened until the number is there.
  await expect(async () => {
    await page.getByTestId('indietro-schermata').click();
    await row.getByRole('button', { name: 'Apri' }).click();
    await expect(page.getByTestId('numero-protocollo'), 'Dettaglio pratica: manca il numero di protocollo (data-testid "numero-protocollo")').toContainText(PROTOCOLLO, { timeout: 1_000 });
  }).toPass({ timeout: 25_000 });
  await expect(page.getByTestId('dettaglio-stato')).toHaveText('Protocollata');
  // Registered is not decided: the module is there to download, an outcome is not offered before the comune sends one.
  await expect(page.getByTestId('scarica-modulo')).toBeVisible();
  await expect(page.getByTestId('scarica-esito')).toHaveCount(0);
  await shoot('protocollo-dettaglio');
  // The row in Le mie pratiche says it too, with the day it was sent.
  await page.getByTestId('indietro-schermata').click();
  await expect(row.getByTestId('riga-protocollo')).toHaveText(`Protocollo n. ${PROTOCOLLO}`);
  await expect(row.getByTestId('riga-inviata')).toHaveText(/^Inviata il \d{1,2} [a-z]{3} \d{4}, \d{2}:\d{2}$/);
  await row.getByRole('button', { name: 'Apri' }).click();
});
