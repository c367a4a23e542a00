/**
 * Journey 1: a parent at the kiosk enrols a child in the school canteen. Card in, a
 * wrong PIN first (the card says how many tries are left), the right PIN, the terms,
 * the service from "Tutti i servizi", the Form.io form filled by hand, a PDF/A medical
 * certificate attached, signed with the PIN and sent: the receipt shows.
 */
import { test, expect } from './fixtures';
import { CARD } from '../../support/journey-rig';
import { insertCardAndWaitForPin, passOnboarding, typeOnPinPad } from './steps';
import { compileMensa, signAndSend } from './mensa-form';

test('Iscrizione mensa scolastica from card to receipt', async ({ app: page, rig, shoot }) => {
  await shoot('mensa-attract');
  await insertCardAndWaitForPin(page, rig);
  await expect(page.getByTestId('tentativi-rimasti')).toHaveText('Ti restano 3 tentativi.');
  await shoot('mensa-pin');

  await typeOnPinPad(page, CARD.wrongPin);
  await expect(page.getByRole('alert')).toContainText('PIN errato: 2 tentativi rimasti');
  expect(rig.card.state.pinTriesLeft).toBe(2);
  await expect(page.getByTestId('tentativi-rimasti')).toHaveText('Ti restano 2 tentativi.');
  await shoot('mensa-pin-errato');

  await typeOnPinPad(page, CARD.pin);
  await passOnboarding(page, (name) => shoot(`mensa-${name}`));
  expect(rig.card.state.pinTriesLeft).toBe(3);
  await shoot('mensa-stanza');

  await compileMensa(page, rig, shoot, { search: true, prefix: 'mensa' });
  await signAndSend(page, shoot, 'mensa');
  const receipt = page.getByTestId('ricevuta');
  await expect(receipt).toContainText('Iscrizione al servizio di mensa scolastica');
  await expect(receipt).toContainText(CARD.codiceFiscale);
  await shoot('mensa-ricevuta');
});
