/**
 * Journey 1: a parent at the kiosk enrols a child in the school canteen. Card in, a
 * wrong PIN first (the card says how many tries are left), the right PIN, the terms,
 * the service from "Tutti i servizi", the Form.io form filled by hand, a PDF/A medical
 * certificate attached, signed with the PIN and sent: the receipt shows.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { CARD } from '../../support/journey-rig';
import { writePdfa } from '../../support/journey-pdfa';
import { closeKeyboard, insertCardAndWaitForPin, passOnboarding, typeOnPinPad } from './steps';
import { fillMensaForm } from './mensa-form';

test('Iscrizione mensa scolastica from card to receipt', async ({ app: page, rig, shoot }) => {
  await shoot('mensa-attract');
  await insertCardAndWaitForPin(page, rig);
  await expect(page.getByTestId('tentativi-rimasti')).toHaveText('Ti restano 3 tentativi.');
  await shoot('mensa-pin');

  await typeOnPinPad(page, CARD.wrongPin);
  await expect(page.getByRole('alert')).toContainText('PIN errato: 2 tentativi rimasti');
  expect(rig.card.state.pinTriesLeft).toBe(2);
  await expect(page.getByTestId('tentativi-rimasti')).toHaveText('Ti restano 2 tentativi.');
  await shoot('mensa-pin-errato');

  await typeOnPinPad(page, CARD.pin);
  await passOnboarding(page, (name) => shoot(`mensa-${name}`));
  expect(rig.card.state.pinTriesLeft).toBe(3);
  await shoot('mensa-stanza');

  await page.getByTestId('menu-servizi').click();
  await page.getByTestId('cerca-servizi').fill('mensa');
  await page.getByTestId('cerca-servizi').press('Enter');
  await expect(page.getByTestId('tastiera')).toBeVisible();
  await shoot('mensa-ricerca');
  await closeKeyboard(page);
  await page.getByTestId('servizio-iscrizione-mensa-scolastica').click();
  await expect(page.getByTestId('titolo-scheda')).toHaveText('Iscrizione al servizio di mensa scolastica');
  await shoot('mensa-scheda');
  await page.getByTestId('accedi-servizio').click();

  const title = page.getByTestId('titolo-passo');
  await expect(title).toHaveText(/^Passo 1 di \d+: Istruzioni$/);
  // Bootstrap Italia draws the box on the label: the citizen touches the label.
  await page.getByText('Ho letto le istruzioni').click();
  await expect(page.getByTestId('istruzioni-lette')).toBeChecked();
  await shoot('mensa-istruzioni');
  await page.getByTestId('avanti').click();

  await expect(title).toHaveText(/Richiedente$/);
  await expect(page.getByText(CARD.codiceFiscale)).toBeVisible();
  await shoot('mensa-richiedente');
  await page.getByTestId('avanti').click();

  await expect(title).toHaveText(/Iscrizione alla mensa$/);
  await fillMensaForm(page);
  await shoot('mensa-modulo');
  await page.getByTestId('avanti').click();
  await page.waitForTimeout(1500);
  { const ctx = { transport: 'test', clientId: 'dbg' } as const;
    const l: any = await rig.app.core.dispatch('pratiche.list', {}, ctx);
    const id = l.value.pratiche[0].id;
    const c: any = await rig.app.core.dispatch('pratiche.completeness', { id }, ctx);
    console.log(JSON.stringify(c.value.missing));
    const g: any = await rig.app.core.dispatch('pratiche.get', { id }, ctx);
    console.log(JSON.stringify(g.value.data).slice(0, 1500)); }
  await expect(page.getByTestId('errori-passo')).toHaveCount(0);

  await expect(title).toHaveText(/Allegati$/);
  const pdf = await writePdfa(join(tmpdir(), `certificato-medico-${process.pid}.pdf`), 'Certificato medico');
  await page.getByTestId('file-certificato_medico').setInputFiles(pdf);
  await expect(page.getByTestId('file-scelto')).toBeVisible();
  await page.getByTestId('allega-certificato_medico').click();
  await expect(page.getByTestId('allegato-caricato')).toContainText(/certificato-medico-\d+\.pdf · .* · PDF\/A-2b/i);
  await shoot('mensa-allegati');
  await page.getByTestId('avanti').click();

  await expect(title).toHaveText(/Pagamento$/);
  await page.getByText('Ho preso visione del pagamento richiesto').click();
  await expect(page.getByTestId('pagamento-visto')).toBeChecked();
  await shoot('mensa-pagamento');
  await page.getByTestId('avanti').click();

  await expect(title).toHaveText(/Controllo e conferma$/);
  await shoot('mensa-riepilogo');
  await page.getByTestId('invia').click();
  await expect(page.getByTestId('conferma-invio')).toContainText('Sei sicuro di voler inviare la pratica?');
  await shoot('mensa-conferma-invio');
  await page.getByTestId('conferma-invio-conferma').click();

  await expect(page.getByTestId('titolo-firma')).toHaveText('Firma e invio');
  await shoot('mensa-firma');
  await typeOnPinPad(page, CARD.pin);

  await expect(page.getByTestId('titolo-ricevuta')).toHaveText('Ricevuta', { timeout: 20_000 });
  await expect(page.getByTestId('ricevuta-esito')).toHaveText('La pratica è stata inviata.');
  const receipt = page.getByTestId('ricevuta');
  await expect(receipt).toContainText('Iscrizione al servizio di mensa scolastica');
  await expect(receipt).toContainText(CARD.codiceFiscale);
  await shoot('mensa-ricevuta');
});
