/**
 * The operator's journey for a citizen without a card: log in, set the assisted citizen by
 * codice fiscale and the identity document checked, the citizen accepts the terms, the operator
 * finds a service in the catalogue and opens it, and the wizard's Richiedente is the citizen, not
 * the operator. Ending the assistance takes the citizen's pratiche off the desk. Keyboard only.
 * (Sending, the module and the receipt with the identification, and the portal are checked through
 * the bridge: tests/integration/desk/invio-assistito.test.ts.) axe on each screen.
 */
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { createDeskOperatori, DESK_OPERATORE } from '../../support/desk-issuer';

test.use({ appConfig: { mode: 'desk' } });

const CITTADINO = { codiceFiscale: 'MSRNTN77H15C351X', nome: 'Antonio', cognome: 'Musumeci', documento: 'CA1234567' };

/** The operator sets the assisted citizen by codice fiscale, with the identity document checked. */
async function impostaCittadino(page: Page): Promise<void> {
  await page.getByTestId('desk-assistito-cf').fill(CITTADINO.codiceFiscale);
  await page.keyboard.press('Tab');
  await page.keyboard.type(CITTADINO.nome);
  await page.keyboard.press('Tab');
  await page.keyboard.type(CITTADINO.cognome);
  await page.getByTestId('desk-assistito-doc-tipo').selectOption('carta-identita');
  await page.getByTestId('desk-assistito-doc-numero').fill(CITTADINO.documento);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('desk-assistito')).toContainText(CITTADINO.codiceFiscale);
}

test("l'operatore apre un servizio per il cittadino assistito", async ({ page, app, shoot, axe }) => {
  test.setTimeout(120_000);
  await createDeskOperatori(app.dataDir);
  await page.goto(app.host.url);
  await page.getByTestId('desk-username').fill(DESK_OPERATORE.username);
  await page.getByTestId('desk-password').fill(DESK_OPERATORE.password);
  await page.keyboard.press('Enter');
  await page.getByTestId('scheda-assistito').focus();
  await page.keyboard.press('Enter');

  await impostaCittadino(page);
  await expect(page.getByTestId('desk-assistito')).toContainText(`Identificato con Carta d'identità n. ${CITTADINO.documento}.`);
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
  await expect(page.getByTestId('desk-assistito')).toHaveText('Nessun cittadino assistito. Scegli prima il cittadino assistito');
  await expect(pratiche).toHaveCount(0);
  // The operator is told what to do, never "insert your card", and the link takes them there.
  await expect(page.getByText('Inserisci la tua carta')).toHaveCount(0);
  await axe(page, 'desk-scegli-assistito');
  await shoot(page, 'desk-scegli-assistito');
  await page.getByTestId('desk-scegli-assistito').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('desk-assistito-cf')).toBeFocused();
});

