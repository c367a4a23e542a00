/**
 * An attachment required in a case the form tells (the canteen's medical certificate, once
 * a child has a diet for health reasons): the service sheet and the Allegati step say so
 * once ("Obbligatorio solo se …", then "Obbligatorio, perché …", never "facoltativo"),
 * Avanti stops without it, core refuses to sign or send, and the rules read as a citizen
 * reads them: formats by name, sizes in bytes below 1 KB, a PDF that is not a PDF/A
 * accepted with a warning that says how to make one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { openApp, signIn } from './support/citizen';
import { PIN } from './support/scripted-card';
import { errorOf, sportelloOf, valueOf } from '../support/sportello';
import { createdPratica } from '../support/created-pratica';
import { pdfCon } from '../support/allegati';

const SERVICE = 'iscrizione-mensa-scolastica';
const sample = JSON.parse(readFileSync(join(__dirname, `../../electron/core/catalogue/demo/samples/${SERVICE}.json`), 'utf8')) as { data: { figli: { dieta: string }[] } };
const CASO = 'chiedi una dieta per motivi di salute';

test.afterEach(({ card }) => card.remove());

test('the medical certificate: optional until a diet for health reasons is asked, then required by the step, the signature and the submission', async ({ page, app, card, axe, shoot }) => {
  test.setTimeout(120_000);
  await openApp(page, app);
  await signIn(page, card);

  // Before any data: the sheet states the case, not "facoltativo".
  await page.getByTestId('menu-servizi').click();
  await page.getByTestId(`servizio-${SERVICE}`).click();
  const documenti = page.getByTestId('scheda-documenti');
  await expect(documenti).toContainText(`Obbligatorio solo se ${CASO}`);
  await expect(documenti).toContainText('Formati ammessi: PDF, JPG, PNG; al massimo 10 MB per file.');
  await expect(documenti).not.toContainText(/facoltativo/i);

  // The form filled as the sample does it (a child with a diet for health reasons), through core's own checks.
  expect(sample.data.figli.map((f) => f.dieta)).toContain('sanitaria');
  const api = sportelloOf(app.core, { transport: 'test', clientId: 'allegati-condizionali' });
  await valueOf(api.pratiche.updateProfile({ email: 'mario.rossi@example.it', phone: '+39 333 7654321', address: 'Via Roma 1, Prova' }));
  const { id } = await createdPratica(api.pratiche.start({ tenant: 'comune-di-prova', service: SERVICE, newDraft: true }));
  await valueOf(api.pratiche.acceptInstructions({ id, accepted: true }));
  await valueOf(api.pratiche.saveStep({ id, stepId: `modulo:${SERVICE}`, values: sample.data }));
  for (let moved = 0; moved < 5; moved++) {
    const next = await valueOf(api.pratiche.next({ id }));
    expect(next.errors).toEqual([]);
    if (next.pratica.currentStepId === 'allegati') break;
  }

  await page.getByTestId('menu-pratiche').click();
  await page.getByTestId('scheda-bozza').click();
  await page.getByTestId('elenco-pratiche').getByRole('button', { name: 'Riprendi' }).click();
  const title = page.getByTestId('titolo-passo');
  await expect(title).toHaveText(/Allegati$/);
  const slot = page.getByTestId('slot-certificato_medico');
  await expect(page.getByTestId('obbligo-certificato_medico')).toHaveText(`Obbligatorio, perché ${CASO}`);
  await expect(slot).not.toContainText(/facoltativo/i);
  await expect(page.getByTestId('regole-certificato_medico')).toHaveText('Formati ammessi: PDF, JPG, PNG; al massimo 10 MB per file.');

  // Without it the step does not go on, and says why.
  await page.getByTestId('avanti').click();
  await expect(page.getByTestId('errori-passo')).toContainText(`Manca l'allegato "Certificato medico per dieta speciale", che serve perché ${CASO}.`);
  await expect(title).toHaveText(/Allegati$/);
  await axe(page, 'allegato obbligatorio per un caso');
  await shoot(page, 'allegati-obbligatorio-perche');
  // Nor can it be signed or sent some other way: core refuses it too.
  expect((await errorOf(api.pratiche.sign({ id, pin: PIN }))).code).toBe('pratica-incompleta');
  const refused = await errorOf(api.pratiche.submit({ id }));
  expect(refused.code).toBe('pratica-incompleta');
  expect(JSON.stringify(refused)).toContain('Certificato medico per dieta speciale');

  // A 4-byte file is shown as what it is.
  await page.getByTestId('file-certificato_medico').setInputFiles({ name: 'vuoto.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF') });
  await expect(page.getByTestId('file-scelto')).toContainText('vuoto.pdf · 4 byte');
  await page.getByTestId('file-scelto').getByRole('button', { name: 'Annulla' }).click();

  // A PDF that is not a PDF/A is accepted, with a warning that says how to make one.
  const pdf = Buffer.from(await pdfCon());
  await page.getByTestId('file-certificato_medico').setInputFiles({ name: 'certificato.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByTestId('allega-certificato_medico').click();
  await expect(page.getByTestId('allegato-caricato')).toContainText(/^certificato\.pdf · (\d+ byte|\d+(,\d)? KB)/);
  const avviso = page.getByTestId('avviso-allegato');
  await expect(avviso).toContainText('"certificato.pdf" non è un PDF/A');
  await expect(avviso).toContainText('"Esporta come PDF"');
  await expect(avviso).toHaveClass(/alert-warning/);
  await axe(page, 'allegato non PDF/A');
  await shoot(page, 'allegati-non-pdfa');

  await page.getByTestId('avanti').click();
  await expect(title).toHaveText(/Pagamento$/);
  expect((await valueOf(api.pratiche.completeness({ id }))).missing.filter((m) => m.stepId === 'allegati')).toEqual([]);
});
