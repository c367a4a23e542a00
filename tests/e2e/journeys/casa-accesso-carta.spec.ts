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
