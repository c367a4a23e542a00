/// <reference lib="dom" />
/**
 * "Attiva la tua carta" at a kiosk: the PIN typed as its two halves (2 digits from the
 * desk's slip, 3 from the message) is verified on the card, a new PIN is offered, and
 * the citizen goes on to the app.
 */
import { test, expect } from './fixtures';
import { openApp } from './support/citizen';
import { PIN } from './support/scripted-card';

test.use({ appConfig: { mode: 'kiosk' } });
test.afterEach(({ card }) => card.remove());

test('2 + 3 digits verify the PIN, a new PIN is chosen (the current one typed again, none kept), then the citizen goes on', async ({ page, app, card, shoot, axe }) => {
  await openApp(page, app);
  card.insert();
  await page.getByTestId('attiva-carta-link').click();
  await expect(page.getByTestId('attiva-carta')).toBeVisible();
  await axe(page, 'attiva-carta');
  await shoot(page, 'attiva-carta');

  await page.getByTestId('attiva-prime').fill(PIN.slice(0, 2));
  await page.getByTestId('attiva-ultime').fill('999');
  await page.getByTestId('attiva-verifica').click();
  await expect(page.getByTestId('errore')).toContainText('PIN errato: 2 tentativi rimasti');

  await page.getByTestId('attiva-prime').fill(PIN.slice(0, 2));
  await page.getByTestId('attiva-ultime').fill(PIN.slice(2));
  await page.getByTestId('attiva-verifica').click();
  await expect(page.getByTestId('attiva-messaggio')).toHaveText('PIN corretto: la carta è attiva.');
  await shoot(page, 'attiva-carta-cambio');
  // Nothing of the verified PIN is kept on the page: the change asks for it again.
  const typed = () => page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).filter((v) => v !== ''));
  expect(await typed()).toEqual([]);
  await page.getByTestId('attiva-attuale').fill(PIN);
  await page.getByTestId('attiva-nuovo').fill('97531');
  await page.getByTestId('attiva-ripeti').fill('97531');
  await page.getByTestId('attiva-cambia').click();
  await expect(page.getByTestId('attiva-messaggio')).toHaveText('PIN cambiato.');
  expect(await typed()).toEqual([]);

  await page.getByTestId('attiva-continua').click();
  await expect(page.getByTestId('accetta-termini').or(page.getByTestId('titolo-stanza'))).toBeVisible();
});
