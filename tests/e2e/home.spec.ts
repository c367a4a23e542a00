import { existsSync, statSync } from 'node:fs';
import { test, expect } from './fixtures';

test('the browser host serves the app and the home screen asks for the card', async ({ page, app, shoot }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  await page.goto(app.host.url);
  await expect(page.getByTestId('attract-istruzione')).toHaveText('Inserisci la tua tessera sanitaria / CNS nel lettore');
  await expect(page.getByTestId('nome-comune')).toHaveText('Comune di Prova');
  // The status bar is fed by contract events over the authenticated WebSocket.
  await expect(page.getByTestId('stato-portale')).toHaveText(/Collegato al Comune|Comune non raggiungibile|Modalità dimostrativa/);
  // Nothing waiting to be sent: no count, and no jargon, in the bar.
  await expect(page.getByTestId('stato-coda')).toHaveCount(0);
  await expect(page.locator('footer.status-bar')).not.toContainText('in coda');
  // The token left the address bar as soon as the page read it.
  expect(page.url()).not.toContain('token=');

  const path = await shoot(page, 'home');
  expect(existsSync(path) && statSync(path).size > 10_000).toBe(true);
  expect(errors).toEqual([]);
});

test('without the launch token the page cannot reach the app', async ({ page, app }) => {
  await page.goto(app.host.origin + '/');
  await expect(page.getByRole('contentinfo')).toContainText("Collegamento con l'applicazione interrotto");
  await expect(page.getByTestId('attract-istruzione')).toHaveCount(0);
});
