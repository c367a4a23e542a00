/**
 * A kiosk left while someone browses the services before the card: the idle timeout
 * (the configuration's minimum, 40 s) shows its countdown and then returns to the attract screen.
 */
import { test, expect } from './fixtures';
import { openApp } from './support/citizen';
import { IDLE_WARNING_SECONDS, MIN_IDLE_TIMEOUT_SECONDS } from '../../electron/shared/contract/app';

const MENSA = { slug: 'iscrizione-mensa-scolastica', name: 'Iscrizione al servizio di mensa scolastica' };

test.use({ appConfig: { mode: 'kiosk', idleTimeoutSeconds: MIN_IDLE_TIMEOUT_SECONDS } });

test('the idle timeout brings the attract screen back', async ({ page, app }) => {
  test.setTimeout(120_000);
  await openApp(page, app);
  await page.getByRole('button', { name: 'Esplora i servizi' }).click();
  await page.getByTestId(`servizio-${MENSA.slug}`).click();
  await expect(page.getByTestId('titolo-scheda')).toHaveText(MENSA.name);
  const countdown = page.getByTestId('conto-alla-rovescia');
  await expect(countdown).toBeVisible({ timeout: (MIN_IDLE_TIMEOUT_SECONDS - IDLE_WARNING_SECONDS + 5) * 1000 });
  await expect(page.getByTestId('attract-istruzione')).toBeVisible({ timeout: (IDLE_WARNING_SECONDS + 10) * 1000 });
  await expect(page.getByTestId('titolo-scheda')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Esplora i servizi' })).toBeVisible();
});
