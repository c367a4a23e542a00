/**
 * Playwright global setup: the end-to-end rig needs the PC/SC daemon with our virtual
 * readers, and each test a reader nobody else drives. It refuses to start, loudly, when
 * a pcscd of another configuration runs (startPcscd says which pid) or when another live
 * process holds virtual readers (another test run on this machine: its cards and OpenSC
 * scans would take ours). The returned function is Playwright's global teardown: it stops
 * the daemon this run started.
 */
import { pcscdAvailable, startPcscdForRun } from './pcscd';
import { heldSlots } from './vpcd-slots';

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!pcscdAvailable()) {
    throw new Error('*** pcscd / vsmartcard-vpcd NOT INSTALLED: the end-to-end tests cannot run. Run .ci/run or apt-get install pcscd vsmartcard-vpcd ***');
  }
  const held = heldSlots().filter((s) => s.owner !== process.pid);
  if (held.length > 0) {
    const owners = [...new Set(held.map((s) => s.owner))].join(', ');
    throw new Error(`*** lettori virtuali in uso da un altro processo (pid ${owners}): un'altra esecuzione dei test è in corso; attendi che finisca ***`);
  }
  const run = await startPcscdForRun();
  return () => run.stop();
}
