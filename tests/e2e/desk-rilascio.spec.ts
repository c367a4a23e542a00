/**
 * The release of PIN and PUK as an operator does it in the browser, then the activation at
 * home, on real pcscd + vpcd + a virtual CNS, the reference portal's issuer and an SMTP
 * capture: login -> the card with its PIN state -> identity document and email -> release
 * -> the 2 + 2 digits hidden until "Mostra"; the email carries 3 + 6; at home, 2 + 3 opens
 * the card. Each screen is photographed and checked with axe.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { CARTA, OPERATORE, startDeskRig, type DeskRig } from './desk-support/desk-rig';

const EMAIL = 'mario.rossi@example.it';
let rig: DeskRig;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  rig = await startDeskRig();
});
test.afterAll(async () => {
  await rig?.stop();
});

test('desk release shows 2 + 2 digits, emails 3 + 6, and 2 + 3 activates the card at home', async ({ page, shoot, axe }) => {
  test.setTimeout(80_000);
  const desk = await rig.startHost('desk');

  await page.goto(desk.host.url);
  await expect(page.getByTestId('desk-username')).toBeVisible();
  await axe(page, 'desk-accesso-operatore');
  await shoot(page, 'desk-accesso-operatore');
  await page.getByTestId('desk-username').fill(OPERATORE.username);
  await page.getByTestId('desk-password').fill(OPERATORE.password);
  await page.getByTestId('desk-accedi').click();
  await expect(page.getByTestId('desk-operatore')).toContainText(OPERATORE.nome);

  await expect(page.getByTestId('desk-carta')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('desk-carta-cf')).toHaveText(CARTA.codiceFiscale);
  await expect(page.getByTestId('desk-carta-seriale')).toHaveText(CARTA.seriale);
  await expect(page.getByTestId('desk-carta-pin')).toHaveText('3 tentativi rimasti');
  // The card's expiry in words, never the ISO figures the card stores.
  await expect(page.getByTestId('desk-carta-scadenza')).toHaveText(/^(\d{1,2} [a-z]+ \d{4}|non indicato dalla carta)$/);
  await axe(page, 'desk-carta');
  await shoot(page, 'desk-carta');
  // The day's report, before any release: the register intact, saved as CSV; back to the card, read again.
  await page.getByTestId('scheda-report').click();
  await page.getByTestId('desk-report-genera').click();
  await expect(page.getByTestId('desk-report')).toContainText('Registro integro.');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scarica CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^rilasci-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(readFileSync((await csv.path())!, 'utf8')).toMatch(/^voce;data_ora;operatore;codice_fiscale;/);
  await page.getByTestId('scheda-rilascio').click();
  await expect(page.getByTestId('desk-carta-cf')).toHaveText(CARTA.codiceFiscale, { timeout: 15_000 });

  await page.getByTestId('desk-doc-tipo').selectOption('carta-identita');
  await page.getByTestId('desk-doc-numero').fill('CA1234567');
  await page.getByTestId('desk-doc-ente').fill('Comune di Prova');
  // Typed the Italian way whatever the browser's locale (its own date input may say mm/dd/yyyy).
  await expect(page.getByTestId('desk-doc-scadenza')).toHaveAttribute('placeholder', 'gg/mm/aaaa');
  await expect(page.getByTestId('desk-doc-scadenza')).not.toHaveAttribute('type', 'date');
  await page.getByTestId('desk-doc-scadenza').fill('01/05/2031');
  await page.getByTestId('desk-canale-email').check();
  await page.getByTestId('desk-destinazione').fill(EMAIL);
  await axe(page, 'desk-rilascio');
  await shoot(page, 'desk-rilascio');
  await page.getByTestId('desk-rilascia').click();

  await expect(page.getByTestId('desk-esito')).toBeVisible({ timeout: 15_000 });
  // Nobody behind the citizen reads the digits until the operator asks for them.
  await expect(page.getByTestId('desk-cifre-pin')).toHaveText('••');
  await expect(page.getByTestId('desk-cifre-puk')).toHaveText('••');
  await expect(page.getByTestId('desk-esito')).toContainText('m***@example.it');
  await axe(page, 'desk-esito-nascosto');
  await shoot(page, 'desk-esito-nascosto');
  await page.getByTestId('desk-mostra').click();
  await expect(page.getByTestId('desk-cifre-pin')).toHaveText(/^\d{2}$/);
  await expect(page.getByTestId('desk-cifre-puk')).toHaveText(/^\d{2}$/);
  const pinPrime = (await page.getByTestId('desk-cifre-pin').textContent()) ?? '';
  const pukPrime = (await page.getByTestId('desk-cifre-puk').textContent()) ?? '';
  await axe(page, 'desk-esito-cifre');
  await shoot(page, 'desk-esito-cifre');
  // The browser host has no printer: "Stampa" offers the slip to save, as "Salva" does.
  for (const pulsante of ['desk-stampa', 'desk-salva']) {
    const [foglio] = await Promise.all([page.waitForEvent('download'), page.getByTestId(pulsante).click()]);
    expect(foglio.suggestedFilename()).toMatch(/^consegna-pin-.+\.pdf$/);
    expect(readFileSync((await foglio.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }
  await expect(page.getByText('Foglio inviato alla stampante.')).toHaveCount(0);

  const mail = await rig.smtp.waitFor(EMAIL);
  const pinUltime = /Ultime 3 cifre del PIN: (\d{3})/.exec(mail.raw)?.[1] ?? '';
  const pukUltime = /Ultime 6 cifre del PUK: (\d{6})/.exec(mail.raw)?.[1] ?? '';
  expect(pinUltime).toHaveLength(3);
  expect(pukUltime).toHaveLength(6);
  expect(pinPrime + pinUltime).toBe(CARTA.pin);
  expect(pukPrime + pukUltime).toBe(CARTA.puk);

  await desk.stop();

  // The same card, later, at home on the same reader.
  const home = await rig.startHost('home');
  await page.goto(home.host.url);
  await expect(page.getByTestId('attiva-carta-link')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('attiva-carta-link').click();
  await expect(page.getByTestId('attiva-carta')).toBeVisible();
  await page.getByTestId('attiva-prime').fill(pinPrime);
  await page.getByTestId('attiva-ultime').fill(pinUltime);
  await axe(page, 'desk-attiva-carta');
  await shoot(page, 'desk-attiva-carta');
  await page.getByTestId('attiva-verifica').click();
  await expect(page.getByTestId('attiva-messaggio')).toHaveText('PIN corretto: la carta è attiva.', { timeout: 15_000 });
  expect(rig.card.state.pinTriesLeft).toBe(3);
  await shoot(page, 'desk-attiva-carta-corretto');
});
