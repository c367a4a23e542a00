/// <reference lib="dom" />
/**
 * A citizen's way in and out: card in, wrong PIN once (2 tries left), right PIN,
 * terms of use, profile completion, the menu's screens; card out wipes everything.
 * Every screen is checked with axe and kept as a screenshot.
 */
import { test, expect } from './fixtures';
import { enterPin, openApp } from './support/citizen';
import { PIN } from './support/scripted-card';

test.afterEach(({ card }) => card.remove());
// axe on a dozen screens, on a machine shared with other builds.
test.setTimeout(180_000);

test('card in, PIN with tries left, terms, profile, menu screens; card out leaves nothing behind', async ({ page, app, card, shoot, axe }) => {
  await openApp(page, app);
  await expect(page.getByTestId('stato-lettore')).toHaveText('Lettore pronto');
  await axe(page, 'attract');
  await shoot(page, '01-attract');

  card.insert();
  await expect(page.getByTestId('tentativi-rimasti')).toHaveText('Ti restano 3 tentativi.');
  await expect(page.getByText('Carta di MARIO ROSSI.')).toBeVisible();
  await axe(page, 'pin');
  await shoot(page, '02-pin');

  await enterPin(page, '99999');
  await expect(page.getByTestId('errore')).toContainText('PIN errato: 2 tentativi rimasti');
  await expect(page.getByTestId('tentativi-rimasti')).toHaveText('Ti restano 2 tentativi.');
  await shoot(page, '03-pin-errato');

  await enterPin(page, PIN);
  await expect(page.getByTestId('titolo-termini')).toBeVisible();
  await axe(page, 'termini');
  await shoot(page, '04-termini');
  await page.getByTestId('accetta-termini').click();

  await expect(page.getByTestId('titolo-completa-profilo')).toBeVisible();
  await axe(page, 'completa-profilo');
  await shoot(page, '05-completa-profilo');
  await page.getByTestId('profilo-email').fill('mario.rossi@example.org');
  await page.getByTestId('salva-profilo').click();

  await expect(page.getByTestId('titolo-stanza')).toBeVisible();
  await expect(page.getByTestId('cittadino')).toHaveText('MARIO ROSSI');
  await expect(page.getByTestId('servizi-in-evidenza')).toBeVisible();
  await axe(page, 'stanza');
  await shoot(page, '06-la-mia-stanza');

  await page.getByTestId('menu-servizi').click();
  await expect(page.getByTestId('elenco-servizi')).toBeVisible();
  await axe(page, 'servizi');
  await shoot(page, '07-tutti-i-servizi');
  await page.getByTestId('cerca-servizi').fill('mensa');
  await page.getByTestId('cerca-servizi').press('Enter');
  await expect(page.getByTestId('servizio-iscrizione-mensa-scolastica')).toBeVisible();

  await page.getByTestId('menu-pratiche').click();
  await expect(page.getByTestId('scheda-bozza')).toBeVisible();
  await axe(page, 'pratiche');
  await shoot(page, '08-le-mie-pratiche');

  await page.getByTestId('menu-allegati').click();
  await expect(page.getByTestId('nessun-allegato')).toBeVisible();
  await axe(page, 'allegati');
  await shoot(page, '09-i-miei-allegati');

  await page.getByTestId('menu-profilo').click();
  await expect(page.getByTestId('profilo-email')).toHaveValue('mario.rossi@example.org');
  await axe(page, 'profilo');
  await shoot(page, '10-il-mio-profilo');

  await page.getByTestId('menu-pin').click();
  await expect(page.getByTestId('titolo-gestione-pin')).toBeVisible();
  await axe(page, 'gestione-pin');
  await shoot(page, '11-gestione-pin');

  // Traces a page could leave in the browser's storages during a session.
  await page.evaluate(async () => {
    localStorage.setItem('ultimo-servizio', 'RSSMRA80A01H501U');
    sessionStorage.setItem('bozza', 'MARIO ROSSI');
    await (await caches.open('allegati')).put('/allegato', new Response('ROSSI'));
  });

  card.remove();
  await expect(page.getByTestId('attract-istruzione')).toBeVisible();
  const html = await page.content();
  for (const trace of ['MARIO', 'ROSSI', 'RSSMRA80A01H501U', 'mario.rossi@example.org']) expect(html).not.toContain(trace);
  const storage = await page.evaluate(async () => ({
    session: Object.keys(sessionStorage),
    local: localStorage.length,
    caches: await caches.keys(),
    state: history.state as unknown,
  }));
  expect(storage.session.filter((k) => k !== 'sportello.token')).toEqual([]);
  expect(storage.local).toBe(0);
  expect(storage.caches).toEqual([]);
  expect(storage.state).toBeNull();
  expect(page.url()).toBe(new URL(app.host.url).origin + '/');
});
