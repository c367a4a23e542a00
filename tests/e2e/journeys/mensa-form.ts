/**
 * The canteen form of the demo catalogue, filled by hand: what the card does not say
 * about the parent, one child with school, class and a health diet, no ISEE, the two
 * declarations.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { CARD, type JourneyRig } from '../../support/journey-rig';
import { writePdfa } from '../../support/journey-pdfa';
import { choose, component, pick, tick, typeDate, typeIn } from './formio';
import { formioForm } from '../support/formio';
import { closeKeyboard, typeOnPinPad, typePin } from './steps';
import { fillApplicant } from './anagrafica';
import { nextStepAccepted } from './wizard';

const FIGLIA = { name: 'Sofia', surname: 'Rossi', fiscalCode: 'RSSSFO18P70H501S' } as const;

async function fillMensaForm(page: Page): Promise<void> {
  const form = formioForm(page);
  await expect(component(form, 'anno_scolastico')).toBeVisible({ timeout: 15_000 });

  await fillApplicant(page, form);

  await expect(component(form, 'anno_scolastico').locator('select')).toHaveValue('2026-2027');

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
  // The saved child is one card with its own line of values (name first), not a table row.
  await expect(figli).toContainText(`${FIGLIA.name} ${FIGLIA.surname}`);

  await pick(page, form, 'presenta_isee', 'No, accetto la tariffa massima');
  await tick(page, form, 'presa_visione_regolamento');
  await tick(page, form, 'dichiarazione_veridicita');
}

/**
 * From "Tutti i servizi" to the last step ("Controllo e conferma") of the canteen
 * enrolment: instructions, applicant, form, a PDF/A medical certificate, payment notice.
 */
export async function compileMensa(page: Page, rig: JourneyRig, shoot: (name: string) => Promise<void>, options: { search: boolean; prefix: string }): Promise<void> {
  await page.getByTestId('menu-servizi').click();
  if (options.search) {
    await page.getByTestId('cerca-servizi').fill('mensa');
    await page.getByTestId('cerca-servizi').press('Enter');
    await expect(page.getByTestId('tastiera')).toBeVisible();
    await shoot(`${options.prefix}-ricerca`);
    await closeKeyboard(page);
  }
  await page.getByTestId('servizio-iscrizione-mensa-scolastica').click();
  await expect(page.getByTestId('titolo-scheda')).toHaveText('Iscrizione al servizio di mensa scolastica');
  await shoot(`${options.prefix}-scheda`);
  await page.getByTestId('accedi-servizio').click();

  const title = page.getByTestId('titolo-passo');
  await expect(title).toHaveText(/^Passo 1 di \d+: Istruzioni$/);
  // Bootstrap Italia draws the box on the label: the citizen touches the label.
  await page.getByText('Ho letto le istruzioni').click();
  await expect(page.getByTestId('istruzioni-lette')).toBeChecked();
  await shoot(`${options.prefix}-istruzioni`);
  await page.getByTestId('avanti').click();

  await expect(title).toHaveText(/Richiedente$/);
  await expect(page.getByText(CARD.codiceFiscale)).toBeVisible();
  await shoot(`${options.prefix}-richiedente`);
  await page.getByTestId('avanti').click();

  await expect(title).toHaveText(/Iscrizione alla mensa$/);
  await fillMensaForm(page);
  await shoot(`${options.prefix}-modulo`);
  await nextStepAccepted(page, rig);

  await expect(title).toHaveText(/Allegati$/);
  const pdf = await writePdfa(join(tmpdir(), `certificato-medico-${process.pid}.pdf`), 'Certificato medico');
  await page.getByTestId('file-certificato_medico').setInputFiles(pdf);
  await expect(page.getByTestId('file-scelto')).toBeVisible();
  await page.getByTestId('allega-certificato_medico').click();
  await expect(page.getByTestId('allegato-caricato')).toContainText(/certificato-medico-\d+\.pdf · .* · PDF\/A-2b/i);
  await shoot(`${options.prefix}-allegati`);
  await page.getByTestId('avanti').click();

  await expect(title).toHaveText(/Pagamento$/);
  await page.getByText('Ho preso visione del pagamento richiesto').click();
  await expect(page.getByTestId('pagamento-visto')).toBeChecked();
  await shoot(`${options.prefix}-pagamento`);
  await page.getByTestId('avanti').click();

  await expect(title).toHaveText(/Controllo e conferma$/);
  await shoot(`${options.prefix}-riepilogo`);
}

/** "Invia la pratica", the confirmation, the PIN (on the kiosk's pad, or typed at home): the receipt shows. */
export async function signAndSend(page: Page, shoot: (name: string) => Promise<void>, prefix: string, pinEntry: 'pad' | 'tastiera' = 'pad'): Promise<void> {
  await page.getByTestId('invia').click();
  await expect(page.getByTestId('conferma-invio')).toContainText('Sei sicuro di voler inviare la pratica?');
  await shoot(`${prefix}-conferma-invio`);
  await page.getByTestId('conferma-invio-conferma').click();

  await expect(page.getByTestId('titolo-firma')).toHaveText('Firma e invio');
  await shoot(`${prefix}-firma`);
  if (pinEntry === 'pad') await typeOnPinPad(page, CARD.pin);
  else await typePin(page, CARD.pin);

  await expect(page.getByTestId('titolo-ricevuta')).toHaveText('Ricevuta', { timeout: 20_000 });
  await expect(page.getByTestId('ricevuta-esito')).toHaveText('La pratica è stata inviata.');
}
