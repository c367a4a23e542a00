/**
 * vitest global setup: one pcscd for the whole run (started only if none runs,
 * stopped only if we started it).
 */
import { startPcscd, pcscdAvailable, type PcscdHandle } from './pcscd';
import { slotsHeldByOthers } from './vpcd-slots';

let handle: PcscdHandle | undefined;

export async function setup(): Promise<void> {
  if (!pcscdAvailable()) {
    console.warn('\n*** pcscd / vsmartcard-vpcd NOT INSTALLED: card tests will FAIL. Run .ci/run or apt-get install pcscd vsmartcard-vpcd ***\n');
    return;
  }
  handle = await startPcscd();
}

export async function teardown(): Promise<void> {
  // Leave the daemon to another test run that is still using one of its readers.
  if (slotsHeldByOthers()) return;
  await handle?.stop();
}
