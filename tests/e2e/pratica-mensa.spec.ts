/**
 * The whole journey of a pratica: card in, wrong PIN once, right PIN, terms ->
 * Iscrizione mensa scolastica -> fill the Form.io form -> attach a PDF/A -> sign with
 * the PIN -> submit -> receipt; then Le mie pratiche and Dettaglio pratica. Each screen
 * is checked with axe and kept as a screenshot.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { TestHost } from '../support/host';
import { startTestHost } from '../support/host';
import { startPcscd } from '../rig/pcscd';
import { acquireSlot } from '../rig/vpcd-slots';
import { startVirtualCns, type VirtualCnsHandle } from '../../native/virtual-card';
import { acceptTermsAndGiveContatti, enterPin, openApp } from './support/citizen';
import { choose, field, formioForm, typeDate } from './support/formio';
import { PIN } from './support/scripted-card';
import { creaAllegatoDemo } from '../../electron/adapters/demo/allegato-demo';
import { virtualCnsCaBundle } from '../support/trust';

test.afterEach(({ card }) => card.remove());

type Shoot = (page: Page, name: string) => Promise<string>;
type Axe = (page: Page, screen: string) => Promise<void>;

/** Card in, wrong PIN once, right PIN, terms, profile, the service sheet, and the wizard up to its filled Form.io step. */
async function toFilledForm(page: Page, app: TestHost, insertCard: () => unknown, shoot: Shoot, axe: Axe): Promise<void> {
  await openApp(page, app);
  await insertCard();
  await enterPin(page, '99999');
  await expect(page.getByTestId('tentativi-rimasti')).toHaveText('Ti restano 2 tentativi.');
  await enterPin(page, PIN);
  await acceptTermsAndGiveContatti(page);

  await page.getByTestId('menu-servizi').click();
  await page.getByTestId('servizio-iscrizione-mensa-scolastica').click();
  await expect(page.getByTestId('scheda-costi')).toContainText('Fascia A');
  await expect(page.getByTestId('scheda-tempi')).toContainText('Entro 30 giorni');
  await axe(page, 'scheda servizio');
  await shoot(page, '12-scheda-servizio');
  await page.getByTestId('accedi-servizio').click();

  await expect(page.getByTestId('passo-istruzioni')).toBeVisible();
  await expect(page.getByTestId('passo-corrente')).toContainText('Istruzioni');
  await axe(page, 'wizard istruzioni');
  await shoot(page, '13-wizard-istruzioni');
  await page.getByText('Ho letto le istruzioni').click();
  await expect(page.getByTestId('istruzioni-lette')).toBeChecked();
  await page.getByTestId('avanti').click();

  await expect(page.getByTestId('richiedente')).toContainText('RSSMRA80A01H501U');
  await expect(page.getByTestId('passo-fatto')).toHaveCount(1);
  await shoot(page, '14-wizard-richiedente');
  await page.getByTestId('avanti').click();

  await expect(field(page, 'name')).toHaveValue('MARIO', { timeout: 30_000 });
  await choose(page, 'gender', null);
  await field(page, 'place_of_birth').fill('Roma');
  await field(page, 'address').fill('Via Roma');
  await field(page, 'house_number').fill('1');
  await field(page, 'municipality').fill('Prova');
  await field(page, 'county').fill('RM');
  await field(page, 'postal_code').fill('00100');
  await field(page, 'email_address').fill('mario.rossi@example.org');
  await page.getByRole('button', { name: 'Aggiungi' }).click();
  await field(page, 'name', 1).fill('LUCA');
  await field(page, 'surname', 1).fill('ROSSI');
  await choose(page, 'gender', null, 1);
  await typeDate(page, 'natoAIl', '01/09/2016', 1);
  await field(page, 'place_of_birth', 1).fill('Roma');
  await field(page, 'fiscal_code', 1).fill('RSSLCU16P01H501Z');
  await choose(page, 'figli][0][scuola', null);
  await choose(page, 'figli][0][classe', null);
  await page.locator('[data-testid=modulo-formio] [name^="data[figli][0][dieta]"]').first().check();
  await formioForm(page).getByRole('button', { name: 'Salva', exact: true }).click();
  await expect(formioForm(page)).toContainText('LUCA');
  await page.getByText('No, accetto la tariffa massima').click();
  await page.getByText('Ho letto il regolamento').click();
  await page.getByText('Dichiaro, ai sensi degli articoli 46 e 47').click();
  await axe(page, 'wizard modulo');
  await shoot(page, '15-wizard-modulo');
}

test('Iscrizione mensa scolastica: service sheet, wizard steps, Form.io form filled, Stato della compilazione', async ({ page, app, card, shoot, axe }) => {
  test.setTimeout(300_000);
  await toFilledForm(page, app, () => card.insert(), shoot, axe);
  await expect(formioForm(page)).toContainText('LUCA');
  await page.getByTestId('vai-stato').click();
  await expect(page.getByTestId('titolo-stato-compilazione')).toBeVisible();
  await expect(page.getByTestId('mancanze')).toContainText('Pagamento');
  await axe(page, 'stato compilazione (incompleta)');
  await shoot(page, '19-stato-compilazione-incompleta');
  await page.getByTestId('indietro-schermata').click();
  // Back in the wizard, on the same step, with the data kept by core.
  await expect(field(page, 'presa_visione_regolamento')).toBeChecked({ timeout: 30_000 });
  await expect(field(page, 'dichiarazione_veridicita')).toBeChecked();
});

/*
 * Signing needs the card's key: this journey runs on the real chain, pcscd + vpcd + the
 * emulated CNS, read by the app's own PC/SC, CNS and signing code.
 */
test('Iscrizione mensa scolastica from the card to the receipt (virtual CNS over pcscd)', async ({ page, shoot, axe }) => {
  test.setTimeout(300_000);
  const pcscd = await startPcscd();
  const slot = acquireSlot();
  const app = await startTestHost({ reader: { nameFilter: slot.readerName }, caBundlePath: virtualCnsCaBundle() });
  let cns: VirtualCnsHandle | undefined;
  try {
    await journey(page, app, async () => (cns = await startVirtualCns({ port: slot.port })), shoot, axe);
  } finally {
    await cns?.stop();
    await app.stop();
    slot.release();
    await pcscd.stop();
  }
});

async function journey(page: Page, app: TestHost, insertCard: () => unknown, shoot: Shoot, axe: Axe): Promise<void> {
  await toFilledForm(page, app, insertCard, shoot, axe);
  await page.getByTestId('avanti').click();

  await expect(page.getByTestId('titolo-passo')).toContainText('Allegati', { timeout: 15_000 });
  const pdfa = await creaAllegatoDemo('Certificato medico', ['Dieta senza glutine per LUCA ROSSI.'], new Date('2026-09-01T10:00:00Z'));
  await page.getByTestId('file-certificato_medico').setInputFiles({ name: 'certificato-medico.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdfa) });
  await expect(page.getByTestId('anteprima-pdf')).toBeVisible();
  await shoot(page, '16-wizard-allegato-anteprima');
  await page.getByTestId('allega-certificato_medico').click();
  await expect(page.getByTestId('allegato-caricato')).toContainText('certificato-medico.pdf');
  await axe(page, 'wizard allegati');
  await shoot(page, '17-wizard-allegati');
  await page.getByTestId('avanti').click();

  await expect(page.getByTestId('passo-pagamento')).toBeVisible();
  await page.getByText('Ho preso visione del pagamento richiesto').click();
  await expect(page.getByTestId('pagamento-visto')).toBeChecked();
  await shoot(page, '18-wizard-pagamento');
  await page.getByTestId('avanti').click();

  await expect(page.getByTestId('passo-riepilogo')).toBeVisible();
  await page.getByTestId('vai-stato').click();
  await expect(page.getByTestId('compilazione-completa')).toBeVisible();
  await axe(page, 'stato compilazione');
  await shoot(page, '19-stato-compilazione');
  await page.getByTestId('indietro-schermata').click();

  await page.getByTestId('invia').click();
  await expect(page.getByTestId('conferma-invio')).toContainText('Sei sicuro di voler inviare la pratica?');
  await axe(page, 'conferma invio');
  await shoot(page, '20-conferma-invio');
  await page.getByTestId('conferma-invio-conferma').click();

  await expect(page.getByTestId('titolo-firma')).toBeVisible();
  await axe(page, 'firma');
  await shoot(page, '21-firma');
  await enterPin(page, PIN, 'pin-firma');
  await expect(page.getByTestId('ricevuta-esito')).toHaveText('La pratica è stata inviata.', { timeout: 15_000 });
  await expect(page.getByTestId('ricevuta')).toContainText('Iscrizione al servizio di mensa scolastica');
  await axe(page, 'ricevuta');
  await shoot(page, '22-ricevuta');
  // The browser host has no printer: the receipt PDF is offered to save.
  const download = page.waitForEvent('download');
  await page.getByTestId('stampa-ricevuta').click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

  await page.getByTestId('menu-pratiche').click();
  await expect(page.getByTestId('scheda-inviate')).toContainText('1');
  await expect(page.getByTestId('elenco-pratiche')).toContainText('Iscrizione al servizio di mensa scolastica');
  await shoot(page, '23-le-mie-pratiche');
  await page.getByRole('button', { name: 'Apri' }).click();
  await expect(page.getByTestId('iter')).toBeVisible();
  await axe(page, 'dettaglio pratica');
  await shoot(page, '24-dettaglio-pratica');
  const signed = page.waitForEvent('download');
  await page.getByTestId('scarica-modulo-firmato').click();
  expect((await signed).suggestedFilename()).toMatch(/\.p7m$/);

  await page.getByTestId('menu-allegati').click();
  await expect(page.getByTestId('libreria-allegati')).toContainText('certificato-medico.pdf');
}
