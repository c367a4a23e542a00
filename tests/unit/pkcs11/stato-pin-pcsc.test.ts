/**
 * The PC/SC PinStatusReader against a fake PC/SC binding: one VERIFY with no data,
 * on a SHARED connection left as it is (the PKCS#11 module holds the card meanwhile),
 * with STIncard's +0x80 on the PIN reference.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { OpenContext, PcscContextHandle, PcscReaderHandle } from '../../../native/pcsc/pcsc-lib';
import { statoPinPcsc } from '../../../electron/adapters/demo/stato-pin-pcsc';

/** TS-CNS v1.1, STIncard mask (0x09): PIN reference 0x10 + 0x80. */
const ATR_STINCARD = Buffer.from('3BFF1800FF8131FE55006B02091617011101434E531131808D', 'hex');
/** Athena (mask 0x0C): PIN reference 0x10. */
const ATR_ATHENA = Buffer.from('3BDF18008131FE7D006B020C0182011101434E53103180FC', 'hex');
const CIE = Buffer.from('3BF41800FF8131805500318000C7', 'hex');

const SHARED = 2;
const EXCLUSIVE = 1;
const LEAVE = 0;

interface Seen {
  shareModes: number[];
  dispositions: number[];
  apdus: string[];
  closed: number;
}

function fakeReader(name: string, atr: Buffer | null, sw: number[], seen: Seen, options: { connectedElsewhere?: boolean; answerAfterMs?: number; staleEmptyFirst?: boolean } = {}): PcscReaderHandle {
  const reader = Object.assign(new EventEmitter(), {
    name,
    SCARD_STATE_PRESENT: 0x20,
    SCARD_STATE_MUTE: 0x200,
    SCARD_SHARE_EXCLUSIVE: EXCLUSIVE,
    SCARD_SHARE_SHARED: SHARED,
    SCARD_PROTOCOL_T0: 1,
    SCARD_PROTOCOL_T1: 2,
    SCARD_LEAVE_CARD: LEAVE,
    connect(opts: { share_mode: number }, cb: (e: unknown, p?: number) => void) {
      seen.shareModes.push(opts.share_mode);
      setImmediate(() => (options.connectedElsewhere ? cb(undefined, undefined) : cb(undefined, 2)));
    },
    disconnect(disposition: number, cb: (e: unknown) => void) {
      seen.dispositions.push(disposition);
      setImmediate(() => cb(undefined));
    },
    transmit(data: Buffer, _len: number, _p: number, cb: (e: unknown, r: Buffer) => void) {
      seen.apdus.push(data.toString('hex').toUpperCase());
      setTimeout(() => cb(undefined, Buffer.from(sw)), options.answerAfterMs ?? 0);
    },
    close() {
      seen.closed++;
    },
  });
  const on = reader.on.bind(reader);
  reader.on = ((event: string, listener: (...args: unknown[]) => void) => {
    on(event, listener);
    if (event === 'status') {
      if (options.staleEmptyFirst) setImmediate(() => reader.emit('status', { state: 0x10 }));
      setImmediate(() => reader.emit('status', atr ? { state: 0x20, atr } : { state: 0x10 }));
    }
    return reader;
  }) as typeof reader.on;
  return reader as unknown as PcscReaderHandle;
}

function fakeContext(readers: PcscReaderHandle[]): OpenContext {
  return () => {
    const context = Object.assign(new EventEmitter(), { close: () => undefined });
    const on = context.on.bind(context);
    context.on = ((event: string, listener: (...args: unknown[]) => void) => {
      on(event, listener);
      if (event === 'reader') setImmediate(() => readers.forEach((r) => context.emit('reader', r)));
      return context;
    }) as typeof context.on;
    return context as unknown as PcscContextHandle;
  };
}

const fresh = (): Seen => ({ shareModes: [], dispositions: [], apdus: [], closed: 0 });
/** OpenSC pads the slot description with spaces to 32/64 characters. */
const slot = (name: string) => name.padEnd(64, ' ');

describe('statoPinPcsc', () => {
  it('asks the tries left with VERIFY and no data on a shared connection, and leaves the card as it is', async () => {
    const seen = fresh();
    const reader = statoPinPcsc({ openContext: fakeContext([fakeReader('Altro lettore', ATR_STINCARD, [0x90, 0x00], fresh()), fakeReader('Lettore 00 00', ATR_STINCARD, [0x63, 0xc2], seen)]) });
    expect(await reader.userPin(slot('Lettore 00 00'))).toEqual({ triesLeft: 2, blocked: false, verified: false });
    expect(seen.apdus).toEqual(['00200090']);
    expect(seen.shareModes).toEqual([SHARED]);
    expect(seen.dispositions).toEqual([LEAVE]);
  });

  it('uses the plain PIN reference on other masks, and reads 6983 as blocked', async () => {
    const seen = fresh();
    const reader = statoPinPcsc({ openContext: fakeContext([fakeReader('Lettore', ATR_ATHENA, [0x69, 0x83], seen)]) });
    expect(await reader.userPin('Lettore')).toEqual({ triesLeft: 0, blocked: true, verified: false });
    expect(seen.apdus).toEqual(['00200010']);
  });

  it('answers null, sending nothing, when the reader is unknown, empty or holds no CNS', async () => {
    for (const [readers, name] of [
      [[fakeReader('Lettore', ATR_STINCARD, [0x63, 0xc3], fresh())], 'Un altro'],
      [[fakeReader('Lettore', null, [0x63, 0xc3], fresh())], 'Lettore'],
      [[fakeReader('Lettore', CIE, [0x63, 0xc3], fresh())], 'Lettore'],
    ] as const) {
      expect(await statoPinPcsc({ openContext: fakeContext([...readers]), timeoutMs: 200 }).userPin(name)).toBeNull();
    }
    expect(await statoPinPcsc({ openContext: () => { throw new Error('SCardEstablishContext 0x8010001D'); } }).userPin('Lettore')).toBeNull();
  });

  it('waits past a stale "no card" status for the card the module is reading', async () => {
    const seen = fresh();
    const reader = statoPinPcsc({ openContext: fakeContext([fakeReader('Lettore', ATR_STINCARD, [0x63, 0xc1], seen, { staleEmptyFirst: true })]) });
    expect(await reader.userPin('Lettore')).toEqual({ triesLeft: 1, blocked: false, verified: false });
  });

  it('does not touch a card another part of this process is connected to', async () => {
    const seen = fresh();
    const reader = statoPinPcsc({ openContext: fakeContext([fakeReader('Lettore', ATR_STINCARD, [0x63, 0xc3], seen, { connectedElsewhere: true })]) });
    expect(await reader.userPin('Lettore')).toBeNull();
    expect(seen.apdus).toEqual([]);
    expect(seen.dispositions).toEqual([]);
  });

  it('gives up by its deadline when the card does not answer, and still disconnects once it does', async () => {
    const seen = fresh();
    const started = Date.now();
    const reader = statoPinPcsc({ openContext: fakeContext([fakeReader('Lettore', ATR_STINCARD, [0x63, 0xc3], seen, { answerAfterMs: 400 })]), timeoutMs: 150 });
    expect(await reader.userPin('Lettore')).toBeNull();
    expect(Date.now() - started).toBeLessThan(400);
    expect(seen.dispositions).toEqual([]);
    const deadline = Date.now() + 3000;
    while (seen.dispositions.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(seen.dispositions).toEqual([LEAVE]);
    expect(seen.closed).toBe(1);
  });
});
