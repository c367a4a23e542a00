/**
 * The "applicant" block (the catalogue's Anagrafica form) that most services open
 * with: name, codice fiscale and birth date come from the card; the citizen adds what
 * the card does not say.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { CARD } from '../../support/journey-rig';
import { choose, component, typeIn } from './formio';
import { closeKeyboard } from './steps';

export async function fillApplicant(page: Page, form: Locator): Promise<void> {
  const applicant = component(form, 'applicant');
  await expect(component(applicant, 'fiscal_code').locator('input')).toHaveValue(CARD.codiceFiscale);
  await choose(page, applicant, 'gender', 'maschio');
  await typeIn(applicant, 'place_of_birth', 'Roma');
  await typeIn(applicant, 'address', 'Via Roma');
  await typeIn(applicant, 'house_number', '1');
  await typeIn(applicant, 'municipality', 'Prova');
  await typeIn(applicant, 'county', 'PR');
  await typeIn(applicant, 'postal_code', '00000');
  await closeKeyboard(page);
}
