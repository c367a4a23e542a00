/**
 * The way in with the real chain: pcscd + vpcd + the emulated CNS (its own files, PIN
 * counter and certificate), read by the app's own PC/SC and CNS code. Wrong PIN once
 * shows 2 tries left (the card's counter), the right PIN opens the citizen's area, and
 * taking the card out returns to the attract screen with nothing of the citizen left.
 */
import { test, expect } from './fixtures';
import { startTestHost, type TestHost } from '../support/host';
import { startPcscd, type PcscdHandle } from '../rig/pcscd';
import { acquireSlot, type VpcdSlot } from '../rig/vpcd-slots';
import { startVirtualCns, CNS_DEFAULTS, type VirtualCnsHandle } from '../../native/virtual-card';
import { enterPin } from './support/citizen';
import { virtualCnsCaBundle } from '../support/trust';

let pcscd: PcscdHandle;
let slot: VpcdSlot;
let host: TestHost;
let cns: VirtualCnsHandle | undefined;

test.beforeAll(async () => {
  pcscd = await startPcscd();
  slot = acquireSlot();
  host = await startTestHost({ reader: { nameFilter: slot.readerName }, caBundlePath: virtualCnsCaBundle() });
});
test.afterAll(async () => {
  await cns?.stop();
  await host?.stop();
  slot?.release();
  await pcscd?.stop();
});

test('virtual CNS over pcscd: wrong PIN shows 2 tries left, right PIN opens the area, card out wipes it', async ({ page, axe, shoot }) => {
  test.setTimeout(120_000);
  await page.goto(host.host.url);
  await expect(page.getByTestId('attract-istruzione')).toBeVisible();
  await expect(page.getByTestId('stato-lettore')).toHaveText('Lettore pronto', { timeout: 15_000 });

  cns = await startVirtualCns({ port: slot.port });
  await expect(page.getByText('Carta di MARIO ROSSI.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('tentativi-rimasti')).toHaveText('Ti restano 3 tentativi.');

  await enterPin(page, '99999');
  await expect(page.getByTestId('errore')).toContainText('2 tentativi rimasti');
  await expect(page.getByTestId('tentativi-rimasti')).toHaveText('Ti restano 2 tentativi.');
  expect(cns.state.pinTriesLeft).toBe(2);
  await shoot(page, 'reale-01-pin-errato');

  await enterPin(page, CNS_DEFAULTS.pin);
  await expect(page.getByTestId('titolo-termini')).toBeVisible({ timeout: 15_000 });
  await axe(page, 'termini (carta reale)');
  await page.getByTestId('accetta-termini').click();
  await page.getByTestId('profilo-dopo').click();
  await expect(page.getByTestId('cittadino')).toHaveText('MARIO ROSSI');
  await shoot(page, 'reale-02-stanza');

  await cns.remove();
  await expect(page.getByTestId('attract-istruzione')).toBeVisible({ timeout: 15_000 });
  expect(await page.content()).not.toContain('ROSSI');
});
