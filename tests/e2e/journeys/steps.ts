/**
 * Steps every journey shares, done the way a citizen does them: insert the card, type
 * the PIN on the kiosk's pad (or the keyboard at home), accept the terms, skip or fill
 * the profile. Each asserts what the citizen must see before moving on.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { CARD, type JourneyRig } from '../../support/journey-rig';

const CARD_BUSY = "La carta è in uso da un'altra applicazione";

/**
 * Types digits on the on-screen PIN pad (kiosk) and confirms with OK.
 *
 * The test machine's pcscd is shared with other test runs whose OpenSC scans every
 * reader, ours included; while it holds the card the app refuses the PIN with "carta in
 * uso" before sending it (no try spent). The citizen's answer is to try again, so the
 * journey does the same, a few times; any other outcome is left to the caller to check.
 */
export async function typeOnPinPad(page: Page, digits: string): Promise<void> {
  const pad = page.getByTestId('tastierino-pin');
  const ok = pad.getByRole('button', { name: 'OK', exact: true });
  for (let attempt = 1; ; attempt++) {
    for (const digit of digits) await pad.getByRole('button', { name: digit, exact: true }).click();
    await ok.click();
    // The pad is disabled while the card works, and goes away when the PIN opens the next screen.
    const deadline = Date.now() + 20_000;
    while (await stillChecking(pad, ok)) {
      if (Date.now() > deadline) throw new Error('il PIN è ancora in verifica dopo 20 s');
      await page.waitForTimeout(100);
    }
    const refused = (await pad.isVisible()) && (await page.getByRole('alert').filter({ hasText: CARD_BUSY }).count()) > 0;
    if (!refused) return;
    if (attempt === 4) throw new Error(`PIN rifiutato ${attempt} volte: ${CARD_BUSY}`);
    await page.waitForTimeout(500 * attempt);
  }
}

/** The pad is shown with OK disabled. It can go away between two looks (the PIN opened the next screen): that is not "still checking". */
async function stillChecking(pad: Locator, ok: Locator): Promise<boolean> {
  if (!(await pad.isVisible())) return false;
  try {
    return !(await ok.isEnabled({ timeout: 1_000 }));
  } catch {
    return pad.isVisible();
  }
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
