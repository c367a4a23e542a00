/**
 * The canteen form of the demo catalogue, filled by hand: what the card does not say
 * about the parent, one child with school, class and a health diet, no ISEE, the two
 * declarations.
 */
import { expect, type Page } from '@playwright/test';
import { choose, component, pick, tick, typeDate, typeIn } from './formio';
import { closeKeyboard } from './steps';

export const FIGLIA = { name: 'Sofia', surname: 'Rossi', fiscalCode: 'RSSSFO18P70H501S' } as const;

export async function fillMensaForm(page: Page): Promise<void> {
  const form = page.getByTestId('modulo-formio');
  await expect(component(form, 'anno_scolastico')).toBeVisible({ timeout: 15_000 });

  const parent = component(form, 'applicant');
  await expect(component(parent, 'fiscal_code').locator('input')).toHaveValue('RSSMRA80A01H501U');
  await choose(page, parent, 'gender', 'maschio');
  await typeIn(parent, 'place_of_birth', 'Roma');
  await typeIn(parent, 'address', 'Via Roma');
  await typeIn(parent, 'house_number', '1');
  await typeIn(parent, 'municipality', 'Prova');
  await typeIn(parent, 'county', 'PR');
  await typeIn(parent, 'postal_code', '00000');
  await closeKeyboard(page);

  await expect(component(form, 'anno_scolastico').locator('.choices__list--single .choices__item')).toHaveAttribute('data-value', '2026-2027');

  const figli = component(form, 'figli');
  await figli.getByRole('button', { name: 'Aggiungi' }).click();
  await typeIn(figli, 'name', FIGLIA.name);
  await typeIn(figli, 'surname', FIGLIA.surname);
  await choose(page, figli, 'gender', 'femmina');
  await typeDate(page, figli, 'natoAIl', '30/09/2018');
  await typeIn(figli, 'place_of_birth', 'Prova');
  await typeIn(figli, 'fiscal_code', FIGLIA.fiscalCode);
  await choose(page, figli, 'scuola', 'primaria-rodari');
  await choose(page, figli, 'classe', 'primaria-3');
  await typeIn(figli, 'sezione', 'B');
  await pick(page, figli, 'dieta', 'Dieta speciale per motivi di salute (allergie, intolleranze, patologie)');
  await typeIn(figli, 'allergie', 'Allergia alle proteine del latte vaccino');
  await closeKeyboard(page);
  await figli.getByRole('button', { name: 'Salva' }).click();
  await expect(figli).toContainText(FIGLIA.fiscalCode);

  await pick(page, form, 'presenta_isee', 'No, accetto la tariffa massima');
  await tick(page, form, 'presa_visione_regolamento');
  await tick(page, form, 'dichiarazione_veridicita');
}
