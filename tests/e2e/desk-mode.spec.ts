/** In desk mode the app opens on the operators' login, not on the citizen's attract screen. */
import { test, expect } from './fixtures';
import { expectVisibleEdge } from './support/visibility';

test.use({ appConfig: { mode: 'desk' } });

test('desk mode shows the operator login and refuses unknown credentials', async ({ page, app, shoot, axe }) => {
  await page.goto(app.host.url);
  await expect(page.getByTestId('desk-username')).toBeVisible();
  await expect(page.getByTestId('attract-istruzione')).toHaveCount(0);
  await axe(page, 'desk-login');
  await shoot(page, 'desk-login');
  await page.getByTestId('desk-username').fill('nessuno');
  await page.getByTestId('desk-password').fill('password-sbagliata-1');
  await page.getByTestId('desk-accedi').click();
  await expect(page.getByRole('alert')).toBeVisible();
  await shoot(page, 'desk-login-errato');
});

test('the empty login fields show their edge', async ({ page, app }) => {
  await page.goto(app.host.url);
  await expect(page.getByTestId('desk-username')).toBeVisible();
  await expectVisibleEdge(page.getByTestId('desk-username'), 'utente');
  await expectVisibleEdge(page.getByTestId('desk-password'), 'password');
});
