/**
 * The process-wide PC/SC context (native/pcsc/shared-context.ts) over a stand-in of the
 * binding's objects: the binding itself is exercised on the real pcscd by the monitor's
 * integration tests; here what matters is what the views do and that nothing closes the
 * native objects (their close() can block the process: see the module's comment).
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { sharedContexts } from '../../../native/pcsc/shared-context';
import type { PcscContextHandle, PcscReaderHandle } from '../../../native/pcsc/pcsc-lib';

class NativeReader extends EventEmitter {
  closed = 0;
  readonly SCARD_STATE_PRESENT = 0x20;
  readonly SCARD_STATE_MUTE = 0x200;
  readonly SCARD_SHARE_EXCLUSIVE = 1;
  readonly SCARD_SHARE_SHARED = 2;
  readonly SCARD_PROTOCOL_T0 = 1;
  readonly SCARD_PROTOCOL_T1 = 2;
  readonly SCARD_LEAVE_CARD = 0;
  constructor(readonly name: string) {
    super();
  }
  connect(_o: unknown, cb: (e: unknown, p: number) => void) {
    cb(null, 2);
  }
  disconnect(_d: number, cb: (e: unknown) => void) {
    cb(null);
  }
  transmit(_d: Buffer, _l: number, _p: number, cb: (e: unknown, r: Buffer) => void) {
    cb(null, Buffer.from([0x90, 0]));
  }
  close() {
    this.closed++;
  }
}

class NativeContext extends EventEmitter {
  closed = 0;
  close() {
    this.closed++;
  }
}

const tick = () => new Promise((r) => setImmediate(r));

function setup() {
  const natives: NativeContext[] = [];
  const open = sharedContexts(() => {
    const c = new NativeContext();
    natives.push(c);
    return c as unknown as PcscContextHandle;
  });
  return { natives, open };
}

function watch(context: PcscContextHandle) {
  const seen: string[] = [];
  const readers: PcscReaderHandle[] = [];
  context.on('reader', (r) => {
    readers.push(r);
    seen.push(`reader ${r.name}`);
    r.on('status', (s) => seen.push(`status ${r.name} ${s.state}`));
    r.on('end', () => seen.push(`end ${r.name}`));
  });
  return { seen, readers };
}

describe('shared PC/SC context', () => {
  it('gives every monitor the same readers; one started late hears the readers and cards already there', async () => {
    const { natives, open } = setup();
    const first = watch(open());
    const reader = new NativeReader('Lettore A');
    natives[0]!.emit('reader', reader);
    reader.emit('status', { state: 0x22, atr: Buffer.from([0x3b]) });
    const late = watch(open());
    await tick();
    expect(natives).toHaveLength(1);
    expect(first.seen).toEqual(['reader Lettore A', 'status Lettore A 34']);
    expect(late.seen).toEqual(['reader Lettore A', 'status Lettore A 34']);
    reader.emit('status', { state: 0x12 });
    expect(late.seen.at(-1)).toBe('status Lettore A 18');
  });

  it('a reader found while a new view replays is announced to it once', async () => {
    const { natives, open } = setup();
    open();
    const view = watch(open());
    natives[0]!.emit('reader', new NativeReader('Lettore B'));
    await tick();
    expect(view.seen.filter((s) => s === 'reader Lettore B')).toHaveLength(1);
  });

  it('stopping a monitor detaches its view: no native close, the other view still hears events', async () => {
    const { natives, open } = setup();
    const a = open();
    const b = open();
    const seenA = watch(a);
    const seenB = watch(b);
    const reader = new NativeReader('Lettore C');
    natives[0]!.emit('reader', reader);
    await tick();
    seenA.readers[0]!.close();
    a.close();
    reader.emit('status', { state: 0x22 });
    expect(seenA.seen).toEqual(['reader Lettore C']);
    expect(seenB.seen).toEqual(['reader Lettore C', 'status Lettore C 34']);
    expect(reader.closed).toBe(0);
    expect(natives[0]!.closed).toBe(0);
  });

  it('after the service fails the views hear the error and the next open makes a new context', async () => {
    const { natives, open } = setup();
    const errors: unknown[] = [];
    open().on('error', (e) => errors.push(e));
    natives[0]!.emit('error', new Error('SCardGetStatusChange error: Service not available (0x8010001d)'));
    expect(errors).toHaveLength(1);
    open();
    expect(natives).toHaveLength(2);
    expect(natives[0]!.closed).toBe(0);
  });

  it('a reader unplugged ends for every view and is not replayed to later ones', async () => {
    const { natives, open } = setup();
    const view = watch(open());
    const reader = new NativeReader('Lettore D');
    natives[0]!.emit('reader', reader);
    await tick();
    reader.emit('end');
    const later = watch(open());
    await tick();
    expect(view.seen).toEqual(['reader Lettore D', 'end Lettore D']);
    expect(later.seen).toEqual([]);
  });

  it('card operations reach the native reader', async () => {
    const { natives, open } = setup();
    const view = watch(open());
    natives[0]!.emit('reader', new NativeReader('Lettore E'));
    await tick();
    const answer = await new Promise<Buffer>((resolve, reject) => view.readers[0]!.transmit(Buffer.from([0, 0xa4]), 2, 2, (e, r) => (e ? reject(e) : resolve(r))));
    expect([...answer]).toEqual([0x90, 0]);
  });
});
