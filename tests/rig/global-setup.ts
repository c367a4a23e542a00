/**
 * vitest global setup: one pcscd for the whole run, started only if none runs and then
 * stopped at the end, whichever pid it has by then (see startPcscdForRun).
 */
import { startPcscdForRun, pcscdAvailable } from './pcscd';

let run: { stop(): Promise<void> } | undefined;

export async function setup(): Promise<void> {
  if (!pcscdAvailable()) {
    console.warn('\n*** pcscd / vsmartcard-vpcd NOT INSTALLED: card tests will FAIL. Run .ci/run or apt-get install pcscd vsmartcard-vpcd ***\n');
    return;
  }
  run = await startPcscdForRun();
}

export async function teardown(): Promise<void> {
  await run?.stop();
}
