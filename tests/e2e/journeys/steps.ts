/**
 * Steps every journey shares, done the way a citizen does them: insert the card, type
 * the PIN on the kiosk's pad (or the keyboard at home), accept the terms, skip or fill
 * the profile. Each asserts what the citizen must see before moving on.
 */
import { expect, type Page } from '@playwright/test';
import { CARD, type JourneyRig } from '../../support/journey-rig';

/** Types digits on the on-screen PIN pad (kiosk) and confirms with OK. */
export async function typeOnPinPad(page: Page, digits: string): Promise<void> {
  const pad = page.getByTestId('tastierino-pin');
  for (const digit of digits) await pad.getByRole('button', { name: digit, exact: true }).click();
  await pad.getByRole('button', { name: 'OK', exact: true }).click();
}

export async function insertCardAndWaitForPin(page: Page, rig: JourneyRig): Promise<void> {
  await rig.insertCard();
  await expect(page.getByRole('heading', { name: 'Inserisci il PIN' })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText('Carta di MARIO ROSSI.')).toBeVisible();
}

/** The right PIN, then the terms (first visit) and the profile (skipped): the citizen lands in La mia stanza. */
export async function logIn(page: Page, rig: JourneyRig, shoot?: (name: string) => Promise<void>): Promise<void> {
  await insertCardAndWaitForPin(page, rig);
  await typeOnPinPad(page, CARD.pin);
  await passOnboarding(page, shoot);
}

export async function passOnboarding(page: Page, shoot?: (name: string) => Promise<void>): Promise<void> {
  const terms = page.getByTestId('titolo-termini');
  const profile = page.getByTestId('titolo-completa-profilo');
  const stanza = page.getByTestId('titolo-stanza');
  await expect(terms.or(profile).or(stanza)).toBeVisible({ timeout: 10_000 });
  if (await terms.isVisible()) {
    await shoot?.('termini');
    await page.getByTestId('accetta-termini').click();
  }
  await expect(profile.or(stanza)).toBeVisible();
  if (await profile.isVisible()) {
    await shoot?.('completa-profilo');
    await page.getByTestId('profilo-email').fill('mario.rossi@example.it');
    await page.getByTestId('salva-profilo').click();
  }
  await expect(stanza).toBeVisible();
  await expect(page.getByTestId('cittadino')).toHaveText('MARIO ROSSI');
}
