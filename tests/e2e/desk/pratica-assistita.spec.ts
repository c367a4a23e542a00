/**
 * The operator's journey for a citizen without a card: log in, set the assisted citizen by
 * codice fiscale, the citizen accepts the terms, the operator finds a service in the catalogue
 * and opens it, and the wizard's Richiedente is the citizen, not the operator. Ending the
 * assistance takes the citizen's pratiche off the desk. Keyboard only; axe on each screen.
 * (Sending and the portal are checked through the bridge: tests/integration/desk/invio-assistito.test.ts.)
 */
import { test, expect } from '../fixtures';
import { createDeskOperatori, DESK_OPERATORE } from '../../support/desk-issuer';

test.use({ appConfig: { mode: 'desk' } });

const CITTADINO = { codiceFiscale: 'MSRNTN77H15C351X', nome: 'Antonio', cognome: 'Musumeci' };

test("l'operatore apre un servizio per il cittadino assistito", async ({ page, app, shoot, axe }) => {
  test.setTimeout(120_000);
  await createDeskOperatori(app.dataDir);
  await page.goto(app.host.url);
  await page.getByTestId('desk-username').fill(DESK_OPERATORE.username);
  await page.getByTestId('desk-password').fill(DESK_OPERATORE.password);
  await page.keyboard.press('Enter');
  await page.getByTestId('scheda-assistito').focus();
  await page.keyboard.press('Enter');

  await page.getByTestId('desk-assistito-cf').fill(CITTADINO.codiceFiscale);
  await page.keyboard.press('Tab');
  await page.keyboard.type(CITTADINO.nome);
  await page.keyboard.press('Tab');
  await page.keyboard.type(CITTADINO.cognome);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('desk-assistito')).toContainText(CITTADINO.codiceFiscale);
  const pratiche = page.getByTestId('pratiche-assistite');
  await expect(pratiche).toContainText(`Pratiche per ${CITTADINO.nome} ${CITTADINO.cognome}`);

  await page.getByTestId('accetta-termini').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('profilo-email').fill('antonio.musumeci@example.org');
  await page.getByTestId('salva-profilo').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('banco-menu-servizi')).toHaveAttribute('aria-current', 'page');
  await axe(page, 'desk-pratiche-assistite-servizi');
  await shoot(page, 'desk-pratiche-assistite-servizi');

  await page.getByTestId('servizio-certificato-nascita').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('accedi-servizio').focus();
  await page.keyboard.press('Enter');
  await page.getByText('Ho letto le istruzioni').click();
  await page.getByTestId('avanti').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('richiedente')).toContainText(CITTADINO.codiceFiscale);
  await expect(page.getByTestId('richiedente')).not.toContainText(DESK_OPERATORE.nome);
  await axe(page, 'desk-pratica-assistita-richiedente');
  await shoot(page, 'desk-pratica-assistita-richiedente');

  await page.getByTestId('desk-assistito-annulla').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('desk-assistito')).toHaveText('Nessun cittadino selezionato.');
  await expect(pratiche).toHaveCount(0);
});
