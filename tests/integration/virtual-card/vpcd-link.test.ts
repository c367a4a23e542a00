/**
 * The framework against the real pcscd + vpcd: a card connected by VpcdLink shows
 * up in the slot's reader with its ATR, answers APDUs, and its removal is seen.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VpcdSlot } from '../../rig/vpcd-slots';
import { EmulatedCard } from '../../../native/virtual-card/card';
import { FileSystem, df, ef } from '../../../native/virtual-card/file-system';
import { VpcdLink } from '../../../native/virtual-card/vpcd-link';
import { fromHex } from '../../../native/virtual-card/apdu';
import { eventually, runTool, waitForSlot } from './tools';

const ATR = '3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 16 17 01 11 01 43 4E 53 11 31 80 8D';

function simpleCard(): EmulatedCard {
  const fs = new FileSystem(df(0x3f00, [df(0x1000, [ef(0x1003, new TextEncoder().encode('1234567890123456'))])]));
  return new EmulatedCard({
    atr: fromHex(ATR),
    handlers: new Map([
      [0xa4, (apdu) => fs.select(apdu)],
      [0xb0, (apdu) => fs.readBinary(apdu)],
    ]),
    clearVolatileState: () => fs.reset(),
  });
}

async function readerHasCard(readerName: string): Promise<boolean> {
  const out = await runTool('opensc-tool', ['--reader', readerName, '--atr']);
  return out.code === 0 && out.stdout.toLowerCase().includes(ATR.replace(/ /g, ':').toLowerCase());
}

describe('VpcdLink with the shared pcscd', () => {
  let slot: VpcdSlot;
  let link: VpcdLink | undefined;

  beforeEach(async () => {
    slot = await waitForSlot();
  });
  afterEach(async () => {
    await link?.remove();
    // A failed beforeEach leaves the previous (released) slot: releasing twice is harmless.
    slot?.release();
  });

  it('inserts a card the reader lists, with its ATR, and sees it removed', async () => {
    link = new VpcdLink(simpleCard(), { port: slot.port });
    await link.insert();

    const readers = await runTool('opensc-tool', ['--list-readers']);
    expect(readers.stdout).toContain(slot.readerName);
    await eventually(() => readerHasCard(slot.readerName), `ATR on ${slot.readerName}`);

    const apdu = await runTool('opensc-tool', ['--reader', slot.readerName, '--send-apdu', '00:A4:08:0C:04:10:00:10:03', '--send-apdu', '00:B0:00:00:00']);
    expect(apdu.stdout).toContain('SW1=0x90, SW2=0x00');
    // The serial comes back as data followed by 62 82: end of file before Le=256.
    expect(apdu.stdout).toMatch(/SW1=0x62, SW2=0x82\):\s+31 32 33 34 35 36 37 38 39 30 31 32 33 34 35 36/);

    await link.remove();
    await eventually(async () => !(await readerHasCard(slot.readerName)), `card removed from ${slot.readerName}`);
    const scan = await runTool('opensc-tool', ['--reader', slot.readerName, '--atr']);
    expect(scan.code).not.toBe(0);
  });

  it('keeps going when vpcd is not there yet and reports a clear error on timeout', async () => {
    // Port of a reader entry that does not exist in the rig's config: nothing listens.
    link = new VpcdLink(simpleCard(), { port: 1, connectTimeoutMs: 300, retryIntervalMs: 50 });
    await expect(link.insert()).rejects.toThrow(/no vpcd listening on 127\.0\.0\.1:1/);
    expect(link.inserted).toBe(false);
  });

  it('puts the card in its own reader only: another slot stays empty', async () => {
    const other = await waitForSlot();
    try {
      link = new VpcdLink(simpleCard(), { port: slot.port });
      await link.insert();
      await eventually(() => readerHasCard(slot.readerName), `ATR on ${slot.readerName}`);
      const elsewhere = await runTool('opensc-tool', ['--reader', other.readerName, '--atr']);
      expect(elsewhere.code).not.toBe(0);
    } finally {
      other.release();
    }
  });
});
