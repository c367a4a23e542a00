/**
 * Every screen a citizen meets at the kiosk up to the pratica's last step, and the desk's login
 * and card panel, at the three sizes (support/schermate.ts: what is checked at each). One session
 * walks the screens and the viewport changes under it: no new session per size. The screens
 * after the signature, on the real card rig: schermate-firma.spec.ts.
 */
import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import { atEverySize } from './support/schermate';
import { enterPin, openApp } from './support/citizen';
import { PIN } from './support/scripted-card';
import { accediOperatore, apriBanco } from './desk-support/desk-rig';

// Long enough that axe and screenshots at three sizes are not taken for a citizen gone away.
test.use({ appConfig: { mode: 'kiosk', idleTimeoutSeconds: 600 } });
test.afterEach(({ card }) => card.remove());

test('kiosk: every citizen screen fits the portrait totem, the kiosk and the laptop', async ({ page, app, card }) => {
  test.setTimeout(110_000);
  const check = (screen: string, primary: Locator) => atEverySize(page, screen, primary);
  await openApp(page, app);
  await check('attract', page.getByTestId('esplora'));

  await page.getByTestId('esplora').click();
  await check('esplora-servizi', page.getByTestId('cerca-servizi'));
  await page.getByTestId('servizio-iscrizione-mensa-scolastica').click();
  await check('scheda-servizio-pubblica', page.getByTestId('accedi-servizio'));
  await page.getByTestId('accedi-servizio').click();

  card.insert();
  await expect(page.getByTestId('tentativi-rimasti')).toBeVisible();
  await check('pin', page.getByTestId('tastierino-pin').getByRole('button', { name: 'OK', exact: true }));
  await enterPin(page, PIN);
  await check('termini', page.getByTestId('accetta-termini'));
  await page.getByTestId('accetta-termini').click();
  await check('completa-profilo', page.getByTestId('salva-profilo'));
  await page.getByTestId('profilo-email').fill('mario.rossi@example.org');
  await page.getByTestId('profilo-telefono').fill('3331234567');
  await page.getByTestId('salva-profilo').click();

  // After the PIN the citizen lands on the service chosen before the card.
  await check('scheda-servizio', page.getByTestId('accedi-servizio'));
  await page.getByTestId('accedi-servizio').click();
  await expect(page.getByTestId('passo-istruzioni')).toBeVisible();
  await check('wizard-istruzioni', page.getByTestId('avanti'));
  await page.getByText('Ho letto le istruzioni').click();
  await page.getByTestId('avanti').click();
  await expect(page.getByTestId('richiedente')).toBeVisible();
  await check('wizard-richiedente', page.getByTestId('avanti'));

  for (const [item, screen, primary] of [
    ['stanza', 'la-mia-stanza', 'menu-servizi'],
    ['servizi', 'tutti-i-servizi', 'cerca-servizi'],
    ['allegati', 'i-miei-allegati', 'menu-allegati'],
    ['profilo', 'il-mio-profilo', 'salva-profilo'],
  ] as const) {
    await page.getByTestId(`menu-${item}`).click();
    await check(screen, page.getByTestId(primary));
  }
  await page.getByTestId('menu-pratiche').click();
  await page.getByTestId('scheda-bozza').click();
  // The draft opened above: "Riprendi" takes the citizen back to its wizard, under its breadcrumb.
  const riprendi = page.getByRole('button', { name: 'Riprendi' }).first();
  await check('le-mie-pratiche', riprendi);
  const percorso = page.getByRole('navigation', { name: 'Percorso di navigazione' });
  await expect(percorso.getByRole('link')).toHaveText(['Home']);
  await expect(percorso.locator('[aria-current="page"]')).toHaveText('Le mie pratiche');
  await riprendi.click();
  await expect(percorso.getByRole('link')).toHaveText(['Home', 'Le mie pratiche']);
  await expect(percorso.locator('[aria-current="page"]')).toHaveText('Iscrizione al servizio di mensa scolastica');
  await check('wizard-ripresa', page.getByTestId('avanti'));
  await page.getByTestId('menu-pin').click();
  // The field the citizen starts from: the pad under it folds at 1280x800, which the PIN pad's own layout deals with.
  await check('gestione-pin', page.getByTestId('pin-0'));

  await page.getByTestId('esci').click();
  await check('sessione-terminata', page.getByTestId('sessione-terminata'));
});

test('desk: the operator login and the card panel fit the three sizes', async ({ page }) => {
  test.setTimeout(110_000);
  const rig = await apriBanco(page);
  try {
    await atEverySize(page, 'desk-accesso', page.getByTestId('desk-accedi'));
    await accediOperatore(page);
    await atEverySize(page, 'desk-carta', page.getByTestId('desk-carta'));
  } finally {
    await rig.stop();
  }
});
