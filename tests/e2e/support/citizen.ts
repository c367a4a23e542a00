/** Steps every citizen journey shares: open the app, insert the card, PIN, terms, profile. */
import { expect, type Page } from '@playwright/test';
import type { TestHost } from '../../support/host';
import { PIN, type ScriptedCard } from './scripted-card';

export async function openApp(page: Page, app: TestHost): Promise<void> {
  await page.goto(app.host.url);
  await expect(page.getByTestId('attract-istruzione')).toBeVisible();
}

export async function enterPin(page: Page, pin: string, testId = 'pin'): Promise<void> {
  await page.getByTestId(testId).fill(pin);
  await page.getByTestId(testId).press('Enter');
}

/** From the attract screen to "La mia stanza", accepting terms and skipping the profile when asked. */
export async function signIn(page: Page, card: ScriptedCard): Promise<void> {
  card.insert();
  await expect(page.getByTestId('tentativi-rimasti')).toBeVisible();
  await enterPin(page, PIN);
  const terms = page.getByTestId('accetta-termini');
  const profile = page.getByTestId('profilo-dopo');
  const room = page.getByTestId('titolo-stanza');
  await expect(terms.or(profile).or(room)).toBeVisible();
  if (await terms.isVisible()) await terms.click();
  await expect(profile.or(room)).toBeVisible();
  if (await profile.isVisible()) await profile.click();
  await expect(room).toBeVisible();
}

/** After the PIN, on a first visit: the comune's terms accepted, email and phone given. */
export async function acceptTermsAndGiveContatti(page: Page): Promise<void> {
  await page.getByTestId('accetta-termini').click();
  await page.getByTestId('profilo-email').fill('mario.rossi@example.org');
  await page.getByTestId('profilo-telefono').fill('3331234567');
  await page.getByTestId('salva-profilo').click();
}
