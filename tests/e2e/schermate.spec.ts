/**
 * Every screen a citizen meets at the kiosk, and the desk's, at the three sizes Sportello is
 * designed for: a 1080x1920 portrait totem, a 1280x800 kiosk, a 1024x768 laptop. At each size:
 * no sideways scroll, the screen's primary action on screen without scrolling, the header
 * within its height, axe clean; and a screenshot, tests/artifacts/screens/<screen>-<w>x<h>.png.
 * One session walks the screens and the viewport changes under it: no new session per size.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { enterPin, openApp } from './support/citizen';
import { PIN } from './support/scripted-card';
import { OPERATORE, startDeskRig } from './desk-support/desk-rig';

/**
 * maxHeader: the slim bar and the compact centre together. About 120 px on the landscape screens,
 * more would push the primary action off a 768 px one; the totem's larger type has 1920 px for it.
 */
const SIZES = [
  { width: 1080, height: 1920, maxHeader: 180 },
  { width: 1280, height: 800, maxHeader: 120 },
  { width: 1024, height: 768, maxHeader: 120 },
] as const;

type Shoot = (page: Page, name: string) => Promise<string>;
type Axe = (page: Page, screen: string) => Promise<void>;

/** The checks and the screenshot of one screen, at each size, the page at its top as the citizen finds it. */
async function atEverySize(page: Page, shoot: Shoot, axe: Axe, screen: string, primary: Locator): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.evaluate(() => window.scrollTo(0, 0));
    const where = `${screen} a ${size.width}x${size.height}`;
    await expect(primary, `azione principale di ${where}`).toBeVisible();
    const scroll = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      // What sticks out, named in the message: the element to fix.
      oltre: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(-3)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
    }));
    expect(scroll.width, `scorrimento orizzontale in ${where} (${scroll.oltre.join(', ')})`).toBeLessThanOrEqual(scroll.viewport);
    const header = await page.getByRole('banner').first().boundingBox();
    expect(header?.height ?? Infinity, `altezza dell'intestazione in ${where}`).toBeLessThanOrEqual(size.maxHeader);
    const box = await primary.boundingBox();
    expect(box, `azione principale di ${where}`).not.toBeNull();
    if (box) {
      expect(box.x, `azione principale di ${where}: a sinistra dello schermo`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `azione principale di ${where}: a destra dello schermo`).toBeLessThanOrEqual(size.width);
      expect(box.y + box.height, `azione principale di ${where}: sotto lo schermo`).toBeLessThanOrEqual(size.height);
    }
    await axe(page, where);
    await shoot(page, `${screen}-${size.width}x${size.height}`);
  }
}

// Long enough that axe and screenshots at three sizes are not taken for a citizen gone away.
test.use({ appConfig: { mode: 'kiosk', idleTimeoutSeconds: 600 } });
test.afterEach(({ card }) => card.remove());

test('kiosk: every citizen screen fits the portrait totem, the kiosk and the laptop', async ({ page, app, card, shoot, axe }) => {
  test.setTimeout(110_000);
  const check = (screen: string, primary: Locator) => atEverySize(page, shoot, axe, screen, primary);
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

test('desk: the operator login and the card panel fit the three sizes', async ({ page, shoot, axe }) => {
  test.setTimeout(110_000);
  const rig = await startDeskRig();
  try {
    const desk = await rig.startHost('desk');
    await page.goto(desk.host.url);
    await atEverySize(page, shoot, axe, 'desk-accesso', page.getByTestId('desk-accedi'));
    await page.getByTestId('desk-username').fill(OPERATORE.username);
    await page.getByTestId('desk-password').fill(OPERATORE.password);
    await page.getByTestId('desk-accedi').click();
    await expect(page.getByTestId('desk-carta')).toBeVisible({ timeout: 15_000 });
    await atEverySize(page, shoot, axe, 'desk-carta', page.getByTestId('desk-carta'));
  } finally {
    await rig.stop();
  }
});
