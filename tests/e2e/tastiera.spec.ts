/**
 * The kiosk's on-screen keyboard keeps what is typed in sight (issue 16, item 3): the focused
 * field above the keyboard's top at 1280x800 and on the 1080x1920 totem, keys a finger hits
 * (at least 60 px), Invio to the next field and, from the last one, the screen's primary
 * action, digits alone for numeric fields, never under the status bar; and each wizard step
 * opens at its heading (item 4).
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openApp, enterPin, signIn } from './support/citizen';
import { PIN } from './support/scripted-card';
import { field, formioForm } from './support/formio';

test.use({ appConfig: { mode: 'kiosk' } });
test.afterEach(({ card }) => card.remove());

const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '1080x1920', width: 1080, height: 1920 },
];

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('elemento non visibile');
  return b;
}

/** The focused field ends above the keyboard's top, and starts inside the window. */
async function expectAboveKeyboard(page: Page, input: Locator): Promise<void> {
  await expect(input).toBeFocused();
  const keyboard = await box(page.getByTestId('tastiera'));
  const f = await box(input);
  expect(f.y, 'il campo comincia dentro la finestra').toBeGreaterThanOrEqual(0);
  expect(f.y + f.height, 'il campo finisce sopra la tastiera').toBeLessThanOrEqual(keyboard.y);
}

async function expectKeysLarge(page: Page): Promise<void> {
  const keys = page.getByTestId('tastiera').getByRole('button');
  const sizes = await keys.evaluateAll((all) => all.map((k) => ({ name: k.getAttribute('aria-label'), ...k.getBoundingClientRect().toJSON() as DOMRect })));
  expect(sizes.length).toBeGreaterThan(0);
  for (const k of sizes) {
    expect(k.height, `altezza del tasto ${k.name}`).toBeGreaterThanOrEqual(60);
    expect(k.width, `larghezza del tasto ${k.name}`).toBeGreaterThanOrEqual(60);
  }
}

/** What a finger touching the middle of the key meets is the key itself: nothing (the status bar) lies over the keyboard. */
async function expectKeyboardOnTop(page: Page): Promise<void> {
  const covered = await page.getByTestId('tastiera').getByRole('button').evaluateAll((all) =>
    all.filter((k) => {
      const r = k.getBoundingClientRect();
      return !k.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
    }).map((k) => k.getAttribute('aria-label')),
  );
  expect(covered, 'tasti coperti da altro').toEqual([]);
  const keyboard = await box(page.getByTestId('tastiera'));
  expect(keyboard.y + keyboard.height).toBeLessThanOrEqual(page.viewportSize()!.height + 1);
}

async function toProfile(page: Page, app: Parameters<typeof openApp>[1], card: { insert(): void }): Promise<void> {
  await openApp(page, app);
  card.insert();
  await enterPin(page, PIN);
  await page.getByTestId('accetta-termini').click();
  await expect(page.getByTestId('titolo-completa-profilo')).toBeVisible();
}

for (const size of SIZES) {
  test(`keyboard at ${size.name}: field above it, large keys, Invio, digits for the phone`, async ({ page, app, card, shoot, axe }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await toProfile(page, app, card);
    const keyboard = page.getByTestId('tastiera');
    const email = page.getByTestId('profilo-email');
    await email.click();
    await expect(keyboard).toHaveAttribute('data-layout', 'lettere');
    await expectAboveKeyboard(page, email);
    await expectKeysLarge(page);
    await expectKeyboardOnTop(page);
    for (const key of ['m', 'a', '@', 'e', 'x', '.', 'i', 't']) await keyboard.getByRole('button', { name: key, exact: true }).click();
    await expect(email).toHaveValue('ma@ex.it');
    await axe(page, `tastiera lettere ${size.name}`);
    await shoot(page, `tastiera-lettere-${size.name}`);

    await keyboard.getByRole('button', { name: 'Invio', exact: true }).click();
    const phone = page.getByTestId('profilo-telefono');
    await expect(phone).toBeFocused();
    await expect(keyboard).toHaveAttribute('data-layout', 'numeri');
    await expect(keyboard.getByRole('button', { name: 'q', exact: true })).toHaveCount(0);
    await expectAboveKeyboard(page, phone);
    await expectKeysLarge(page);
    await expectKeyboardOnTop(page);
    for (const key of '+393331234567') await keyboard.getByRole('button', { name: key, exact: true }).click();
    await expect(phone).toHaveValue('+393331234567');
    await axe(page, `tastiera numeri ${size.name}`);
    await shoot(page, `tastiera-numeri-${size.name}`);

    await keyboard.getByRole('button', { name: 'Invio', exact: true }).click();
    const address = page.getByTestId('profilo-indirizzo');
    await expectAboveKeyboard(page, address);
    // From the last field Invio is "Salva e continua".
    await keyboard.getByRole('button', { name: 'Invio', exact: true }).click();
    await expect(page.getByTestId('titolo-stanza')).toBeVisible();
    await expect(keyboard).toBeHidden();
  });
}

for (const size of SIZES) {
  test(`each wizard step opens at its heading; a CAP gets the digits (${size.name})`, async ({ page, app, card, shoot }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    await openApp(page, app);
    await signIn(page, card);
    for (const tap of ['menu-servizi', 'servizio-iscrizione-mensa-scolastica', 'accedi-servizio']) await page.getByTestId(tap).click();
    await page.getByText('Ho letto le istruzioni').click();
    // The citizen scrolled down to Avanti: the next step opens at its top, its heading focused.
    await page.getByTestId('avanti').scrollIntoViewIfNeeded();
    await page.getByTestId('avanti').click();
    await expect(page.getByTestId('richiedente')).toBeVisible();
    await expect(page.getByTestId('titolo-passo')).toBeFocused();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.getByTestId('avanti').click();

    const cap = field(page, 'postal_code');
    await expect(cap).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('titolo-passo')).toBeFocused();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await cap.click();
    await expect(page.getByTestId('tastiera')).toHaveAttribute('data-layout', 'numeri');
    await expectAboveKeyboard(page, cap);
    await shoot(page, `tastiera-cap-${size.name}`);

    // From the form's last field, Invio is Avanti: the step is checked and what is missing is listed.
    const last = formioForm(page).locator(':is(input[type=text], input[type=email], textarea)[name^="data["]:visible:enabled').last();
    await last.click();
    await expectAboveKeyboard(page, last);
    await page.getByTestId('tastiera').getByRole('button', { name: 'Invio', exact: true }).click();
    await expect(page.getByTestId('errori-passo')).toBeVisible();
    await expect(page.getByTestId('tastiera')).toBeHidden();
  });
}

test('at 1280x800 the PIN pad and "Conferma PIN" are on screen without scrolling', async ({ page, app, card, shoot, axe }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, app);
  card.insert();
  const pad = page.getByTestId('tastierino-pin');
  await expect(pad).toBeVisible();
  await expect(page.getByTestId('tentativi-rimasti')).toBeVisible();
  for (const target of [pad.getByRole('button', { name: 'OK', exact: true }), pad.getByRole('button', { name: '0', exact: true }), page.getByTestId('conferma-pin'), page.getByTestId('pin')]) {
    const b = await box(target);
    expect(b.y, 'dentro la finestra').toBeGreaterThanOrEqual(0);
    expect(b.y + b.height, 'sopra il bordo inferiore della finestra').toBeLessThanOrEqual(800);
  }
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await axe(page, 'pin 1280x800');
  await shoot(page, 'tastierino-pin-1280x800');
});
