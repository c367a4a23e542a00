/**
 * Form.io's own words in Italian: the day field's labels and months, the date picker's
 * calendar, and no input marked as English (Form.io falls back to English, lang="en",
 * for a language it has no catalogue of).
 */
import { test, expect } from './fixtures';
import { acceptTermsAndGiveContatti, enterPin, openApp } from './support/citizen';
import { field, formioForm } from './support/formio';
import { PIN } from './support/scripted-card';

test.afterEach(({ card }) => card.remove());

async function toService(page: import('@playwright/test').Page, app: Parameters<typeof openApp>[1], insert: () => unknown, servizio: string) {
  await openApp(page, app);
  await insert();
  await enterPin(page, PIN);
  await acceptTermsAndGiveContatti(page);
  await page.getByTestId('menu-servizi').click();
  await page.getByTestId(`servizio-${servizio}`).click();
  await page.getByTestId('accedi-servizio').click();
  // The instructions (where the service has them), the applicant, then the Form.io step.
  const istruzioni = page.getByTestId('passo-istruzioni');
  const richiedente = page.getByTestId('richiedente');
  await expect(istruzioni.or(richiedente).first()).toBeVisible();
  if (await istruzioni.isVisible()) {
    await page.getByText('Ho letto le istruzioni').click();
    await page.getByTestId('avanti').click();
  }
  await expect(richiedente).toBeVisible();
  await page.getByTestId('avanti').click();
  await expect(formioForm(page)).toBeVisible({ timeout: 30_000 });
}

test('the day field reads Giorno, Mese, Anno with Italian months, and nothing in the form is lang="en"', async ({ page, app, card }) => {
  test.setTimeout(180_000);
  await toService(page, app, () => card.insert(), 'richiesta-appuntamento');
  const form = formioForm(page);
  await expect(form.locator('label[for$="-day"]').first()).toHaveText(/^Giorno/);
  await expect(form.locator('label[for$="-month"]').first()).toHaveText(/^Mese/);
  await expect(form.locator('label[for$="-year"]').first()).toHaveText(/^Anno/);
  const mesi = form.locator('select[id$="-month"] option:not([value=""])');
  await expect(mesi.first()).toHaveText('Gennaio');
  await expect(mesi.nth(11)).toHaveText('Dicembre');
  await expect(form).not.toContainText(/January|December|\bDay\b|\bMonth\b|\bYear\b/);
  await expect(form.locator('[lang]:not([lang="it"])')).toHaveCount(0);
  await expect(form.locator('input[lang="it"]').first()).toBeAttached();
});

test('the date picker of a Form.io date field is Italian', async ({ page, app, card }) => {
  test.setTimeout(180_000);
  await toService(page, app, () => card.insert(), 'iscrizione-mensa-scolastica');
  await expect(field(page, 'name')).toHaveValue('MARIO', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Aggiungi' }).click();
  const data = field(page, 'natoAIl', 1).locator('xpath=following-sibling::input[1]');
  await data.click();
  const calendario = page.locator('.flatpickr-calendar.open');
  await expect(calendario).toBeVisible();
  await expect(calendario.locator('.flatpickr-weekday').first()).toHaveText(/Lun/);
  await expect(calendario.locator('.flatpickr-monthDropdown-month').first()).toHaveText('Gennaio');
  await expect(formioForm(page).locator('[lang]:not([lang="it"])')).toHaveCount(0);
});
