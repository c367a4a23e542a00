/** Steps of the journeys over the real portal's own forms (tests/fixtures/catalogue/moduli-reali). */
import { expect, type Page } from '@playwright/test';
import { CARD } from '../../support/journey-rig';
import { formioForm } from '../support/formio';

/** From "Tutti i servizi" to the service's form: its card, the instructions read, the applicant from the card. */
export async function openService(page: Page, slug: string, name: string): Promise<void> {
  await page.getByTestId('menu-servizi').click();
  await page.getByTestId(`servizio-${slug}`).click();
  await expect(page.getByTestId('titolo-scheda')).toHaveText(name);
  await page.getByTestId('accedi-servizio').click();
  const title = page.getByTestId('titolo-passo');
  await expect(title).toHaveText(/^Passo 1 di 4: Istruzioni$/);
  await page.getByText('Ho letto le istruzioni').click();
  await expect(page.getByTestId('istruzioni-lette')).toBeChecked();
  await page.getByTestId('avanti').click();
  await expect(title).toHaveText(/Richiedente$/);
  await expect(page.getByText(CARD.codiceFiscale)).toBeVisible();
  await page.getByTestId('avanti').click();
  await expect(title).toHaveText(/^Passo 3 di 4: Modulo$/);
  await expect(formioForm(page)).toBeVisible({ timeout: 15_000 });
}
