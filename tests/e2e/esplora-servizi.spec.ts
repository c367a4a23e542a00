/**
 * Before the card: anyone at the kiosk browses and searches the comune's services and reads a
 * service sheet (public data); starting a service asks for the card, and after the PIN the
 * citizen lands on that service. The header (the comune's name), the footer (coat of arms, contacts,
 * privacy, accessibility, legal notes) and the breadcrumb are checked with their roles, with axe,
 * and kept as screenshots at the kiosk's, a desk's and a small screen's sizes.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { enterPin, openApp } from './support/citizen';
import { PIN } from './support/scripted-card';

const MENSA = { slug: 'iscrizione-mensa-scolastica', name: 'Iscrizione al servizio di mensa scolastica' };
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1080, height: 1920 },
  { width: 1024, height: 768 },
];

test.afterEach(({ card }) => card.remove());

async function shootAtSizes(page: Page, shoot: (page: Page, name: string) => Promise<string>, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await shoot(page, `${name}-${size.width}x${size.height}`);
  }
  if (before) await page.setViewportSize(before);
}

async function expectBreadcrumb(page: Page, links: string[], current: string): Promise<void> {
  const percorso = page.getByRole('navigation', { name: 'Percorso di navigazione' });
  await expect(percorso).toBeVisible();
  await expect(percorso.getByRole('link')).toHaveText(links);
  await expect(percorso.getByRole('button')).toHaveCount(0);
  await expect(percorso.locator('[aria-current="page"]')).toHaveText(current);
}

// Long enough that screenshots and axe at three sizes are not taken for a citizen gone away.
test.use({ appConfig: { mode: 'kiosk', idleTimeoutSeconds: 600 } });

test('browse and search, open a sheet, start it: card, PIN, and the citizen lands on that service', async ({ page, app, card, shoot, axe }) => {
  test.setTimeout(180_000);
  await openApp(page, app);
  // The header with the comune's name, and the footer of the Modello Comuni with its coat of arms.
  await expect(page.getByRole('banner').getByTestId('nome-comune')).toHaveText('Comune di Prova');
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('img', { name: 'Stemma del Comune di Prova' })).toBeVisible();
  await expect(footer.getByRole('heading', { name: 'Comune di Prova' })).toBeVisible();
  await expect(footer.getByTestId('piede-indirizzo')).toHaveText('Piazza del Municipio 1, 00000 Prova (PR)');
  for (const link of ['Informativa privacy', 'Dichiarazione di accessibilità', 'Note legali']) await expect(footer.getByRole('link', { name: link })).toBeVisible();
  await footer.getByRole('link', { name: 'Dichiarazione di accessibilità' }).click();
  const nota = page.getByRole('dialog', { name: 'Dichiarazione di accessibilità' });
  await expect(nota).toContainText('form.agid.gov.it');
  await axe(page, 'nota accessibilità');
  await nota.getByRole('button', { name: 'Chiudi' }).click();
  await expect(nota).toBeHidden();
  await axe(page, 'attract con esplora');
  await shootAtSizes(page, shoot, 'esplora-01-attract');

  await page.getByRole('button', { name: 'Esplora i servizi' }).click();
  await expect(page.getByTestId('elenco-servizi')).toBeVisible();
  await expectBreadcrumb(page, ['Home'], 'Servizi');
  await page.getByTestId('cerca-servizi').fill('mensa');
  await page.getByTestId('cerca-servizi').press('Enter');
  await expect(page.getByTestId(`servizio-${MENSA.slug}`)).toBeVisible();
  await axe(page, 'servizi prima della carta');
  await shootAtSizes(page, shoot, 'esplora-02-ricerca');
  // Nothing of a citizen before the card: no menu of a citizen's screens.
  await expect(page.getByTestId('menu-pratiche')).toHaveCount(0);

  await page.getByTestId(`servizio-${MENSA.slug}`).click();
  await expect(page.getByTestId('titolo-scheda')).toHaveText(MENSA.name);
  await expectBreadcrumb(page, ['Home', 'Servizi'], MENSA.name);
  await axe(page, 'scheda prima della carta');
  await shootAtSizes(page, shoot, 'esplora-03-scheda');
  // The breadcrumb's links move in the app: "Servizi" back to the list, and forward again.
  await page.getByRole('navigation', { name: 'Percorso di navigazione' }).getByRole('link', { name: 'Servizi' }).click();
  await expect(page.getByTestId('elenco-servizi')).toBeVisible();
  await page.getByTestId(`servizio-${MENSA.slug}`).click();

  await page.getByTestId('accedi-servizio').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inserisci la carta per iniziare');
  await expect(page.getByTestId('servizio-scelto')).toHaveText(`Servizio scelto: ${MENSA.name}`);
  await axe(page, 'inserisci la carta per iniziare');
  await shootAtSizes(page, shoot, 'esplora-04-inserisci-carta');

  card.insert();
  await expect(page.getByTestId('tentativi-rimasti')).toBeVisible();
  await enterPin(page, PIN);
  await page.getByTestId('accetta-termini').click();
  await page.getByTestId('profilo-dopo').click();
  await expect(page.getByTestId('titolo-scheda')).toHaveText(MENSA.name);
  await expect(page.getByTestId('cittadino')).toHaveText('MARIO ROSSI');
  await expectBreadcrumb(page, ['Home', 'Servizi'], MENSA.name);
  await axe(page, 'scheda dopo il PIN');
  await shootAtSizes(page, shoot, 'esplora-05-scheda-dopo-pin');
  // Home in the breadcrumb is the citizen's room now.
  await page.getByRole('navigation', { name: 'Percorso di navigazione' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByTestId('titolo-stanza')).toBeVisible();
});
