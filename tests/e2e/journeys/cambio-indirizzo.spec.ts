/**
 * Journey 4: a change of address within the comune for the citizen, the spouse and a
 * child, with a car. The citizen fills who moves and where, takes the card out half way,
 * comes back later, resumes the draft from "Le mie pratiche" (everything typed is still
 * there), and sends it.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { test } from './fixtures';
import { CARD } from '../../support/journey-rig';
import { fillApplicant } from './anagrafica';
import { choose, component, pickValue, typeDate, typeIn } from './formio';
import { formioForm } from '../support/formio';
import { signAndSend } from './mensa-form';
import { writePdfa } from '../../support/journey-pdfa';
import { nextStepAccepted } from './wizard';
import { closeKeyboard, insertCardAndWaitForPin, logIn, passOnboarding, typeOnPinPad } from './steps';

const FAMILY = [
  { nome: 'Laura', cognome: 'Bianchi', cf: 'BNCLRA82M41H501Q', nascita: '01/08/1982', relazione: 'coniuge' },
  { nome: 'Luca', cognome: 'Rossi', cf: 'RSSLCU12C10H501Z', nascita: '10/03/2012', relazione: 'figlio' },
] as const;
const TARGA = 'AB123CD';

function row(grid: Locator, index: number): Locator {
  return grid.locator('tbody > tr').nth(index);
}

async function fillPersone(page: Page): Promise<void> {
  const form = formioForm(page);
  await expect(component(form, 'provenienza')).toBeVisible({ timeout: 15_000 });
  await fillApplicant(page, form);
  await pickValue(page, form, 'provenienza', 'stesso_comune');
  await choose(page, form, 'cittadinanza', 'it');
  await pickValue(page, form, 'patente', 'no');
  await pickValue(page, form, 'chi_si_trasferisce', 'alcuni_componenti');
  const grid = component(form, 'componenti');
  await expect(grid).toBeVisible();
  for (const [i, person] of FAMILY.entries()) {
    if (i > 0) await grid.getByRole('button', { name: 'Aggiungi' }).click();
    const r = row(grid, i);
    await typeIn(r, 'nome', person.nome);
    await typeIn(r, 'cognome', person.cognome);
    await typeIn(r, 'codice_fiscale', person.cf);
    await typeDate(page, r, 'data_nascita', person.nascita);
    await typeIn(r, 'luogo_nascita', 'Roma');
    await choose(page, r, 'relazione', person.relazione);
    await choose(page, r, 'cittadinanza', 'it');
    await pickValue(page, r, 'patente', 'no');
  }
  await closeKeyboard(page);
}

async function fillAbitazione(page: Page): Promise<void> {
  const form = formioForm(page);
  await expect(component(form, 'titolo_occupazione')).toBeVisible({ timeout: 15_000 });
  const indirizzo = component(form, 'nuovo_indirizzo');
  await typeIn(indirizzo, 'address', 'Via Garibaldi');
  await typeIn(indirizzo, 'house_number', '15');
  await typeIn(indirizzo, 'municipality', 'Prova');
  await typeIn(indirizzo, 'county', 'PR');
  await typeIn(indirizzo, 'postal_code', '00000');
  await typeDate(page, form, 'data_decorrenza', '01/11/2026');
  await pickValue(page, form, 'titolo_occupazione', 'proprieta');
  await typeIn(form, 'foglio', '12');
  await typeIn(form, 'particella', '345');
  await pickValue(page, form, 'famiglia_esistente', 'no');
  await pickValue(page, form, 'possiede_veicoli', 'si');
  const veicoli = component(form, 'veicoli');
  await typeIn(row(veicoli, 0), 'targa', TARGA);
  await choose(page, row(veicoli, 0), 'tipo', 'autoveicolo');
  await typeIn(row(veicoli, 0), 'intestatario', 'Mario Rossi');
  await closeKeyboard(page);
  for (const key of ['consapevole_accertamento', 'dichiarazione_veridicita']) {
    await component(form, key).locator('label').first().click();
    await expect(component(form, key).locator('input[type="checkbox"]')).toBeChecked();
  }
}

test('Cambio di indirizzo with two family members and a car, resumed after the card was out', async ({ app: page, rig, shoot }) => {
  const title = page.getByTestId('titolo-passo');
  await logIn(page, rig);
  await page.getByTestId('menu-servizi').click();
  await page.getByTestId('servizio-cambio-residenza').click();
  await page.getByTestId('accedi-servizio').click();
  await page.getByText('Ho letto le istruzioni').click();
  await expect(page.getByTestId('istruzioni-lette')).toBeChecked();
  await page.getByTestId('avanti').click();
  await expect(title).toHaveText(/Richiedente$/);
  await page.getByTestId('avanti').click();

  await expect(title).toHaveText(/Chi si trasferisce$/);
  await fillPersone(page);
  await shoot('indirizzo-persone');
  await nextStepAccepted(page, rig);

  await expect(title).toHaveText(/Nuova abitazione e veicoli$/);
  await fillAbitazione(page);
  await shoot('indirizzo-abitazione');
  await nextStepAccepted(page, rig);
  await expect(title).toHaveText(/Allegati$/);
  // Others move with the citizen: their documents are required, and the step says why.
  await expect(page.getByTestId('obbligo-documenti_componenti')).toHaveText('Obbligatorio, perché con te si trasferiscono altri componenti della famiglia');
  const documenti = await writePdfa(join(tmpdir(), `documenti-famiglia-${process.pid}.pdf`), 'Documenti dei componenti');
  await page.getByTestId('file-documenti_componenti').setInputFiles(documenti);
  await page.getByTestId('allega-documenti_componenti').click();
  await expect(page.getByTestId('allegato-caricato')).toContainText(/documenti-famiglia-\d+\.pdf/);

  // The citizen leaves with the card; the draft stays in core.
  await rig.removeCard();
  await expect(page.getByTestId('attract-istruzione')).toBeVisible();
  await insertCardAndWaitForPin(page, rig);
  await typeOnPinPad(page, CARD.pin);
  await passOnboarding(page);
  await page.getByTestId('menu-pratiche').click();
  await page.getByTestId('scheda-bozza').click();
  await page.getByTestId('elenco-pratiche').getByRole('button', { name: 'Riprendi' }).click();
  await expect(title).toHaveText(/Allegati$/);
  await shoot('indirizzo-ripresa');

  await page.getByTestId('indietro').click();
  await expect(title).toHaveText(/Nuova abitazione e veicoli$/);
  await expect(component(component(formioForm(page), 'veicoli'), 'targa').locator('input')).toHaveValue(TARGA);
  await page.getByTestId('indietro').click();
  await expect(title).toHaveText(/Chi si trasferisce$/);
  const grid = component(formioForm(page), 'componenti');
  for (const [i, person] of FAMILY.entries()) await expect(component(row(grid, i), 'codice_fiscale').locator('input')).toHaveValue(person.cf);
  await shoot('indirizzo-persone-ripresa');

  for (const next of [/Nuova abitazione e veicoli$/, /Allegati$/, /Controllo e conferma$/]) {
    await page.getByTestId('avanti').click();
    await expect(title).toHaveText(next);
  }
  await signAndSend(page, shoot, 'indirizzo');
  await expect(page.getByTestId('ricevuta')).toContainText('Cambio di residenza o di indirizzo');
  await shoot('indirizzo-ricevuta');
});
