/**
 * "Controllo e conferma" before the PIN: the canteen enrolment's data as the citizen
 * entered them (option labels, dates in words, the child on one line, the attachment with
 * its size), "Modifica" back to the form's step, where the citizen corrects the address;
 * back at the review, the module to sign shows, and it states the address typed, not the
 * card's residence with its cadastral code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import type { JourneyRig } from '../../support/journey-rig';
import { sportelloOf, valueOf } from '../../support/sportello';
import { compileMensa } from './mensa-form';
import { formioForm } from '../support/formio';
import { component, typeIn } from './formio';
import { closeKeyboard, logIn } from './steps';
import { nextStepAccepted } from './wizard';

/**
 * The module the review shows, as text: the page's CSP lets no script read the iframe's blob,
 * so the same call the page made (`pratiche.document`, `anteprima-modulo`) is made on the kiosk's core.
 */
async function moduloMostrato(rig: JourneyRig): Promise<string> {
  const api = sportelloOf(rig.app.core, { transport: 'test', clientId: 'journey' });
  const [bozza] = (await valueOf(api.pratiche.list({ group: 'bozza' }))).pratiche;
  const pdf = await valueOf(api.pratiche.document({ id: bozza!.id, tipo: 'anteprima-modulo' }));
  const file = join(mkdtempSync(join(tmpdir(), 'anteprima-')), pdf.nomeFile);
  writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('the review shows what was typed, Modifica goes back to its step, the module names the typed address', async ({ app: page, rig, shoot }) => {
  await logIn(page, rig);
  await compileMensa(page, rig, shoot, { search: false, prefix: 'controllo' });

  const title = page.getByTestId('titolo-passo');
  const modulo = page.getByTestId(/^riepilogo-modulo:/);
  await expect(modulo.getByRole('heading', { name: 'Iscrizione alla mensa' })).toBeVisible();
  await expect(modulo).toContainText('Anno scolastico');
  await expect(modulo).toContainText('2026/2027');
  await expect(modulo).not.toContainText('2026-2027');
  await expect(modulo.getByTestId('riepilogo-riga')).toHaveCount(1);
  await expect(modulo.getByTestId('riepilogo-riga')).toContainText(/Sofia, Rossi, Femmina, 30 settembre 2018, Prova, RSSSFO18P70H501S, Scuola primaria "Gianni Rodari"/);
  await expect(modulo.getByTestId('riepilogo-riga')).toContainText('Dieta speciale per motivi di salute');
  await expect(modulo).toContainText('No, accetto la tariffa massima');
  await expect(modulo).toContainText(/Ho letto il regolamento del servizio di refezione scolastica e le tariffe\s*Sì/);
  await expect(page.getByTestId('riepilogo-allegati')).toContainText(/certificato-medico-\d+\.pdf \(\d+(,\d)? (KB|byte)\)/);
  await expect(page.getByTestId('riepilogo-richiedente')).toContainText('RSSMRA80A01H501U');
  await shoot('controllo-riepilogo-dati');

  await modulo.getByTestId('riepilogo-modifica').click();
  await expect(title).toHaveText(/Iscrizione alla mensa$/);
  const applicant = component(formioForm(page), 'applicant');
  await expect(component(applicant, 'address').locator('input:visible').first()).toHaveValue('Via Roma');
  await typeIn(applicant, 'address', 'Via Garibaldi');
  await typeIn(applicant, 'house_number', '12');
  await closeKeyboard(page);
  await nextStepAccepted(page, rig);
  await expect(title).toHaveText(/Allegati$/);
  await page.getByTestId('avanti').click();
  await expect(title).toHaveText(/Pagamento$/);
  await page.getByTestId('avanti').click();
  await expect(title).toHaveText(/Controllo e conferma$/);
  await expect(modulo).toContainText('Via Garibaldi');

  await page.getByTestId('vedi-modulo').click();
  await expect(page.getByTestId('anteprima-modulo')).toBeVisible();
  await expect(page.getByTestId('anteprima-modulo')).toHaveAttribute('src', /^blob:/);
  await shoot('controllo-anteprima-modulo');
  const testo = await moduloMostrato(rig);
  expect(testo).toContain('OGGETTO: Iscrizione al servizio di mensa scolastica');
  expect(testo).toContain('residente in Via Garibaldi 12, 00000 Prova (PR)');
  expect(testo).not.toContain('VIA ROMA 1');
  expect(testo).toContain('30 settembre 2018');
  expect(testo).toContain('2026/2027');
});
