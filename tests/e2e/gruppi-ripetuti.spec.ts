/**
 * Repeating groups on a kiosk screen (renderer/src/forms/gruppi-ripetuti.ts): the canteen form's
 * children are cards with a line of their own values, never "[Complex Data]", with "Modifica" and
 * "Rimuovi" in words and large enough to touch; nothing wider than the screen at 1280 and 1024 px.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openApp, openServiceForm, signIn } from './support/citizen';
import type { ScriptedCard } from './support/scripted-card';
import type { TestHost } from '../support/host';
import { choose, field, formioForm, typeDate } from './support/formio';
import { component, pickValue } from './journeys/formio';

test.afterEach(({ card }) => card.remove());

const SOFIA = 'SOFIA ROSSI, Scuola primaria "Gianni Rodari"…, Primaria - classe 3ª, B, Dieta speciale per motivi di salute…';
const LUCA = 'LUCA ROSSI, Scuola dell\'infanzia "Il Girasole"…, Infanzia - 4 anni, Menù standard';
const LUCA_IN_5 = 'LUCA ROSSI, Scuola dell\'infanzia "Il Girasole"…, Infanzia - 5 anni, Menù standard';

const cards = (page: Page) => formioForm(page).locator('.formio-component-figli .scheda-riga');

/** Fills the open child row (`row` is its index in the grid), the way the citizen does, and saves it. */
async function addChild(page: Page, row: number, child: { name: string; fiscalCode: string; born: string; school: string; klass: string; section?: string; diet: string; allergies?: string }): Promise<void> {
  await formioForm(page).getByRole('button', { name: 'Aggiungi' }).click();
  // Index 1: the applicant's own name fields come first; a closed row has no inputs.
  await field(page, 'name', 1).fill(child.name);
  await field(page, 'surname', 1).fill('ROSSI');
  await choose(page, 'gender', null, 1);
  await typeDate(page, 'natoAIl', child.born, 1);
  await field(page, 'place_of_birth', 1).fill('Roma');
  await field(page, 'fiscal_code', 1).fill(child.fiscalCode);
  await choose(page, `figli][${row}][scuola`, child.school);
  await choose(page, `figli][${row}][classe`, child.klass);
  if (child.section) await field(page, `figli][${row}][sezione`).fill(child.section);
  // Bootstrap Italia draws the radio on its label: the citizen touches the label. Form.io may
  // redraw the row as its errors update (a new id each time): touched again on the one drawn now.
  const diet = formioForm(page).locator(`[name^="data[figli][${row}][dieta]"][value="${child.diet}"]`);
  await expect(async () => {
    await formioForm(page).locator(`label[for="${await diet.getAttribute('id')}"]`).click();
    await expect(diet).toBeChecked({ timeout: 1_000 });
  }).toPass();
  if (child.allergies) await field(page, `figli][${row}][allergie`).fill(child.allergies);
  await formioForm(page).getByRole('button', { name: 'Salva', exact: true }).click();
}

/** The page is no wider than the window, and every button of the group's items is at least 44 px each way. */
async function fitsAndTouchable(page: Page, shoot: (page: Page, name: string) => Promise<string>, name: string, buttons = cards(page).getByRole('button')): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll, `larghezza della pagina a ${widths.inner} px`).toBeLessThanOrEqual(widths.inner);
  expect(await buttons.count()).toBeGreaterThan(0);
  for (const button of await buttons.all()) {
    const box = await button.boundingBox();
    expect(box, await button.innerText()).not.toBeNull();
    expect(box!.width, await button.innerText()).toBeGreaterThanOrEqual(44);
    expect(box!.height, await button.innerText()).toBeGreaterThanOrEqual(44);
  }
  await shoot(page, `gruppi-ripetuti-${name}-${widths.inner}x${page.viewportSize()?.height ?? 0}`);
}

/** A kiosk of 1280x800, the citizen signed in, on the service's first Form.io step. */
async function kioskAt1280(page: Page, app: TestHost, card: ScriptedCard, servizio: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, app);
  await signIn(page, card);
  await openServiceForm(page, servizio);
}

test('Iscrizione mensa scolastica: two children as cards, edited and removed, readable at 1280 and 1024 px', async ({ page, app, card, shoot, axe }) => {
  test.setTimeout(180_000);
  await kioskAt1280(page, app, card, 'iscrizione-mensa-scolastica');
  await expect(field(page, 'name')).toHaveValue('MARIO', { timeout: 30_000 });

  await addChild(page, 0, {
    name: 'SOFIA', fiscalCode: 'RSSSFO18P70H501S', born: '30/09/2018', school: 'Scuola primaria "Gianni Rodari" - Via Roma 22', klass: 'Primaria - classe 3ª',
    section: 'B', diet: 'sanitaria', allergies: 'Allergia alle proteine del latte vaccino',
  });
  await addChild(page, 1, { name: 'LUCA', fiscalCode: 'RSSLCU22A01H501X', born: '01/01/2022', school: 'Scuola dell\'infanzia "Il Girasole" - Via dei Tigli 4', klass: 'Infanzia - 4 anni', diet: 'standard' });

  await expect(cards(page).getByTestId('riepilogo-riga')).toHaveText([SOFIA, LUCA]);
  await expect(formioForm(page)).not.toContainText('[Complex Data]');
  // The grid's header of column labels is gone: the cards say what each child is.
  await expect(formioForm(page).locator('.formio-component-figli .list-group-header')).toHaveCount(0);
  const sofia = cards(page).nth(0);
  await expect(sofia.getByRole('button', { name: `Modifica: ${SOFIA}` })).toHaveText('Modifica');
  await expect(sofia.getByRole('button', { name: `Rimuovi: ${SOFIA}` })).toHaveText('Rimuovi');
  await axe(page, 'figli come schede 1280x800');
  await fitsAndTouchable(page, shoot, 'figli');
  await page.setViewportSize({ width: 1024, height: 768 });
  await fitsAndTouchable(page, shoot, 'figli');

  // Modifica opens Luca's row with his values; the card shows what was changed.
  await cards(page).nth(1).getByRole('button', { name: /^Modifica/ }).click();
  await choose(page, 'figli][1][classe', 'Infanzia - 5 anni');
  await formioForm(page).getByRole('button', { name: 'Salva', exact: true }).click();
  await expect(cards(page).getByTestId('riepilogo-riga')).toHaveText([SOFIA, LUCA_IN_5]);

  // Rimuovi takes Sofia away, and only her.
  await cards(page).nth(0).getByRole('button', { name: /^Rimuovi/ }).click();
  await expect(cards(page).getByTestId('riepilogo-riga')).toHaveText([LUCA_IN_5]);
  await axe(page, 'figli come schede 1024x768');
  await fitsAndTouchable(page, shoot, 'figlio-rimasto');
  await page.setViewportSize({ width: 1080, height: 1920 });
  await fitsAndTouchable(page, shoot, 'figlio-rimasto');
});

test('Cambio di residenza: the family members\' grid of 15 columns is one labelled card per person, at 1280 and 1024 px', async ({ page, app, card, shoot, axe }) => {
  test.setTimeout(120_000);
  await kioskAt1280(page, app, card, 'cambio-residenza');
  const form = formioForm(page);
  await pickValue(page, form, 'chi_si_trasferisce', 'alcuni_componenti');
  const grid = component(form, 'componenti');
  await grid.getByRole('button', { name: 'Aggiungi' }).click();
  const persons = grid.locator('tbody > tr');
  await expect(persons).toHaveCount(2);
  // Each field of a person carries its own label, read as a whole word, not squeezed into a column.
  for (const label of ['Nome', 'Cognome', 'Codice fiscale', 'Data di nascita']) {
    // The label holds the field's name and the required star.
    const shown = persons.nth(0).locator('label.col-form-label').filter({ hasText: new RegExp(`^\\s*${label}\\s*\\*?\\s*$`) });
    await expect(shown).toBeVisible();
    expect((await shown.boundingBox())!.height, label).toBeLessThan(40);
  }
  const remove = grid.getByRole('button', { name: /^Rimuovi/ });
  await expect(remove).toHaveText(['Rimuovi', 'Rimuovi']);
  await axe(page, 'componenti come schede 1280x800');
  await fitsAndTouchable(page, shoot, 'componenti', remove);
  await page.setViewportSize({ width: 1024, height: 768 });
  await fitsAndTouchable(page, shoot, 'componenti', remove);
  await remove.nth(1).click();
  await expect(persons).toHaveCount(1);
});
