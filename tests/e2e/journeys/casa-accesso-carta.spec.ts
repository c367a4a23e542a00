/**
 * At home the citizen is themself on the portal: card in, PIN once, the card's key logs in to the
 * portal's CNS login (TLS client authentication, OpenSSL's engine over OpenSC and pcscd), the
 * pratica leaves with the citizen's own token (the configuration holds no account at all), and
 * its status comes back the same way.
 */
import { test, expect } from './fixtures';
import { CARD } from '../../support/journey-rig';
import { insertCardAndWaitForPin, passOnboarding, typePin } from './steps';
import { compileMensa, signAndSend } from './mensa-form';

const PROTOCOLLO = 'PG/2026/0077001';

test.use({ rigOptions: { mode: 'home' } });

test('card in, PIN, login with the card, pratica sent as the citizen, status pulled', async ({ app: page, rig, shoot }) => {
  await expect(page.getByTestId('stato-portale')).toHaveText('Per inviare al Comune inserisci la carta e il PIN');
  await insertCardAndWaitForPin(page, rig);
  await typePin(page, CARD.pin);
  await passOnboarding(page);
  await expect(page.getByTestId('stato-portale')).toHaveText('Collegato al Comune con la tua carta', { timeout: 45_000 });
  await shoot('casa-accesso-carta');
  expect(rig.card.state.pinTriesLeft).toBe(3);

  await compileMensa(page, rig, shoot, { search: false, prefix: 'casa' });
  await signAndSend(page, shoot, 'casa', 'tastiera');
  const remote = await rig.portal.waitForApplication(CARD.codiceFiscale, 'iscrizione-mensa-scolastica', 30_000);
  await expect(page.getByTestId('stato-coda')).toHaveCount(0, { timeout: 20_000 });

  await rig.portal.register(remote.id, PROTOCOLLO);
  await page.getByTestId('menu-pratiche').click();
  const row = page.getByTestId('elenco-pratiche');
  await expect(row.getByTestId('riga-protocollo')).toHaveText(`Protocollo n. ${PROTOCOLLO}`, { timeout: 30_000 });
  await shoot('casa-protocollata');

  // Card out: the citizen's access goes with it.
  await rig.removeCard();
  await expect(page.getByTestId('stato-portale')).toHaveText('Per inviare al Comune inserisci la carta e il PIN', { timeout: 15_000 });
});

test('offline at home: the pratica queues, waits for the card once the portal is back, and leaves once', async ({ app: page, rig, shoot }) => {
  const portalState = page.getByTestId('stato-portale');
  const queue = page.getByTestId('stato-coda');
  await rig.portal.stop();
  await insertCardAndWaitForPin(page, rig);
  await typePin(page, CARD.pin);
  await passOnboarding(page);
  // The card's key is open, the portal is not there: the login waits, the citizen goes on.
  await expect(portalState).toHaveText('Il portale del Comune non è raggiungibile ora: le pratiche partono appena torna.', { timeout: 30_000 });

  await compileMensa(page, rig, shoot, { search: false, prefix: 'casa-offline' });
  // The signature takes the card back from the login's key: once the portal is back, the login needs the PIN again.
  await signAndSend(page, shoot, 'casa-offline', 'tastiera');
  await expect(queue).toHaveText('1 pratica in attesa di invio al Comune', { timeout: 30_000 });
  await shoot('casa-offline-in-coda');

  await rig.portal.start();
  await expect(portalState).toContainText('toglila e reinseriscila, poi inserisci il PIN', { timeout: 30_000 });
  await expect(queue).toHaveText('1 pratica in attesa del tuo accesso con la carta: parte quando inserisci la carta e il PIN');
  await shoot('casa-offline-accesso-da-rifare');
  await rig.removeCard();
  await insertCardAndWaitForPin(page, rig);
  await typePin(page, CARD.pin);
  await expect(portalState).toHaveText('Collegato al Comune con la tua carta', { timeout: 45_000 });
  await expect(queue).toHaveCount(0, { timeout: 35_000 });
  const sent = rig.portal.applications().filter((a) => a.fiscalCode === CARD.codiceFiscale && a.serviceSlug === 'iscrizione-mensa-scolastica');
  expect(sent).toHaveLength(1);
  await shoot('casa-offline-inviata');
});
