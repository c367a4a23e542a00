/**
 * Steps every journey shares, done the way a citizen does them: insert the card, type
 * the PIN on the kiosk's pad (or the keyboard at home), accept the terms, skip or fill
 * the profile. Each asserts what the citizen must see before moving on.
 */
import { expect, type Page } from '@playwright/test';
import { CARD, type JourneyRig } from '../../support/journey-rig';

const CARD_BUSY = "La carta è in uso da un'altra applicazione";

/**
 * Types digits on the on-screen PIN pad (kiosk) and confirms with OK; resolves once the
 * card has answered (the pad is no longer busy, or has gone with the next screen).
 *
 * While another program holds the card (OpenSC of another process scanning the readers)
 * the app refuses the PIN with "carta in uso" before sending it (no try spent). The
 * citizen's answer is to try again, so the journey does the same, a few times; any other
 * outcome is left to the caller to check.
 */
export async function typeOnPinPad(page: Page, digits: string): Promise<void> {
  const pad = page.getByTestId('tastierino-pin');
  const busy = page.locator('[data-testid=tastierino-pin][aria-busy=true]');
  const refused = page.getByRole('alert').filter({ hasText: CARD_BUSY });
  await expect(async () => {
    for (const digit of digits) await pad.getByRole('button', { name: digit, exact: true }).click();
    await pad.getByRole('button', { name: 'OK', exact: true }).click();
    // PinPad sets aria-busy in the same event as the tap, and clears it when the card has answered.
    await expect(busy).toHaveCount(0, { timeout: 20_000 });
    expect(await refused.count(), `PIN rifiutato: ${CARD_BUSY}`).toBe(0);
  }).toPass({ intervals: [500, 1_000, 1_500], timeout: 60_000 });
}

/** At home the PIN is typed on the computer's keyboard, in the one PIN field on screen, and confirmed. */
export async function typePin(page: Page, digits: string): Promise<void> {
  await page.getByRole('textbox', { name: /PIN/ }).fill(digits);
  await page.getByRole('button', { name: /^Conferma PIN$|^Firma e invia$|^Conferma$/ }).click();
}

export async function insertCardAndWaitForPin(page: Page, rig: JourneyRig): Promise<void> {
  await rig.insertCard();
  await expect(page.getByRole('heading', { name: 'Inserisci il PIN' })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText('Carta di MARIO ROSSI.')).toBeVisible();
}

/** The right PIN, then the terms (first visit) and the profile (skipped): the citizen lands in La mia stanza. */
export async function logIn(page: Page, rig: JourneyRig, shoot?: (name: string) => Promise<void>): Promise<void> {
  await insertCardAndWaitForPin(page, rig);
  await typeOnPinPad(page, CARD.pin);
  await passOnboarding(page, shoot);
}

export async function passOnboarding(page: Page, shoot?: (name: string) => Promise<void>): Promise<void> {
  const terms = page.getByTestId('titolo-termini');
  const profile = page.getByTestId('titolo-completa-profilo');
  const stanza = page.getByTestId('titolo-stanza');
  await expect(terms.or(profile).or(stanza)).toBeVisible({ timeout: 10_000 });
  if (await terms.isVisible()) {
    await shoot?.('termini');
    await page.getByTestId('accetta-termini').click();
  }
  await expect(profile.or(stanza)).toBeVisible();
  if (await profile.isVisible()) {
    await shoot?.('completa-profilo');
    await page.getByTestId('profilo-email').fill('mario.rossi@example.it');
    await page.getByTestId('salva-profilo').click();
  }
  await expect(stanza).toBeVisible();
  await expect(page.getByTestId('cittadino')).toHaveText('MARIO ROSSI');
}

/** The kiosk's on-screen keyboard opens under a focused field; the citizen closes it before touching the page. */
export async function closeKeyboard(page: Page): Promise<void> {
  const keyboard = page.getByTestId('tastiera');
  if (!(await keyboard.isVisible())) return;
  // It may close by itself between the look and the touch (a field that loses focus): only a keyboard still open is an error.
  await keyboard
    .getByRole('button', { name: 'Chiudi tastiera' })
    .click({ timeout: 2_000 })
    .catch(async (error: unknown) => {
      if (await keyboard.isVisible()) throw error;
    });
  await expect(keyboard).toBeHidden();
}

/**
 * Types `text` key by key on the kiosk's on-screen keyboard into the focused field, as the
 * citizen does: Maiuscole for capitals (it stays on until touched again), Spazio for spaces.
 */
export async function typeOnKeyboard(page: Page, text: string): Promise<void> {
  const keyboard = page.getByTestId('tastiera');
  await expect(keyboard).toBeVisible();
  let upper = false;
  for (const char of text) {
    const letter = char.toLowerCase() !== char.toUpperCase();
    if (letter && (char === char.toUpperCase()) !== upper) {
      await keyboard.getByRole('button', { name: 'Maiuscole', exact: true }).click();
      upper = !upper;
    }
    await keyboard.getByRole('button', { name: char === ' ' ? 'Spazio' : char, exact: true }).click();
  }
  if (upper) await keyboard.getByRole('button', { name: 'Maiuscole', exact: true }).click();
}
