/**
 * After "Invia", a pagoPA payment: the comune accepts the canteen enrolment asking for the fee
 * (a deferred payment, PraticaManager::finalize: 4000 -> 1500). At the kiosk the citizen's pratica
 * shows, as it arrives, what to pay, how much, by when and the codice avviso to pay with anywhere
 * pagoPA is accepted (no "pay online" on a shared kiosk). Paid on pagoPA's side, the pratica moves
 * on and reads "Pagamento eseguito". The comune keeps final pratiche 30 days on this kiosk.
 */
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { CARD } from '../../support/journey-rig';
import { logIn } from './steps';
import { compileMensa, signAndSend } from './mensa-form';

test.use({ rigOptions: { mode: 'kiosk', retentionDays: 30 } });

test('a deferred payment shown with its codice avviso, then paid', async ({ app: page, rig, shoot }) => {
  rig.portal.setPayment('iscrizione-mensa-scolastica', '16,50');
  await logIn(page, rig);
  await compileMensa(page, rig, shoot, { search: false, prefix: 'pagamento' });
  await signAndSend(page, shoot, 'pagamento');
  const remote = await rig.portal.waitForApplication(CARD.codiceFiscale, 'iscrizione-mensa-scolastica', 30_000);

  await page.getByTestId('menu-pratiche').click();
  await page.getByTestId('elenco-pratiche').getByRole('button', { name: 'Apri' }).click();
  await expect(page.getByTestId('titolo-dettaglio')).toHaveText('Iscrizione al servizio di mensa scolastica');
  await expect(page.getByTestId('pagamento')).toHaveCount(0);

  const office = await rig.portal.office();
  expect((await office.register(remote.id, 'PG/2026/0000950')).status).toBe(204);
  expect((await office.assign(remote.id)).status).toBe(204);
  expect((await office.transition(remote.id, 'accept', { message: 'Iscrizione accolta: resta da pagare la quota.' })).status).toBe(204);

  const pagamento = page.getByTestId('pagamento');
  await expect(pagamento.getByTestId('stato-pagamento')).toHaveText('Da pagare', { timeout: 25_000 });
  await expect(pagamento.getByTestId('importo')).toHaveText(/^16,50\s€$/);
  await expect(pagamento.getByTestId('codice-avviso')).toHaveText(/^\d{4} \d{4} \d{4} \d{4} \d{2}$/);
  await expect(pagamento.getByTestId('paga-online'), 'nessun pagamento online su un chiosco condiviso').toHaveCount(0);
  await shoot('pagamento-da-pagare');
  // The notice to pay with: this kiosk has no printer here, so it is offered as a file (the printed one is the same PDF).
  const [download] = await Promise.all([page.waitForEvent('download'), pagamento.getByTestId('stampa-avviso').click()]);
  expect(download.suggestedFilename()).toMatch(/^avviso-pagamento-[0-9a-f]{8}\.pdf$/);
  const text = execFileSync('pdftotext', ['-layout', (await download.path())!, '-'], { encoding: 'utf8' });
  const code = (await pagamento.getByTestId('codice-avviso').textContent())!;
  expect(text).toContain('Avviso di pagamento pagoPA');
  expect(text).toMatch(/16,50\s€/);
  expect(text.replace(/\s/g, '')).toContain(code.replace(/\s/g, ''));

  expect(await rig.portal.settlePayment(remote.id, 'paid')).toBe(200);
  await expect(pagamento.getByTestId('stato-pagamento')).toHaveText('Pagamento eseguito', { timeout: 25_000 });
  await expect(page.getByTestId('dettaglio-stato')).not.toHaveText('In attesa di pagamento');
  await shoot('pagamento-eseguito');
});
