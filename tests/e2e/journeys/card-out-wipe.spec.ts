/**
 * Journey 2 (first part): the citizen takes the card out in the middle of a pratica.
 * The kiosk goes straight back to the attract screen and nothing of that citizen is
 * left in the page: not in the DOM, not in web storage, not in Cache Storage, not in
 * the history, not even the language they picked; core forgets their profile too. With the
 * card in again (and the PIN) "Le mie pratiche" shows the draft, kept by core, not by the page.
 *
 * Canaries planted in the page's storage while the citizen is in prove the wipe
 * happens, rather than finding empty storage that nobody ever filled.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { CARD } from '../../support/journey-rig';
import { closeKeyboard, logIn, passOnboarding, typeOnPinPad, insertCardAndWaitForPin } from './steps';

const NOTE = 'Nota privata di Mario: portare il certificato del pediatra';

interface PageTraces {
  text: string;
  html: string;
  local: Record<string, string>;
  session: Record<string, string>;
  caches: string[];
  historyLength: number;
  historyState: unknown;
  href: string;
  lang: string;
}

/** The page's globals this journey reads (tests are type-checked without the DOM library). */
interface WebStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
interface PageGlobals {
  document: { body: { innerText: string }; documentElement: { outerHTML: string; lang: string } };
  localStorage: WebStore;
  sessionStorage: WebStore;
  caches: { keys(): Promise<string[]>; open(name: string): Promise<{ put(url: string, response: Response): Promise<void> }> };
  history: { length: number; state: unknown; replaceState(state: unknown, title: string): void };
  location: { href: string };
}

function traces(page: Page): Promise<PageTraces> {
  return page.evaluate(async () => {
    const { document, localStorage, sessionStorage, caches, history, location } = globalThis as unknown as PageGlobals;
    const dump = (s: WebStore) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)!).map((k) => [k, s.getItem(k) ?? '']));
    return {
      text: document.body.innerText,
      html: document.documentElement.outerHTML,
      local: dump(localStorage),
      session: dump(sessionStorage),
      caches: await caches.keys(),
      historyLength: history.length,
      historyState: history.state as unknown,
      href: location.href,
      lang: document.documentElement.lang,
    };
  });
}

test('card out: attract screen and nothing of the citizen left; card in: the draft is there', async ({ app: page, rig, shoot }) => {
  const before = await traces(page);
  await logIn(page, rig, (name) => shoot(`uscita-${name}`));

  // A draft with a personal note.
  await page.getByTestId('menu-servizi').click();
  await page.getByTestId('servizio-iscrizione-mensa-scolastica').click();
  await page.getByTestId('accedi-servizio').click();
  await expect(page.getByTestId('titolo-passo')).toHaveText(/Istruzioni$/);
  await page.getByTestId('note').fill(NOTE);
  await closeKeyboard(page);
  await page.getByText('Ho letto le istruzioni').click();
  await expect(page.getByTestId('istruzioni-lette')).toBeChecked();
  await expect(page.getByTestId('note')).toHaveValue(NOTE);
  await shoot('uscita-bozza');

  await page.getByTestId('menu-pratiche').click();
  await page.getByTestId('scheda-bozza').click();
  await expect(page.getByTestId('scheda-bozza')).toContainText('Bozze 1');
  await expect(page.getByTestId('elenco-pratiche')).toContainText('Iscrizione al servizio di mensa scolastica');

  // What a page could have kept of this citizen, planted on purpose.
  await page.evaluate(async (fiscalCode) => {
    const { localStorage, sessionStorage, caches, history } = globalThis as unknown as PageGlobals;
    localStorage.setItem('canary', fiscalCode);
    sessionStorage.setItem('canary', fiscalCode);
    const cache = await caches.open('canary');
    await cache.put('/canary', new Response(fiscalCode));
    history.replaceState({ citizen: fiscalCode }, '');
  }, CARD.codiceFiscale);
  await page.getByTestId('lingua').selectOption('en');
  await expect(page.getByTestId('menu-pratiche')).toHaveText('My applications');
  await shoot('uscita-pratiche-prima');
  const during = await traces(page);
  expect(during.text).toContain('ROSSI');
  expect(during.local.canary).toBe(CARD.codiceFiscale);
  expect(during.caches).toContain('canary');

  await rig.removeCard();
  await expect(page.getByTestId('attract-istruzione')).toHaveText('Inserisci la tua tessera sanitaria / CNS nel lettore', { timeout: 2_000 });
  await shoot('uscita-attract');

  await expect.poll(async () => (await traces(page)).caches, { message: 'Cache Storage svuotata' }).toEqual([]);
  const after = await traces(page);
  for (const secret of ['ROSSI', 'MARIO', CARD.codiceFiscale, NOTE, 'mario.rossi@example.it', 'Iscrizione al servizio di mensa scolastica']) {
    expect(after.html, `"${secret}" resta nella pagina`).not.toContain(secret);
  }
  expect(after.local).toEqual({});
  // The page's session key (sportello.token) belongs to the tab, not to the citizen: it is the only key left.
  expect(Object.keys(after.session)).toEqual(Object.keys(before.session).filter((k) => k !== 'canary'));
  expect(Object.keys(after.session)).not.toContain('canary');
  expect(after.historyState).toBeNull();
  expect(after.historyLength).toBe(before.historyLength);
  expect(after.href).toBe(before.href);
  expect(after.lang).toBe('it');
  await expect(page.getByTestId('lingua')).toHaveValue('it');

  // The same citizen again: a new PIN. The kiosk forgot their profile and the terms they
  // accepted (nothing of them stays but drafts): onboarding again, with an empty e-mail field.
  await insertCardAndWaitForPin(page, rig);
  await typeOnPinPad(page, CARD.pin);
  await expect(page.getByTestId('titolo-termini').or(page.getByTestId('titolo-completa-profilo'))).toBeVisible({ timeout: 10_000 });
  if (await page.getByTestId('titolo-termini').isVisible()) await page.getByTestId('accetta-termini').click();
  await expect(page.getByTestId('profilo-email')).toHaveValue('');
  await passOnboarding(page);
  // …and core still has the draft with its note.
  await page.getByTestId('menu-pratiche').click();
  await expect(page.getByTestId('scheda-bozza')).toContainText('Bozze 1');
  await page.getByTestId('scheda-bozza').click();
  await expect(page.getByTestId('elenco-pratiche')).toContainText('Iscrizione al servizio di mensa scolastica');
  await shoot('uscita-pratiche-dopo');
  await page.getByTestId('elenco-pratiche').getByRole('button', { name: 'Riprendi' }).click();
  await expect(page.getByTestId('titolo-passo')).toHaveText(/Istruzioni$/);
  await expect(page.getByTestId('note')).toHaveValue(NOTE);
  await expect(page.getByTestId('istruzioni-lette')).toBeChecked();
});
