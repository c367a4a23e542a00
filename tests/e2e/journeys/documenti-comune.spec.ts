/**
 * The documents the comune issued: after the citizen's first pratica (the portal then knows them), the office
 * puts a certificate in their folder on the portal; at the kiosk, I miei allegati lists it, read live, and it
 * downloads byte for byte.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { CARD } from '../../support/journey-rig';
import { writePdfa } from '../../support/journey-pdfa';
import { logIn } from './steps';
import { compileMensa, signAndSend } from './mensa-form';

test('a certificate issued by the comune, listed and downloaded at the kiosk', async ({ app: page, rig, shoot }, testInfo) => {
  await logIn(page, rig);
  await compileMensa(page, rig, shoot, { search: false, prefix: 'documenti' });
  await signAndSend(page, shoot, 'documenti');
  await rig.portal.waitForApplication(CARD.codiceFiscale, 'iscrizione-mensa-scolastica', 30_000);
  const certificate = readFileSync(await writePdfa(testInfo.outputPath('certificato.pdf'), 'Certificato di residenza'));
  await rig.portal.giveDocument(CARD.codiceFiscale, { title: 'Certificato di residenza', name: 'certificato-residenza.pdf', mimeType: 'application/pdf', bytes: certificate });

  await page.getByTestId('menu-allegati').click();
  const list = page.getByTestId('documenti-comune');
  await expect(list).toContainText('Certificato di residenza');
  const [download] = await Promise.all([page.waitForEvent('download'), list.getByTestId('scarica-documento-comune').click()]);
  expect(download.suggestedFilename()).toBe('certificato-residenza.pdf');
  expect(readFileSync((await download.path())!).equals(certificate)).toBe(true);
  await shoot('documenti-comune');
});
