/**
 * On a kiosk the comune set to keep a final pratica's data for a month (`retentionDays`; 0 by
 * default, 90 at home), the office accepts
 * the citizen's pratica with a real signed file (the portal's own test file SCIA.pdf.p7m, an Aruba
 * qualified signature): Dettaglio shows, as it arrives, who signed it and the verdict of the shipped
 * CA list, and the file downloads byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { CARD } from '../../support/journey-rig';
import { base64File } from '../../portal/office';
import { logIn } from './steps';
import { compileMensa, signAndSend } from './mensa-form';

test.use({ rigOptions: { mode: 'kiosk', retentionDays: 30 } });

const SCIA = readFileSync(join(__dirname, '../../fixtures/firme-reali/SCIA.pdf.p7m'));

test('a signed outcome shown with its signer and verdict, and downloaded as sent', async ({ app: page, rig, shoot }) => {
  // Without a fee here (the demo's canteen asks for one after the outcome: pagamento.spec.ts).
  rig.portal.setPayment('iscrizione-mensa-scolastica', null);
  await logIn(page, rig);
  await compileMensa(page, rig, shoot, { search: false, prefix: 'esito' });
  await signAndSend(page, shoot, 'esito');
  const remote = await rig.portal.waitForApplication(CARD.codiceFiscale, 'iscrizione-mensa-scolastica', 30_000);

  await page.getByTestId('menu-pratiche').click();
  await page.getByTestId('elenco-pratiche').getByRole('button', { name: 'Apri' }).click();
  await expect(page.getByTestId('titolo-dettaglio')).toHaveText('Iscrizione al servizio di mensa scolastica');
  await expect(page.getByTestId('file-esito')).toHaveCount(0);

  // The office registers and accepts it with the signed file, while the citizen is on the page.
  const office = await rig.portal.office();
  expect((await office.register(remote.id, 'PG/2026/0000901')).status).toBe(204);
  expect((await office.assign(remote.id)).status).toBe(204);
  expect((await office.transition(remote.id, 'accept', { message: 'Iscrizione accolta.', attachments: [base64File('esito-iscrizione.pdf.p7m', 'application/pkcs7-mime', SCIA)] })).status).toBe(204);
  await expect(page.getByTestId('dettaglio-stato')).toHaveText('Accettata', { timeout: 25_000 });
  await expect(page.getByTestId('esito')).toHaveText('Iscrizione accolta.');
  const esito = page.getByTestId('file-esito');
  await expect(esito).toContainText('esito-iscrizione.pdf.p7m');
  await expect(esito.getByTestId('verdetto-esito')).toHaveText(
    /^Firmato da Stefano Dalla Torre: Firma valida, apposta il 05\/09\/2017 quando il certificato era valido; certificato scaduto il 28\/01\/2020\.$/,
  );
  const [download] = await Promise.all([page.waitForEvent('download'), esito.getByTestId('scarica-esito').click()]);
  expect(download.suggestedFilename()).toBe('esito-iscrizione.pdf.p7m');
  expect(readFileSync((await download.path())!).equals(SCIA)).toBe(true);
  await shoot('esito-firmato');
});
