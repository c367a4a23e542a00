/** Italian by default, English selectable, on the attract screen and inside a session. */
import { test, expect } from './fixtures';
import { openApp } from './support/citizen';

test.afterEach(({ card }) => card.remove());

test('the language switch turns every text to English and back', async ({ page, app, card, shoot, axe }) => {
  await openApp(page, app);
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await page.getByTestId('lingua').selectOption('en');
  await expect(page.getByTestId('attract-istruzione')).toHaveText('Insert your health card / CNS into the reader');
  await expect(page.getByTestId('stato-lettore')).toHaveText('Reader ready');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await axe(page, 'attract (en)');
  await shoot(page, 'lingua-01-attract-en');

  card.insert();
  await expect(page.getByTestId('tentativi-rimasti')).toHaveText('3 tries left.');
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible();
  await page.getByTestId('lingua').selectOption('it');
  await expect(page.getByRole('heading', { name: 'Inserisci il PIN' })).toBeVisible();
});
