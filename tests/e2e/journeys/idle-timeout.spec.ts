/**
 * Journey 5: a citizen walks away from the kiosk. After the configured idle time a
 * countdown shows, a touch gives the time back, and when the countdown runs out the
 * session ends: nothing of the citizen stays on screen, and taking the card out brings
 * the attract screen back for the next person.
 */
import { test, expect } from './fixtures';
import { logIn } from './steps';
import { IDLE_WARNING_SECONDS, MIN_IDLE_TIMEOUT_SECONDS } from '../../../electron/shared/contract/app';

// 40 s is the shortest idle time the configuration accepts; the countdown shows for the last 30.
test.use({ rigOptions: { mode: 'kiosk', idleTimeoutSeconds: MIN_IDLE_TIMEOUT_SECONDS } });
const QUIET_MS = (MIN_IDLE_TIMEOUT_SECONDS - IDLE_WARNING_SECONDS + 5) * 1000;
const COUNTDOWN_MS = (IDLE_WARNING_SECONDS + 10) * 1000;

test('idle timeout in kiosk mode: countdown, then the session ends', async ({ app: page, rig, shoot }) => {
  test.setTimeout(150_000);
  await shoot('idle-attract');
  await logIn(page, rig);
  await shoot('idle-stanza');

  const countdown = page.getByTestId('conto-alla-rovescia');
  await expect(countdown).toBeVisible({ timeout: QUIET_MS });
  await expect(page.getByRole('alertdialog', { name: 'Sei ancora lì?' })).toBeVisible();
  await expect(countdown).toHaveText(/^Per inattività la sessione terminerà tra \d+ second[oi]\.$/);
  await shoot('idle-conto-alla-rovescia');

  // A touch keeps the session: the countdown goes away and the citizen is still in.
  await page.getByRole('button', { name: 'Continua' }).click();
  await expect(countdown).toBeHidden();
  await expect(page.getByTestId('titolo-stanza')).toBeVisible();

  // Left alone again, the countdown comes back and runs out.
  await expect(countdown).toBeVisible({ timeout: QUIET_MS });
  await expect(page.getByTestId('sessione-terminata')).toBeVisible({ timeout: COUNTDOWN_MS });
  await expect(countdown).toBeHidden();
  await shoot('idle-sessione-terminata');
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('ROSSI');
  expect(text).not.toContain('La mia stanza');
  await expect(page.getByTestId('cittadino')).toHaveCount(0);

  // The next person finds the attract screen once the card is out.
  await rig.removeCard();
  await expect(page.getByTestId('attract-istruzione')).toHaveText('Inserisci la tua tessera sanitaria / CNS nel lettore');
  await shoot('idle-attract-dopo');
});
