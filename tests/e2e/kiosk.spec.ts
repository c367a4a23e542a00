/**
 * Kiosk mode: PIN pad and on-screen keyboard for touch, the idle timeout (the
 * configuration's minimum, 40 s) with its visible countdown of at least 20 s (WCAG 2.2.1)
 * and its "Continua", and the session locked until the card is taken out.
 */
import { test, expect } from './fixtures';
import { openApp } from './support/citizen';
import { PIN } from './support/scripted-card';
import { IDLE_WARNING_SECONDS, MIN_IDLE_TIMEOUT_SECONDS } from '../../electron/shared/contract/app';

test.use({ appConfig: { mode: 'kiosk', idleTimeoutSeconds: MIN_IDLE_TIMEOUT_SECONDS } });

/** The seconds the countdown shows now. */
async function secondsShown(countdown: import('@playwright/test').Locator): Promise<number> {
  const match = /terminerà tra (\d+) second/.exec(await countdown.innerText());
  if (!match) throw new Error(`conto alla rovescia illeggibile: ${await countdown.innerText()}`);
  return Number(match[1]);
}
test.afterEach(({ card }) => card.remove());

/** axe and screenshots take seconds on a busy machine and are no citizen activity: a tap afterwards stands for the citizen still there. */
async function tap(page: import('@playwright/test').Page): Promise<void> {
  await page.mouse.click(2, 200);
}

test('PIN pad, on-screen keyboard, idle countdown and logout', async ({ page, app, card, shoot, axe }) => {
  test.setTimeout(120_000);
  await openApp(page, app);
  card.insert();
  await expect(page.getByTestId('tastierino-pin')).toBeVisible();
  const pad = page.getByTestId('tastierino-pin');
  for (const digit of PIN) await pad.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByTestId('pin')).toHaveValue(PIN);
  await axe(page, 'pin (chiosco)');
  await shoot(page, 'chiosco-01-pin');
  await tap(page);
  await pad.getByRole('button', { name: 'OK' }).click();

  await page.getByTestId('accetta-termini').click();
  await tap(page);
  await page.getByTestId('profilo-email').click();
  const keyboard = page.getByTestId('tastiera');
  await expect(keyboard).toBeVisible();
  for (const key of ['m', 'a', 'r', 'i', 'o', '@', 'e', 'x', '.', 'i', 't']) await keyboard.getByRole('button', { name: key, exact: true }).click();
  await expect(page.getByTestId('profilo-email')).toHaveValue('mario@ex.it');
  await keyboard.getByRole('button', { name: 'Cancella', exact: true }).click();
  await expect(page.getByTestId('profilo-email')).toHaveValue('mario@ex.i');
  await page.getByTestId('profilo-email').press('t');
  await expect(page.getByTestId('profilo-email')).toHaveValue('mario@ex.it');
  await axe(page, 'tastiera');
  await shoot(page, 'chiosco-02-tastiera');
  await tap(page);
  await page.getByTestId('salva-profilo').click();
  await expect(page.getByTestId('titolo-stanza')).toBeVisible();

  // No touch for the rest of the test: the countdown shows in the last 30 seconds, then the session ends.
  const countdown = page.getByTestId('conto-alla-rovescia');
  await expect(countdown).toBeVisible({ timeout: (MIN_IDLE_TIMEOUT_SECONDS - IDLE_WARNING_SECONDS + 5) * 1000 });
  const shownAt = Date.now();
  expect(await secondsShown(countdown), 'secondi offerti all’apparire del conto alla rovescia').toBeGreaterThanOrEqual(IDLE_WARNING_SECONDS - 1);
  await expect(page.getByRole('button', { name: 'Continua', exact: true })).toBeFocused();
  await axe(page, 'conto alla rovescia');
  await shoot(page, 'chiosco-03-conto-alla-rovescia');
  await expect(page.getByTestId('sessione-terminata')).toBeVisible({ timeout: (IDLE_WARNING_SECONDS + 10) * 1000 });
  expect(Date.now() - shownAt, 'il cittadino ha avuto almeno 20 s per rispondere').toBeGreaterThanOrEqual(20_000);
  await shoot(page, 'chiosco-04-sessione-terminata');
  expect(await page.content()).not.toContain('ROSSI');

  // The card still in the reader does not reopen the session; taking it out returns to the attract screen.
  card.remove();
  await expect(page.getByTestId('attract-istruzione')).toBeVisible();
});

test('"Continua" during the countdown keeps the session going, with the whole idle time back', async ({ page, app, card }) => {
  test.setTimeout(120_000);
  await openApp(page, app);
  card.insert();
  await page.getByTestId('pin').fill(PIN);
  await page.getByTestId('pin').press('Enter');
  await page.getByTestId('accetta-termini').click();
  const countdown = page.getByTestId('conto-alla-rovescia');
  await expect(countdown).toBeVisible({ timeout: (MIN_IDLE_TIMEOUT_SECONDS - IDLE_WARNING_SECONDS + 5) * 1000 });
  // Answered late, 5 s before the end: the citizen stays.
  await expect.poll(() => secondsShown(countdown), { timeout: (IDLE_WARNING_SECONDS + 5) * 1000 }).toBeLessThanOrEqual(5);
  await page.getByRole('button', { name: 'Continua', exact: true }).click();
  await expect(countdown).toBeHidden();
  await expect(page.getByTestId('titolo-completa-profilo')).toBeVisible();
  // Past the moment the session would have ended, it is still there, and the countdown comes back only after a full idle time.
  const continued = Date.now();
  await expect(countdown).toBeVisible({ timeout: (MIN_IDLE_TIMEOUT_SECONDS - IDLE_WARNING_SECONDS + 5) * 1000 });
  expect(Date.now() - continued, 'tempo di quiete prima del nuovo avviso').toBeGreaterThanOrEqual((MIN_IDLE_TIMEOUT_SECONDS - IDLE_WARNING_SECONDS - 1) * 1000);
  await expect(page.getByTestId('titolo-completa-profilo')).toBeVisible();
  await expect(page.getByTestId('sessione-terminata')).toHaveCount(0);
});
