/**
 * `npm run bench:card`: card identification over pcscd + vpcd + the virtual CNS.
 *
 * Prints the APDU count of an identification, its time as a ratio to (APDU count x
 * the single-APDU round trip measured in the same run; target <= 1.2), and its time
 * as a ratio to OpenSC's `pkcs15-tool` reading the same certificate from the same
 * card in the same run (target < 1). Exit code 1 when a target is missed.
 */
import { execFile } from 'node:child_process';
import { ReaderMonitor } from '../../native/pcsc/monitor';
import { identify } from '../../native/cns/identify';
import { trustOnly } from '../support/trust';
import { fromHex } from '../../native/apdu/command';
import type { CardTransport } from '../../native/apdu/transport';
import { startVirtualCns } from '../../native/virtual-card';
import { startPcscd } from '../rig/pcscd';
import { acquireSlot } from '../rig/vpcd-slots';

const RUNS = 10;
const RTT_SAMPLES = 40;

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command} ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout),
    ),
  );
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function until(predicate: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function main(): Promise<number> {
  await startPcscd();
  const slot = acquireSlot();
  const monitor = new ReaderMonitor({ nameFilter: slot.readerName });
  monitor.start();
  const card = await startVirtualCns({ port: slot.port, inserted: false });
  try {
    await until(() => monitor.list().some((r) => r.name === slot.readerName), 'reader');
    const insertedAt = performance.now();
    await card.insert();
    await until(() => monitor.list().some((r) => r.name === slot.readerName && r.atr !== null), 'card');
    const detectMs = performance.now() - insertedAt;
    const transport = monitor.card(slot.readerName);
    const trust = trustOnly(card.caCertificatePem);

    // Single-APDU round trip, inside one transaction (the way identification sends them).
    const select = fromHex('00A4080C0410001003');
    const rtts: number[] = [];
    await transport.transaction(async (t) => {
      for (let i = 0; i < RTT_SAMPLES; i++) {
        const start = performance.now();
        await t.transmit(select);
        rtts.push(performance.now() - start);
      }
    });
    const rtt = median(rtts);

    // Identification, from "card is there" to a cross-checked identity, transaction included.
    let apdus = 0;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let count = 0;
      const start = performance.now();
      await transport.transaction((t) => {
        const counting: CardTransport = { atr: t.atr, transmit: (c) => (count++, t.transmit(c)) };
        return identify(counting, { now: new Date(), trust });
      });
      times.push(performance.now() - start);
      apdus = count;
    }
    const identifyMs = median(times);
    const ratioRtt = identifyMs / (apdus * rtt);

    // OpenSC reading the same certificate from the same card.
    const readers = await run('opensc-tool', ['--list-readers']);
    const line = readers.split('\n').find((l) => l.includes(slot.readerName));
    const readerIndex = line ? /^\s*(\d+)/.exec(line)?.[1] : undefined;
    if (readerIndex === undefined) throw new Error(`opensc-tool does not list ${slot.readerName}`);
    const listed = await run('pkcs15-tool', ['--reader', readerIndex, '--list-certificates']);
    const certId = /ID\s*:\s*([0-9a-fA-F]+)/.exec(listed)?.[1];
    if (!certId) throw new Error(`pkcs15-tool lists no certificate:\n${listed}`);
    const openscTimes: number[] = [];
    for (let i = 0; i < Math.min(RUNS, 5); i++) {
      const start = performance.now();
      const pem = await run('pkcs15-tool', ['--reader', readerIndex, '--read-certificate', certId]);
      openscTimes.push(performance.now() - start);
      if (!pem.includes('BEGIN CERTIFICATE')) throw new Error('pkcs15-tool did not print the certificate');
    }
    const openscMs = median(openscTimes);
    const ratioOpensc = identifyMs / openscMs;

    const figures = {
      'rilevamento carta (insert -> evento), ms': Math.round(detectMs),
      'APDU per identificazione': apdus,
      'round trip singolo APDU (mediana), ms': +rtt.toFixed(1),
      [`identificazione (mediana di ${RUNS}), ms`]: +identifyMs.toFixed(1),
      'rapporto identificazione / (APDU x round trip) [obiettivo <= 1.2]': +ratioRtt.toFixed(3),
      'pkcs15-tool --read-certificate (mediana), ms': +openscMs.toFixed(1),
      'rapporto identificazione / pkcs15-tool [obiettivo < 1]': +ratioOpensc.toFixed(3),
    };
    console.log(JSON.stringify(figures, null, 2));
    const ok = ratioRtt <= 1.2 && ratioOpensc < 1;
    console.log(ok ? 'obiettivi raggiunti' : 'OBIETTIVO MANCATO');
    return ok ? 0 : 1;
  } finally {
    await card.stop();
    monitor.stop();
    slot.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
