/**
 * The documents the comune issued: after the citizen's first pratica (the portal then knows them), the office
 * puts a certificate in their folder on the portal, a signed one (.p7m) and a photo; at the kiosk, I miei
 * allegati lists them, read live; the certificate downloads byte for byte, and "Stampa" prints it, the signed
 * one prints its content, the photo says why it does not print. The browser host has no printer: what
 * `app.print` was given is offered to save (use-print.ts), as the receipt and the pagoPA notice are in their
 * tests, and that file is what is checked.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { CARD } from '../../support/journey-rig';
import { writePdfa } from '../../support/journey-pdfa';
import { JPEG } from '../../support/allegati';
import { contenutoSecondoOpenssl, inBase64, SCIA } from '../../support/busta-p7m';
import { logIn } from './steps';
import { compileMensa, signAndSend } from './mensa-form';

test('certificates issued by the comune, listed, downloaded and printed at the kiosk', async ({ app: page, rig, shoot }, testInfo) => {
  await logIn(page, rig);
  await compileMensa(page, rig, shoot, { search: false, prefix: 'documenti' });
  await signAndSend(page, shoot, 'documenti');
  await rig.portal.waitForApplication(CARD.codiceFiscale, 'iscrizione-mensa-scolastica', 30_000);
  const certificate = readFileSync(await writePdfa(testInfo.outputPath('certificato.pdf'), 'Certificato di residenza'));
  await rig.portal.giveDocument(CARD.codiceFiscale, { title: 'Certificato di residenza', name: 'certificato-residenza.pdf', mimeType: 'application/pdf', bytes: certificate });
  await rig.portal.giveDocument(CARD.codiceFiscale, { title: 'SCIA firmata', name: 'scia.pdf.p7m', mimeType: 'text/plain', bytes: inBase64(SCIA) });
  await rig.portal.giveDocument(CARD.codiceFiscale, { title: 'Foto del passo carraio', name: 'passo-carraio.jpg', mimeType: 'image/jpeg', bytes: Buffer.from(JPEG) });

  await page.getByTestId('menu-allegati').click();
  const list = page.getByTestId('documenti-comune');
  const row = (title: string) => list.getByRole('listitem').filter({ hasText: title });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  const residenza = row('Certificato di residenza');
  const [download] = await Promise.all([page.waitForEvent('download'), residenza.getByTestId('scarica-documento-comune').click()]);
  expect(download.suggestedFilename()).toBe('certificato-residenza.pdf');
  expect(readFileSync((await download.path())!).equals(certificate)).toBe(true);
  await expect(row('Foto del passo carraio').getByTestId('documento-non-stampabile')).toHaveText(/non si stampa qui: la stampante stampa solo documenti PDF/);
  await expect(row('Foto del passo carraio').getByTestId('stampa-documento-comune')).toHaveCount(0);
  await shoot('documenti-comune');

  const [printed] = await Promise.all([page.waitForEvent('download'), residenza.getByTestId('stampa-documento-comune').click()]);
  expect(readFileSync((await printed.path())!).equals(certificate)).toBe(true);
  await expect(residenza.getByTestId('esito-stampa-documento')).toHaveText(/non ha una stampante collegata: il documento è stato scaricato/);
  await expect(page.getByText('Documento inviato alla stampante.')).toHaveCount(0);

  const scia = row('SCIA firmata');
  await expect(scia.getByTestId('stampa-contenuto-firmato')).toBeVisible();
  const [content] = await Promise.all([page.waitForEvent('download'), scia.getByTestId('stampa-documento-comune').click()]);
  expect(content.suggestedFilename()).toBe('scia.pdf');
  expect(readFileSync((await content.path())!).equals(contenutoSecondoOpenssl(SCIA))).toBe(true);
  await expect(scia.getByTestId('esito-stampa-documento')).toHaveText(/il documento è stato scaricato/);
  await shoot('documenti-comune-stampa');
});
