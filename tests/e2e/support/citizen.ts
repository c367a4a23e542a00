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

/** From "Tutti i servizi" to a service's first Form.io step: its sheet, the instructions read, the applicant as the card says. */
export async function openServiceForm(page: Page, servizio: string): Promise<void> {
  await page.getByTestId('menu-servizi').click();
  await page.getByTestId(`servizio-${servizio}`).click();
  await page.getByTestId('accedi-servizio').click();
  await page.getByText('Ho letto le istruzioni').click();
  await page.getByTestId('avanti').click();
  await expect(page.getByTestId('richiedente')).toBeVisible();
  await page.getByTestId('avanti').click();
}
